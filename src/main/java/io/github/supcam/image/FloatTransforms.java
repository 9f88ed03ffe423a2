package io.github.supcam.image;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Geometric augmentations on preprocessed square network inputs (row-major float, background 0): the
 * category-invariant views of SupCAM's pretraining (RandomResizedCrop + HorizontalFlip) and fine-tuning's
 * RandomRotate. All randomness comes from the caller's seeded generator.
 */
public final class FloatTransforms {
	private FloatTransforms() {}

	/**
	 * torchvision's RandomResizedCrop followed by a horizontal flip with probability ½: a crop of area fraction in
	 * [minScale, 1] and aspect ratio log-uniform in [3/4, 4/3], resized back to size×size.
	 */
	public static float[] randomResizedCropFlip(float[] src, int size, double minScale, RandomGenerator rng) {
		double area = (double) size * size;
		double cw = size, ch = size, x0 = 0, y0 = 0;
		for (int attempt = 0; attempt < 10; attempt++) {
			double target = area * (minScale + (1 - minScale) * rng.nextDouble());
			double ratio = Math.exp(Math.log(3.0 / 4) + (Math.log(4.0 / 3) - Math.log(3.0 / 4)) * rng.nextDouble());
			double w = Math.sqrt(target * ratio), h = Math.sqrt(target / ratio);
			if (w <= size && h <= size) {
				cw = w;
				ch = h;
				x0 = (size - w) * rng.nextDouble();
				y0 = (size - h) * rng.nextDouble();
				break;
			}
		}
		boolean flip = rng.nextBoolean();
		float[] out = new float[size * size];
		double sx = cw / size, sy = ch / size;
		for (int y = 0; y < size; y++) {
			double yy = y0 + (y + 0.5) * sy - 0.5;
			for (int x = 0; x < size; x++) {
				int ox = flip ? size - 1 - x : x;
				out[y * size + ox] = bilinear(src, size, x0 + (x + 0.5) * sx - 0.5, yy);
			}
		}
		return out;
	}

	/** Rotation about the centre by an angle uniform in [-maxDegrees, maxDegrees]; corners fill with 0. */
	public static float[] randomRotate(float[] src, int size, double maxDegrees, RandomGenerator rng) {
		return rotate(src, size, Math.toRadians((2 * rng.nextDouble() - 1) * maxDegrees));
	}

	/** Rotation about the centre by {@code radians} (counter-clockwise on screen); corners fill with 0. */
	public static float[] rotate(float[] src, int size, double radians) {
		float[] out = new float[size * size];
		double c = Math.cos(radians), s = Math.sin(radians), mid = size / 2.0 - 0.5;
		for (int y = 0; y < size; y++) for (int x = 0; x < size; x++) {
			double dx = x - mid, dy = y - mid;
			out[y * size + x] = bilinear(src, size, c * dx - s * dy + mid, s * dx + c * dy + mid);
		}
		return out;
	}

	/** Mirror left-right. */
	public static float[] flipHorizontal(float[] src, int size) {
		float[] out = new float[size * size];
		for (int y = 0; y < size; y++) for (int x = 0; x < size; x++) out[y * size + x] = src[y * size + size - 1 - x];
		return out;
	}

	static float bilinear(float[] d, int n, double x, double y) {
		int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
		double fx = x - x0, fy = y - y0;
		double v = at(d, n, x0, y0) * (1 - fx) * (1 - fy) + at(d, n, x0 + 1, y0) * fx * (1 - fy) +
			at(d, n, x0, y0 + 1) * (1 - fx) * fy + at(d, n, x0 + 1, y0 + 1) * fx * fy;
		return (float) v;
	}

	private static float at(float[] d, int n, int x, int y) {
		return x < 0 || y < 0 || x >= n || y >= n ? 0f : d[y * n + x];
	}

	/**
	 * Adds Gaussian noise of a standard deviation drawn uniformly from [0, maxSigma], in place: cameras differ in
	 * noise, and composed views have a flat background that noise hides.
	 */
	public static float[] addNoise(float[] img, double maxSigma, RandomGenerator rng) {
		double sigma = maxSigma * rng.nextDouble();
		for (int i = 0; i < img.length; i++) img[i] += (float) (sigma * rng.nextGaussian());
		return img;
	}
}
