package io.github.supcam.compose;

import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.Placement;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Minimal stand-in for {@code image.Canvas.fit(img, size, background)} until that class is merged; replace the one
 * call in {@link AugmentJob} and delete this class. Centres the image on a size×size canvas filled with
 * background, scaling it down (bilinear, averaging) to fit when it is larger, keeping the aspect ratio.
 */
final class CanvasStandIn {
	private CanvasStandIn() {}

	static Placement fit(ArrayImg<UnsignedByteType, ByteArray> img, int size, int background) {
		int w = Gray8.width(img), h = Gray8.height(img);
		double scale = Math.min(1.0, (double) size / Math.max(w, h));
		ImageProcessor ip = new ByteProcessor(w, h, Gray8.pixels(img));
		if (scale < 1) {
			ip.setInterpolationMethod(ImageProcessor.BILINEAR);
			ip = ip.resize(Math.max(1, (int) Math.round(w * scale)), Math.max(1, (int) Math.round(h * scale)), true);
		}
		ByteProcessor canvas = new ByteProcessor(size, size);
		canvas.setValue(background);
		canvas.fill();
		int ox = (size - ip.getWidth()) / 2, oy = (size - ip.getHeight()) / 2;
		canvas.insert(ip, ox, oy);
		return new Placement(Gray8.wrap((byte[]) canvas.getPixels(), size, size), ox, oy, scale);
	}
}
