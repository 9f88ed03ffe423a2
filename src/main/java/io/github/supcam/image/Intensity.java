package io.github.supcam.image;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/** Intensity conversions between the polarities of input images and the model's canonical one. */
public final class Intensity {
	private Intensity() {}

	/** The canonical polarity every model sees: dark chromosomes on a light background, as in ChrCluster. */
	public static final Polarity CANONICAL = Polarity.DARK_ON_LIGHT;

	/** A new image with every value v replaced by 255 - v. */
	public static ArrayImg<UnsignedByteType, ByteArray> invert(ArrayImg<UnsignedByteType, ByteArray> img) {
		byte[] src = Gray8.pixels(img), dst = new byte[src.length];
		for (int i = 0; i < src.length; i++) dst[i] = (byte) (255 - (src[i] & 0xff));
		return Gray8.wrap(dst, Gray8.width(img), Gray8.height(img));
	}

	/**
	 * The image in the {@link #CANONICAL} polarity: inverted when it is light-on-dark, otherwise returned as is
	 * (not copied).
	 *
	 * @param polarity the image's polarity, or null to {@linkplain PolarityDetector#detect detect} it
	 */
	public static ArrayImg<UnsignedByteType, ByteArray> toCanonical(ArrayImg<UnsignedByteType, ByteArray> img,
		Polarity polarity) {
		Polarity p = polarity != null ? polarity : PolarityDetector.detect(img);
		return p == CANONICAL ? img : invert(img);
	}

	/** The lower median of a histogram of counts per grey value. */
	public static int median(long[] histogram) {
		long n = 0;
		for (long c : histogram) n += c;
		long half = (n + 1) / 2, seen = 0;
		for (int v = 0; v < histogram.length; v++) {
			seen += histogram[v];
			if (seen >= half) return v;
		}
		return histogram.length - 1;
	}

	/** The background level of a crop: the median grey value of its one-pixel border. */
	public static int borderMedian(ArrayImg<UnsignedByteType, ByteArray> img) {
		int w = Gray8.width(img), h = Gray8.height(img);
		byte[] px = Gray8.pixels(img);
		long[] hist = new long[256];
		for (int x = 0; x < w; x++) {
			hist[px[x] & 0xff]++;
			if (h > 1) hist[px[(h - 1) * w + x] & 0xff]++;
		}
		for (int y = 1; y < h - 1; y++) {
			hist[px[y * w] & 0xff]++;
			if (w > 1) hist[px[y * w + w - 1] & 0xff]++;
		}
		return median(hist);
	}
}
