package io.github.supcam.model;

import ij.plugin.filter.EDM;
import ij.process.AutoThresholder;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.Intensity;
import io.github.supcam.image.Polarity;
import io.github.supcam.image.PolarityDetector;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import java.util.Arrays;

/**
 * Turns one cluster crop (any size, either polarity) into network input: a square float image where background is
 * 0 and stain density is positive, the cluster centred, and optionally every chromosome scaled to the same width
 * and every crop to the same contrast. Training, evaluation and classification all call this one class, with the
 * settings stored in the model package.
 */
public final class Preprocessor {
	private final PreprocessSettings settings;

	public Preprocessor(PreprocessSettings settings) {
		this.settings = settings;
	}

	public PreprocessSettings settings() {
		return settings;
	}

	/**
	 * The result of preprocessing one crop.
	 *
	 * @param data row-major inputSize×inputSize values, background 0
	 * @param polarity the polarity used
	 * @param background the background grey value found on the crop's border
	 * @param threshold foreground threshold on the density (grey levels above background)
	 * @param chromosomeWidth measured chromosome width in source pixels (NaN if not measured)
	 * @param scale source-to-input scale factor applied
	 */
	public record Result(float[] data, Polarity polarity, int background, int threshold, double chromosomeWidth,
		double scale) {}

	/** @throws IllegalArgumentException if the crop holds no foreground at all */
	public Result apply(ArrayImg<UnsignedByteType, ByteArray> crop) {
		int w = Gray8.width(crop), h = Gray8.height(crop);
		byte[] px = Gray8.pixels(crop);
		Polarity polarity = settings.polarity() != null ? settings.polarity() : PolarityDetector.detect(crop);
		int background = Intensity.borderMedian(crop);
		// Density: how much darker (dark-on-light) or brighter (light-on-dark) than the background.
		int[] density = new int[w * h];
		int[] hist = new int[256];
		for (int i = 0; i < density.length; i++) {
			int v = px[i] & 0xff;
			int d = Math.max(0, polarity == Polarity.DARK_ON_LIGHT ? background - v : v - background);
			density[i] = d;
			hist[d]++;
		}
		int threshold = Math.max(MIN_THRESHOLD, new AutoThresholder().getThreshold(AutoThresholder.Method.Otsu, hist));
		byte[] mask = new byte[w * h];
		int minX = w, minY = h, maxX = -1, maxY = -1, count = 0;
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
			if (density[y * w + x] > threshold) {
				mask[y * w + x] = (byte) 255;
				count++;
				minX = Math.min(minX, x); maxX = Math.max(maxX, x);
				minY = Math.min(minY, y); maxY = Math.max(maxY, y);
			}
		}
		if (count == 0) throw new IllegalArgumentException("No chromosome found in the crop (" + w + "x" + h +
			", polarity " + polarity + ", background " + background + "): it looks empty");

		double width = Double.NaN;
		double scale = 1;
		if (settings.targetWidth() > 0) {
			width = chromosomeWidth(mask, w, h);
			scale = clamp(settings.targetWidth() / width, settings.minScale(), settings.maxScale());
		}
		int room = settings.inputSize() - 2 * settings.margin();
		double extent = Math.max(maxX - minX + 1, maxY - minY + 1);
		if (extent * scale > room) scale = room / extent;

		float norm;
		if (settings.normalizeContrast()) {
			int[] fg = new int[count];
			for (int i = 0, k = 0; i < density.length; i++) if (mask[i] != 0) fg[k++] = density[i];
			Arrays.sort(fg);
			norm = 0.5f / Math.max(1, fg[count / 2]);
		} else {
			norm = 1f / 255;
		}
		float[] out = resample(density, w, h, (minX + maxX + 1) / 2.0, (minY + maxY + 1) / 2.0, scale, norm);
		return new Result(out, polarity, background, threshold, width, scale);
	}

	/** Chromosomes are never fainter than this many grey levels; keeps pure noise from becoming foreground. */
	static final int MIN_THRESHOLD = 8;
	/** Upper clip of normalised density: three stacked chromosomes are as dark as it gets. */
	static final float MAX_DENSITY = 2f;

	private float[] resample(int[] density, int w, int h, double cx, double cy, double scale, float norm) {
		int n = settings.inputSize();
		float[] out = new float[n * n];
		double half = n / 2.0;
		for (int y = 0; y < n; y++) {
			// Sample at pixel centres, mapping the output centre onto the source cluster's centre.
			double sy = (y + 0.5 - half) / scale + cy - 0.5;
			for (int x = 0; x < n; x++) {
				double sx = (x + 0.5 - half) / scale + cx - 0.5;
				float v = bilinear(density, w, h, sx, sy) * norm;
				out[y * n + x] = Math.min(MAX_DENSITY, v);
			}
		}
		return out;
	}

	private static float bilinear(int[] d, int w, int h, double x, double y) {
		int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
		double fx = x - x0, fy = y - y0;
		double v00 = at(d, w, h, x0, y0), v10 = at(d, w, h, x0 + 1, y0);
		double v01 = at(d, w, h, x0, y0 + 1), v11 = at(d, w, h, x0 + 1, y0 + 1);
		return (float) ((v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy);
	}

	private static int at(int[] d, int w, int h, int x, int y) {
		return x < 0 || y < 0 || x >= w || y >= h ? 0 : d[y * w + x];
	}

	/**
	 * Chromosome width in pixels from the Euclidean distance map: the median distance on the mask's ridge (pixels
	 * no smaller than any 8-neighbour) is the half-width. The median keeps crossings and blobs from dominating.
	 */
	public static double chromosomeWidth(byte[] mask, int w, int h) {
		FloatProcessor edm = new EDM().makeFloatEDM(new ByteProcessor(w, h, mask), 0, false);
		float[] e = (float[]) edm.getPixels();
		float[] ridge = new float[w * h];
		int n = 0;
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
			float v = e[y * w + x];
			if (v <= 0) continue;
			boolean max = true;
			for (int dy = -1; dy <= 1 && max; dy++) for (int dx = -1; dx <= 1; dx++) {
				int xx = x + dx, yy = y + dy;
				if (xx >= 0 && yy >= 0 && xx < w && yy < h && e[yy * w + xx] > v) { max = false; break; }
			}
			if (max) ridge[n++] = v;
		}
		if (n == 0) return 1;
		Arrays.sort(ridge, 0, n);
		return Math.max(1, 2 * ridge[n / 2] - 1);
	}

	private static double clamp(double v, double lo, double hi) {
		return Math.max(lo, Math.min(hi, v));
	}
}
