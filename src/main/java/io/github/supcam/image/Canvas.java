package io.github.supcam.image;

import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/** Puts an image on the square canvas a network expects, the way SupCAM's preprocessing does: pad, never stretch. */
public final class Canvas {
	private Canvas() {}

	/**
	 * Centres {@code img} on a {@code size}×{@code size} canvas filled with {@code background}.
	 * <p>
	 * An image that fits is copied unscaled ({@code scale} 1). A wider or taller one is first scaled down by
	 * {@code size / max(width, height)}, so its longer side becomes exactly {@code size}; the shorter side is
	 * {@code max(1, round(side * scale))}. Scaling uses ImageJ's bilinear resize with area averaging, which is
	 * deterministic. Centring rounds down: the offset is {@code (size - side) / 2} in integer division, so an odd
	 * leftover pixel goes to the right / bottom margin.
	 *
	 * @return the canvas with the offset of the source's pixel (0,0) and the scale factor applied
	 */
	public static Placement fit(ArrayImg<UnsignedByteType, ByteArray> img, int size, int background) {
		if (size < 1) throw new IllegalArgumentException("Canvas size must be at least 1, got " + size);
		if (background < 0 || background > 255) throw new IllegalArgumentException("Background must be 0..255, got " +
			background);
		int w = Gray8.width(img), h = Gray8.height(img);
		double scale = 1;
		ImageProcessor src = new ByteProcessor(w, h, Gray8.pixels(img));
		if (w > size || h > size) {
			scale = (double) size / Math.max(w, h);
			int sw = Math.max(1, Math.min(size, (int) Math.round(w * scale)));
			int sh = Math.max(1, Math.min(size, (int) Math.round(h * scale)));
			src.setInterpolationMethod(ImageProcessor.BILINEAR);
			src = src.resize(sw, sh, true);
		}
		int ox = (size - src.getWidth()) / 2, oy = (size - src.getHeight()) / 2;
		ArrayImg<UnsignedByteType, ByteArray> canvas = Gray8.create(size, size, background);
		byte[] dst = Gray8.pixels(canvas);
		byte[] s = (byte[]) src.getPixels();
		for (int y = 0; y < src.getHeight(); y++)
			System.arraycopy(s, y * src.getWidth(), dst, (y + oy) * size + ox, src.getWidth());
		return new Placement(canvas, ox, oy, scale);
	}
}
