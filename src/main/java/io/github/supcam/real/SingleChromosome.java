package io.github.supcam.real;

import ij.process.AutoThresholder;
import io.github.supcam.detect.ConnectedComponents;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.Intensity;
import io.github.supcam.image.Polarity;
import io.github.supcam.image.PolarityDetector;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * One real single chromosome, ready to be composed into clusters: its stain as transmittance (1 = clear
 * background, darker stain nearer 0) and its mask, on the crop's grid. Transmittance is what multiplies where
 * chromosomes overlap.
 *
 * @param name where it came from (a relative file name)
 * @param width grid width
 * @param height grid height
 * @param transmittance row-major, 1 outside the chromosome
 * @param mask row-major chromosome pixels
 */
public record SingleChromosome(String name, int width, int height, float[] transmittance, boolean[] mask) {
	/** Stain fainter than this many grey levels is never chromosome, whatever Otsu says. */
	static final int MIN_DENSITY = 8;

	public SingleChromosome {
		if (transmittance.length != width * height || mask.length != width * height) throw new
			IllegalArgumentException("Arrays do not match " + width + "x" + height);
	}

	/**
	 * A crop of either polarity (detected from its border, {@link PolarityDetector}): a harvested dark-on-light
	 * crop or a light-on-dark BioImLab one. The background is the border median; the mask is the largest
	 * 8-connected Otsu component of the stain density, so specks and neighbours' fringes are left out.
	 *
	 * @return null when the crop holds no stain
	 */
	public static SingleChromosome of(String name, ArrayImg<UnsignedByteType, ByteArray> crop) {
		ArrayImg<UnsignedByteType, ByteArray> img = PolarityDetector.detect(crop) == Polarity.LIGHT_ON_DARK ?
			Intensity.invert(crop) : crop;
		int w = Gray8.width(img), h = Gray8.height(img);
		byte[] px = Gray8.pixels(img);
		int bg = Math.max(1, Intensity.borderMedian(img));
		int[] hist = new int[256];
		int[] density = new int[px.length];
		for (int i = 0; i < px.length; i++) hist[density[i] = Math.max(0, bg - (px[i] & 0xff))]++;
		int t = Math.max(MIN_DENSITY, new AutoThresholder().getThreshold(AutoThresholder.Method.Otsu, hist));
		boolean[] fg = new boolean[px.length];
		for (int i = 0; i < px.length; i++) fg[i] = density[i] > t;
		boolean[] mask = largestComponent(fg, w, h);
		if (mask == null) return null;
		float[] tr = new float[px.length];
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
			int i = y * w + x;
			// Beyond one pixel of the chromosome, padding and haze must not print as a grey box.
			tr[i] = near(mask, w, h, x, y) ? Math.min(1f, (px[i] & 0xff) / (float) bg) : 1f;
		}
		return new SingleChromosome(name, w, h, tr, mask);
	}

	private static boolean[] largestComponent(boolean[] fg, int w, int h) {
		int[] labels = new int[fg.length];
		int n = ConnectedComponents.label(fg, true, w, h, true, labels);
		if (n == 0) return null;
		int[] area = new int[n + 1];
		for (int l : labels) area[l]++;
		int best = 1;
		for (int l = 2; l <= n; l++) if (area[l] > area[best]) best = l;
		boolean[] mask = new boolean[fg.length];
		for (int i = 0; i < fg.length; i++) mask[i] = labels[i] == best;
		return mask;
	}

	private static boolean near(boolean[] mask, int w, int h, int x, int y) {
		for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) {
			int xx = x + dx, yy = y + dy;
			if (xx >= 0 && yy >= 0 && xx < w && yy < h && mask[yy * w + xx]) return true;
		}
		return false;
	}

	/**
	 * The mask's principal axis: centroid ({@code cx}, {@code cy}, pixel centres at +0.5), the axis angle in radians
	 * and the mask's extent along it ({@code length}, pixels).
	 */
	public record Axis(double cx, double cy, double angle, double length) {}

	/** The mask's principal axis from its second moments. */
	public Axis axis() {
		double n = 0, sx = 0, sy = 0;
		for (int i = 0; i < mask.length; i++) if (mask[i]) {
			n++;
			sx += i % width;
			sy += i / width;
		}
		double cx = sx / n + 0.5, cy = sy / n + 0.5, mxx = 0, myy = 0, mxy = 0;
		for (int i = 0; i < mask.length; i++) if (mask[i]) {
			double dx = i % width + 0.5 - cx, dy = i / width + 0.5 - cy;
			mxx += dx * dx;
			myy += dy * dy;
			mxy += dx * dy;
		}
		double angle = 0.5 * Math.atan2(2 * mxy, mxx - myy), ca = Math.cos(angle), sa = Math.sin(angle);
		double uMin = Double.MAX_VALUE, uMax = -Double.MAX_VALUE;
		for (int i = 0; i < mask.length; i++) if (mask[i]) {
			double u = (i % width + 0.5 - cx) * ca + (i / width + 0.5 - cy) * sa;
			uMin = Math.min(uMin, u - 0.5);
			uMax = Math.max(uMax, u + 0.5);
		}
		return new Axis(cx, cy, angle, uMax - uMin);
	}

	/**
	 * Length in chromosome widths, scale-free: the extent along the principal axis over the mean width (area over
	 * that extent), so a straight chromosome 8 widths long gives about 8 at any resolution.
	 */
	public double lengthInWidths() {
		double l = axis().length();
		return l * l / area();
	}

	/** Number of chromosome pixels. */
	public int area() {
		int n = 0;
		for (boolean b : mask) if (b) n++;
		return n;
	}
}
