package io.github.supcam.image;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Tells dark-on-light from light-on-dark images. A cluster crop's border is background, so the foreground is
 * whatever departs from the border's gray level, and its side (darker or lighter) is the polarity.
 */
public final class PolarityDetector {
	private PolarityDetector() {}

	/**
	 * Takes the background level {@code b} as the median of the one-pixel border and its noise as the border's
	 * median absolute deviation (MAD). Pixels further than {@code max(2, 3 * MAD)} from {@code b} are foreground;
	 * the sign of their summed deviation {@code Σ (v - b)} decides: negative (or zero, e.g. a uniform image) is
	 * {@link Polarity#DARK_ON_LIGHT}, the canonical polarity, positive is {@link Polarity#LIGHT_ON_DARK}.
	 * <p>
	 * Comparing the border median with the image median instead fails on crops whose near-black background varies
	 * by a gray level or two between the border and the inside (seen in the BioImLab crops).
	 */
	public static Polarity detect(ArrayImg<UnsignedByteType, ByteArray> img) {
		int w = Gray8.width(img), h = Gray8.height(img);
		byte[] p = Gray8.pixels(img);
		long[] all = new long[256], border = new long[256];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				int v = p[y * w + x] & 0xff;
				all[v]++;
				if (x == 0 || y == 0 || x == w - 1 || y == h - 1) border[v]++;
			}
		}
		int b = Intensity.median(border);
		long[] deviation = new long[256];
		for (int v = 0; v < 256; v++) deviation[Math.abs(v - b)] += border[v];
		int tolerance = Math.max(2, 3 * Intensity.median(deviation));
		long signed = 0;
		for (int v = 0; v < 256; v++)
			if (Math.abs(v - b) > tolerance) signed += all[v] * (v - b);
		return signed > 0 ? Polarity.LIGHT_ON_DARK : Polarity.DARK_ON_LIGHT;
	}
}
