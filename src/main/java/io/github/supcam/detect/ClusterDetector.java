package io.github.supcam.detect;

import ij.process.AutoThresholder;
import ij.process.ByteProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import io.github.supcam.image.Gray8;
import io.github.supcam.image.Polarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds chromosome clusters, the connected foreground components, in a whole metaphase image: illumination
 * flattening by a grey opening, light Gaussian smoothing, an ImageJ auto-threshold, filling of small holes,
 * 8-connected labelling, and size/shape filters against debris and interphase nuclei. Thread-safe; the input
 * image is not modified.
 */
public final class ClusterDetector {
	private final DetectionSettings settings;

	public ClusterDetector(DetectionSettings settings) {
		if (settings == null) throw new IllegalArgumentException("settings must be set");
		this.settings = settings;
	}

	public DetectionSettings settings() {
		return settings;
	}

	public DetectionResult detect(ArrayImg<UnsignedByteType, ByteArray> image) {
		int w = Gray8.width(image), h = Gray8.height(image);
		if (w < 3 || h < 3) throw new IllegalArgumentException("Image of " + w + "x" + h +
			" px is too small for cluster detection");
		byte[] src = Gray8.pixels(image);
		Polarity polarity = resolvePolarity(src, w, h);

		// Work on a copy where the foreground is bright, so every later step has one polarity.
		ByteProcessor work = new ByteProcessor(w, h, src.clone());
		if (polarity == Polarity.DARK_ON_LIGHT) work.invert();
		byte[] px = (byte[]) work.getPixels();
		if (settings.backgroundRadius() > 0) BackgroundFlattening.subtract(px, w, h, settings.backgroundRadius());
		if (settings.smoothingSigma() > 0) GaussianSmoothing.smooth(px, w, h, settings.smoothingSigma());
		int threshold = threshold(work.getHistogram());

		boolean[] fg = new boolean[w * h];
		for (int i = 0; i < fg.length; i++) fg[i] = (px[i] & 0xff) > threshold;
		int[] labels = new int[w * h];
		fillSmallHoles(fg, w, h, labels);
		int n = ConnectedComponents.label(fg, true, w, h, true, labels);
		return filter(labels, n, w, h, polarity, threshold);
	}

	private Polarity resolvePolarity(byte[] px, int w, int h) {
		switch (settings.polarity()) {
			case DARK_ON_LIGHT: return Polarity.DARK_ON_LIGHT;
			case LIGHT_ON_DARK: return Polarity.LIGHT_ON_DARK;
			default:
				int[] hist = new int[256];
				for (byte v : px) hist[v & 0xff]++;
				int median = percentile(hist, px.length, 0.5);
				int darkTail = median - percentile(hist, px.length, 0.002);
				int lightTail = percentile(hist, px.length, 0.998) - median;
				return lightTail > darkTail ? Polarity.LIGHT_ON_DARK : Polarity.DARK_ON_LIGHT;
		}
	}

	private static int percentile(int[] hist, int n, double q) {
		long need = (long) Math.ceil(q * n), sum = 0;
		for (int i = 0; i < 256; i++) if ((sum += hist[i]) >= Math.max(1, need)) return i;
		return 255;
	}

	private int threshold(int[] histogram) {
		int mode = 0;
		for (int i = 1; i < 256; i++) if (histogram[i] > histogram[mode]) mode = i;
		int auto = new AutoThresholder().getThreshold(settings.thresholdMethod(), histogram);
		return Math.min(255, Math.max(auto, mode + settings.minContrast()));
	}

	/** Background components (4-connected, dual to 8-connected foreground) not on the border and small enough. */
	private void fillSmallHoles(boolean[] fg, int w, int h, int[] scratch) {
		if (settings.maxHoleArea() == 0) return;
		int n = ConnectedComponents.label(fg, false, w, h, false, scratch);
		int[] area = new int[n + 1];
		boolean[] onBorder = new boolean[n + 1];
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
			int l = scratch[y * w + x];
			area[l]++;
			if (x == 0 || y == 0 || x == w - 1 || y == h - 1) onBorder[l] = true;
		}
		for (int i = 0; i < fg.length; i++) {
			int l = scratch[i];
			if (l != 0 && !onBorder[l] && area[l] < settings.maxHoleArea()) fg[i] = true;
		}
	}

	private DetectionResult filter(int[] labels, int n, int w, int h, Polarity polarity, int threshold) {
		int[] area = new int[n + 1], minX = new int[n + 1], minY = new int[n + 1], maxX = new int[n + 1],
			maxY = new int[n + 1];
		double[] sx = new double[n + 1], sy = new double[n + 1], sxx = new double[n + 1], syy = new double[n + 1],
			sxy = new double[n + 1];
		Arrays.fill(minX, Integer.MAX_VALUE);
		Arrays.fill(minY, Integer.MAX_VALUE);
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
			int l = labels[y * w + x];
			if (l == 0) continue;
			area[l]++;
			minX[l] = Math.min(minX[l], x);
			maxX[l] = Math.max(maxX[l], x);
			minY[l] = Math.min(minY[l], y);
			maxY[l] = Math.max(maxY[l], y);
			sx[l] += x;
			sy[l] += y;
			sxx[l] += (double) x * x;
			syy[l] += (double) y * y;
			sxy[l] += (double) x * y;
		}
		int[] newLabel = new int[n + 1];
		List<DetectedCluster> kept = new ArrayList<>();
		int small = 0, large = 0, nuclei = 0;
		for (int l = 1; l <= n; l++) {
			if (area[l] < settings.minArea()) {
				small++;
				continue;
			}
			if (area[l] > settings.maxArea()) {
				large++;
				continue;
			}
			double a = area[l], cx = sx[l] / a, cy = sy[l] / a;
			double roundness = roundness(sxx[l] / a - cx * cx, syy[l] / a - cy * cy, sxy[l] / a - cx * cy);
			double solidity = a / convexHullArea(labels, w, l, minX[l], minY[l], maxX[l], maxY[l]);
			if (settings.dropNuclei() && area[l] >= settings.nucleusMinArea() &&
				solidity >= settings.nucleusMinSolidity() && roundness >= settings.nucleusMinRoundness())
			{
				nuclei++;
				continue;
			}
			int id = kept.size() + 1;
			newLabel[l] = id;
			boolean border = minX[l] == 0 || minY[l] == 0 || maxX[l] == w - 1 || maxY[l] == h - 1;
			kept.add(new DetectedCluster(id, minX[l], minY[l], maxX[l] - minX[l] + 1, maxY[l] - minY[l] + 1,
				area[l], cx, cy, border, Math.min(1, solidity), roundness));
		}
		for (int i = 0; i < labels.length; i++) labels[i] = newLabel[labels[i]];
		return new DetectionResult(new LabelImage(w, h, labels), kept, polarity, threshold, small, large, nuclei);
	}

	/** sqrt of the ratio of the eigenvalues of the second central moment matrix. */
	private static double roundness(double mxx, double myy, double mxy) {
		double tr = mxx + myy, det = mxx * myy - mxy * mxy;
		double disc = Math.sqrt(Math.max(0, tr * tr / 4 - det));
		double major = tr / 2 + disc, minor = tr / 2 - disc;
		// A one-pixel-wide line has minor = 0; pixels are unit squares, so add their own moment 1/12.
		return Math.sqrt((minor + 1.0 / 12) / (major + 1.0 / 12));
	}

	/** Area of the convex hull of the pixel squares of label l (monotone chain over row extremes). */
	private static double convexHullArea(int[] labels, int w, int l, int x0, int y0, int x1, int y1) {
		int rows = y1 - y0 + 1;
		long[] pts = new long[rows * 4];
		int np = 0;
		for (int y = y0; y <= y1; y++) {
			int row = y * w, left = -1, right = -1;
			for (int x = x0; x <= x1; x++) if (labels[row + x] == l) {
				if (left < 0) left = x;
				right = x;
			}
			if (left < 0) continue;
			pts[np++] = pack(left, y);
			pts[np++] = pack(left, y + 1);
			pts[np++] = pack(right + 1, y);
			pts[np++] = pack(right + 1, y + 1);
		}
		long[] p = Arrays.copyOf(pts, np);
		Arrays.sort(p);
		long[] hull = new long[2 * np];
		int k = 0;
		for (int i = 0; i < np; i++) {
			while (k >= 2 && cross(hull[k - 2], hull[k - 1], p[i]) <= 0) k--;
			hull[k++] = p[i];
		}
		for (int i = np - 2, t = k + 1; i >= 0; i--) {
			while (k >= t && cross(hull[k - 2], hull[k - 1], p[i]) <= 0) k--;
			hull[k++] = p[i];
		}
		double twice = 0;
		for (int i = 0; i < k - 1; i++) twice += (double) px(hull[i]) * py(hull[i + 1]) - (double) px(hull[i + 1]) *
			py(hull[i]);
		return Math.abs(twice) / 2;
	}

	// Points packed x-major so that sorting the longs sorts by x, then y (coordinates are non-negative ints).
	private static long pack(int x, int y) {
		return ((long) x << 32) | y;
	}

	private static int px(long p) {
		return (int) (p >>> 32);
	}

	private static int py(long p) {
		return (int) p;
	}

	private static long cross(long o, long a, long b) {
		return (long) (px(a) - px(o)) * (py(b) - py(o)) - (long) (py(a) - py(o)) * (px(b) - px(o));
	}
}
