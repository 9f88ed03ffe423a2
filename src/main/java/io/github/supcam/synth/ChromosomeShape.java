package io.github.supcam.synth;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * The geometry and band pattern of one chromosome in cluster coordinates (pixels): a bent centreline with rounded
 * caps, a width narrowed at the centromere, and a G-band density profile along the length.
 */
final class ChromosomeShape {
	/** Samples of the band profile along the normalised length [0, 1]. */
	private static final int BAND_SAMPLES = 256;

	final double[] xs, ys; // centreline vertices; the caps extend width/2 beyond both ends
	final double[] arc; // arc length at each vertex
	final double width, length;
	final double centromere; // arc-length position along the centreline
	final double centromereDepth;
	final double chromatidGroove; // relative density dip along the middle, hinting at the two chromatids
	final float[] bands; // density multiplier over the normalised length, in (0, 1]

	private ChromosomeShape(double[] xs, double[] ys, double width, double length, double centromere,
		double centromereDepth, double chromatidGroove, float[] bands)
	{
		this.xs = xs;
		this.ys = ys;
		this.width = width;
		this.length = length;
		this.centromere = centromere;
		this.centromereDepth = centromereDepth;
		this.chromatidGroove = chromatidGroove;
		this.bands = bands;
		arc = new double[xs.length];
		for (int i = 1; i < xs.length; i++) arc[i] = arc[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
	}

	/**
	 * A random chromosome centred on the origin with its long axis at {@code angle}.
	 *
	 * @param contrast band contrast, see {@link SynthSettings#bandContrast()}
	 * @param sharpness band sharpness, see {@link SynthSettings#bandSharpness()}
	 */
	static ChromosomeShape random(RandomGenerator rng, double width, double length, double bend, double angle,
		double depth, double contrast, double sharpness)
	{
		double inner = Math.max(0.25 * width, length - width);
		int segments = Math.max(3, (int) Math.ceil(inner / Math.max(2, width * 0.4)));
		// Curvature varies linearly along the rod, so rods bend as C or gentle S shapes.
		double k0 = bend * (2 * rng.nextDouble() - 1), k1 = 1.5 * bend * (2 * rng.nextDouble() - 1);
		double[] xs = new double[segments + 1], ys = new double[segments + 1];
		double heading = 0, step = inner / segments;
		for (int i = 0; i < segments; i++) {
			double t = (i + 0.5) / segments;
			heading += (k0 + k1 * (t - 0.5)) / segments;
			xs[i + 1] = xs[i] + step * Math.cos(heading);
			ys[i + 1] = ys[i] + step * Math.sin(heading);
		}
		double mx = 0, my = 0;
		for (int i = 0; i <= segments; i++) {
			mx += xs[i] / (segments + 1);
			my += ys[i] / (segments + 1);
		}
		double c = Math.cos(angle - heading / 2), s = Math.sin(angle - heading / 2);
		for (int i = 0; i <= segments; i++) {
			double x = xs[i] - mx, y = ys[i] - my;
			xs[i] = c * x - s * y;
			ys[i] = s * x + c * y;
		}
		// Centromere from metacentric (middle) to acrocentric (near an end), on either side.
		double fraction = 0.08 + 0.42 * rng.nextDouble();
		if (rng.nextBoolean()) fraction = 1 - fraction;
		double groove = 0.02 + 0.08 * rng.nextDouble();
		return new ChromosomeShape(xs, ys, width, length, fraction * inner, depth, groove,
			bandProfile(rng, length / width, contrast, sharpness));
	}

	/**
	 * Alternating dark and pale bands of random width and strength, pale at both telomeres, smoothed by a Gaussian
	 * whose width falls as sharpness rises.
	 */
	private static float[] bandProfile(RandomGenerator rng, double aspect, double contrast, double sharpness) {
		double[] raw = new double[BAND_SAMPLES];
		// Band widths are a fraction of the chromosome width, i.e. a fraction 1/aspect of the normalised length.
		double unit = 1.0 / Math.max(1, aspect);
		double pos = 0;
		boolean dark = false;
		while (pos < 1) {
			double r = rng.nextDouble();
			double w = unit * (dark ? 0.15 + 0.75 * r : 0.15 + 1.0 * r * r);
			double level = dark ? 0.45 + 0.55 * rng.nextDouble() : 0.15 * rng.nextDouble();
			int a = (int) (pos * BAND_SAMPLES), b = (int) Math.min(BAND_SAMPLES, (pos + w) * BAND_SAMPLES);
			for (int i = a; i < b; i++) raw[i] = level;
			pos += w;
			dark = !dark;
		}
		// Telomeres stain pale in G-banding: a chromosome that ended on a dark band gets a pale tip.
		if (!dark) for (int i = (int) ((1 - 0.2 * unit) * BAND_SAMPLES); i < BAND_SAMPLES; i++) raw[i] = 0.1;
		double sigma = unit * (0.06 + 0.3 * (1 - sharpness)) * BAND_SAMPLES;
		double[] smooth = Blur.gaussian1d(raw, sigma);
		float[] bands = new float[BAND_SAMPLES];
		for (int i = 0; i < BAND_SAMPLES; i++) bands[i] = (float) (1 - contrast * (1 - smooth[i]));
		return bands;
	}

	/** Band multiplier at normalised position q (clamped to [0, 1]). */
	double band(double q) {
		int i = (int) Math.round(Math.min(1, Math.max(0, q)) * (BAND_SAMPLES - 1));
		return bands[i];
	}

	/** Half the width at arc position s, narrowed around the centromere. */
	double halfWidth(double s) {
		double z = (s - centromere) / (0.35 * width);
		return 0.5 * width * (1 - centromereDepth * Math.exp(-z * z));
	}

	/**
	 * Relative density dip along the middle at arc position s: the groove between the sister chromatids, deepest
	 * at the ends where the chromatids splay apart.
	 */
	double groove(double s) {
		double toEnd = Math.min(s, arc[arc.length - 1] - s);
		return Math.min(0.6, chromatidGroove * (1 + 5 * Math.exp(-Math.max(0, toEnd) / (0.4 * width))));
	}

	/** The point at fraction f of the centreline. */
	double[] pointAt(double f) {
		double target = f * arc[arc.length - 1];
		for (int i = 1; i < arc.length; i++)
			if (arc[i] >= target || i == arc.length - 1) {
				double t = (target - arc[i - 1]) / Math.max(1e-9, arc[i] - arc[i - 1]);
				return new double[] { xs[i - 1] + t * (xs[i] - xs[i - 1]), ys[i - 1] + t * (ys[i] - ys[i - 1]) };
			}
		return new double[] { xs[0], ys[0] };
	}

	/** This shape moved by (dx, dy) and scaled about the origin by {@code scale} (after moving). */
	ChromosomeShape transformed(double dx, double dy, double scale) {
		double[] nx = new double[xs.length], ny = new double[ys.length];
		for (int i = 0; i < xs.length; i++) {
			nx[i] = (xs[i] + dx) * scale;
			ny[i] = (ys[i] + dy) * scale;
		}
		return new ChromosomeShape(nx, ny, width * scale, length * scale, centromere * scale, centromereDepth,
			chromatidGroove, bands);
	}
}
