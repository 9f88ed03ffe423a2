package io.github.supcam.detect;

import java.util.Arrays;

/**
 * Separable Gaussian smoothing of an 8-bit image, single-threaded. ImageJ's GaussianBlur is not used because its
 * shared thread pool keeps non-daemon threads alive, so a headless JVM would not exit after a detection.
 */
final class GaussianSmoothing {
	private GaussianSmoothing() {}

	/** Smooths {@code px} (row-major, w x h) in place; edges are extended by repeating the border pixel. */
	static void smooth(byte[] px, int w, int h, double sigma) {
		int r = (int) Math.ceil(3 * sigma);
		float[] k = new float[2 * r + 1];
		double sum = 0;
		for (int i = -r; i <= r; i++) sum += k[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
		for (int i = 0; i < k.length; i++) k[i] /= sum;
		float[] line = new float[w + 2 * r], out = new float[w];
		float[] tmp = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) line[r + x] = px[y * w + x] & 0xff;
			convolve(line, out, w, k, r);
			System.arraycopy(out, 0, tmp, y * w, w);
		}
		// Vertical pass row by row, so that memory is read contiguously.
		float[] acc = new float[w];
		for (int y = 0; y < h; y++) {
			Arrays.fill(acc, 0);
			for (int j = 0; j < k.length; j++) {
				int src = Math.min(h - 1, Math.max(0, y + j - r)) * w;
				float kj = k[j];
				for (int x = 0; x < w; x++) acc[x] += kj * tmp[src + x];
			}
			for (int x = 0; x < w; x++) px[y * w + x] = (byte) Math.min(255, Math.round(acc[x]));
		}
	}

	/** Convolves line[r .. r+n) padded by repeating its end values. */
	private static void convolve(float[] line, float[] out, int n, float[] k, int r) {
		for (int i = 0; i < r; i++) {
			line[i] = line[r];
			line[r + n + i] = line[r + n - 1];
		}
		for (int i = 0; i < n; i++) {
			float s = 0;
			for (int j = 0; j < k.length; j++) s += k[j] * line[i + j];
			out[i] = s;
		}
	}
}
