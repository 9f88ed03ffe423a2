package io.github.supcam.image;

/** Separable Gaussian smoothing with edge clamping. */
public final class Blur {
	private Blur() {}

	static double[] kernel(double sigma) {
		int r = Math.max(1, (int) Math.ceil(3 * sigma));
		double[] k = new double[2 * r + 1];
		double sum = 0;
		for (int i = -r; i <= r; i++) sum += k[i + r] = Math.exp(-0.5 * i * i / (sigma * sigma));
		for (int i = 0; i < k.length; i++) k[i] /= sum;
		return k;
	}

	public static double[] gaussian1d(double[] v, double sigma) {
		if (sigma < 0.05) return v.clone();
		double[] k = kernel(sigma);
		int r = k.length / 2, n = v.length;
		double[] out = new double[n];
		for (int i = 0; i < n; i++) {
			double s = 0;
			for (int j = -r; j <= r; j++) s += k[j + r] * v[Math.min(n - 1, Math.max(0, i + j))];
			out[i] = s;
		}
		return out;
	}

	/** Blurs a row-major {@code w x h} image in place; values beyond the border count as 0. */
	public static void gaussian2d(float[] img, int w, int h, double sigma) {
		if (sigma < 0.05) return;
		double[] k = kernel(sigma);
		int r = k.length / 2;
		float[] tmp = new float[Math.max(w, h)];
		for (int y = 0; y < h; y++) {
			int o = y * w;
			for (int x = 0; x < w; x++) {
				double s = 0;
				for (int j = Math.max(-r, -x), e = Math.min(r, w - 1 - x); j <= e; j++) s += k[j + r] * img[o + x + j];
				tmp[x] = (float) s;
			}
			System.arraycopy(tmp, 0, img, o, w);
		}
		for (int x = 0; x < w; x++) {
			for (int y = 0; y < h; y++) {
				double s = 0;
				for (int j = Math.max(-r, -y), e = Math.min(r, h - 1 - y); j <= e; j++) s += k[j + r] * img[(y + j) * w + x];
				tmp[y] = (float) s;
			}
			for (int y = 0; y < h; y++) img[y * w + x] = tmp[y];
		}
	}
}
