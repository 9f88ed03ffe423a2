package io.github.supcam.image;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import java.util.Arrays;

/**
 * The canonical in-memory image of the plugin: an 8-bit grayscale ImgLib2 {@link ArrayImg} whose backing
 * {@code byte[]} is shared, without copying, with an ImageJ {@link ByteProcessor}. Pixel (x, y) lives at
 * index {@code y * width + x}.
 */
public final class Gray8 {
	private Gray8() {}

	/** A new image filled with {@code value} (0..255). */
	public static ArrayImg<UnsignedByteType, ByteArray> create(int width, int height, int value) {
		byte[] data = new byte[Math.multiplyExact(width, height)];
		Arrays.fill(data, (byte) value);
		return ArrayImgs.unsignedBytes(data, width, height);
	}

	/** Wraps an existing row-major pixel array (not copied). */
	public static ArrayImg<UnsignedByteType, ByteArray> wrap(byte[] pixels, int width, int height) {
		if (pixels.length != width * height) throw new IllegalArgumentException("Pixel array of length " +
			pixels.length + " does not match " + width + "x" + height);
		return ArrayImgs.unsignedBytes(pixels, width, height);
	}

	/** Zero-copy view of an 8-bit ImagePlus' current slice. */
	public static ArrayImg<UnsignedByteType, ByteArray> wrap(ImagePlus imp) {
		if (imp.getType() != ImagePlus.GRAY8) throw new IllegalArgumentException("Image '" + imp.getTitle() +
			"' is not 8-bit grayscale; convert it first (ImageFiles.toGray8)");
		return wrap((byte[]) imp.getProcessor().getPixels(), imp.getWidth(), imp.getHeight());
	}

	/** Zero-copy ImagePlus over the image's pixels. */
	public static ImagePlus toImagePlus(ArrayImg<UnsignedByteType, ByteArray> img, String title) {
		return new ImagePlus(title, new ByteProcessor(width(img), height(img), pixels(img)));
	}

	/** The backing pixel array (shared, not copied). */
	public static byte[] pixels(ArrayImg<UnsignedByteType, ByteArray> img) {
		return img.update(null).getCurrentStorageArray();
	}

	public static int width(ArrayImg<UnsignedByteType, ?> img) {
		return (int) img.dimension(0);
	}

	public static int height(ArrayImg<UnsignedByteType, ?> img) {
		return (int) img.dimension(1);
	}

	/** Pixel value 0..255 at (x, y). */
	public static int get(ArrayImg<UnsignedByteType, ByteArray> img, int x, int y) {
		return pixels(img)[y * width(img) + x] & 0xff;
	}

	/** A deep copy. */
	public static ArrayImg<UnsignedByteType, ByteArray> copy(ArrayImg<UnsignedByteType, ByteArray> img) {
		return wrap(pixels(img).clone(), width(img), height(img));
	}
}
