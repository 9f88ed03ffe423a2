package io.github.supcam.detect;

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
		float[] line = new float[Math.max(w, h) + 2 * r], out = new float[Math.max(w, h)];
		float[] tmp = new float[w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) line[r + x] = px[y * w + x] & 0xff;
			convolve(line, out, w, k, r);
			System.arraycopy(out, 0, tmp, y * w, w);
		}
		for (int x = 0; x < w; x++) {
			for (int y = 0; y < h; y++) line[r + y] = tmp[y * w + x];
			convolve(line, out, h, k, r);
			for (int y = 0; y < h; y++) px[y * w + x] = (byte) Math.min(255, Math.round(out[y]));
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
