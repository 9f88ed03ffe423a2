package io.github.supcam.synth;

import io.github.supcam.image.Blur;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * The geometry and band pattern of one chromosome in cluster coordinates (pixels): a bent centreline with rounded
 * caps, a width narrowed at the centromere, and a G-band density profile along the length.
 */
final class ChromosomeShape {
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
	 * @param morphology how it bends and how many band-profile samples it gets
	 * @param bandScale band width relative to metaphase bands, see {@link Appearance#bandScale()}
	 * @param contrast band contrast, see {@link SynthSettings#bandContrast()}
	 * @param sharpness band sharpness, see {@link SynthSettings#bandSharpness()}
	 */
	static ChromosomeShape random(RandomGenerator rng, Morphology morphology, double bandScale, double width,
		double length, double bend, double angle, double depth, double contrast, double sharpness)
	{
		double inner = Math.max(0.25 * width, length - width);
		int segments = Math.max(3, (int) Math.ceil(inner / Math.max(2, width * 0.4)));
		double[] turns = morphology == Morphology.METAPHASE ? linearTurns(rng, bend, segments) :
			meanderingTurns(rng, bend, segments, inner / segments / width);
		double[] xs = new double[segments + 1], ys = new double[segments + 1];
		double heading = 0, step = inner / segments;
		for (int i = 0; i < segments; i++) {
			heading += turns[i];
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
		double aspect = length / width;
		return new ChromosomeShape(xs, ys, width, length, fraction * inner, depth, groove,
			bandProfile(rng, aspect, bandScale, morphology.bandSamples(aspect, bandScale), contrast, sharpness));
	}

	/** Metaphase: curvature varies linearly along the rod, so rods bend as C or gentle S shapes. */
	private static double[] linearTurns(RandomGenerator rng, double bend, int segments) {
		double k0 = bend * (2 * rng.nextDouble() - 1), k1 = 1.5 * bend * (2 * rng.nextDouble() - 1);
		double[] turns = new double[segments];
		for (int i = 0; i < segments; i++) {
			double t = (i + 0.5) / segments;
			turns[i] = (k0 + k1 * (t - 0.5)) / segments;
		}
		return turns;
	}

	/**
	 * Prometaphase: curvature is a smooth random function along the rod (a few cosine modes, more on longer rods),
	 * scaled so that the total absolute turning is {@code bend}, and clamped to a radius of at least
	 * {@link Morphology#MIN_RADIUS} widths. With {@code bend} below pi a centreline cannot cross itself.
	 *
	 * @param stepWidths segment length in chromosome widths
	 */
	private static double[] meanderingTurns(RandomGenerator rng, double bend, int segments, double stepWidths) {
		int modes = Math.max(1, Math.min(5, (int) Math.round(segments * stepWidths / 6)));
		double[] amplitude = new double[modes + 1], phase = new double[modes + 1];
		for (int m = 0; m <= modes; m++) {
			amplitude[m] = rng.nextGaussian() / (1 + m);
			phase[m] = 2 * Math.PI * rng.nextDouble();
		}
		double[] turns = new double[segments];
		double total = 0;
		for (int i = 0; i < segments; i++) {
			double t = (i + 0.5) / segments;
			for (int m = 0; m <= modes; m++) turns[i] += amplitude[m] * Math.cos(Math.PI * m * t + phase[m]);
			total += Math.abs(turns[i]);
		}
		double tightest = stepWidths / Morphology.MIN_RADIUS;
		for (int i = 0; i < segments; i++) {
			double turn = total > 0 ? turns[i] * bend / total : 0;
			turns[i] = Math.max(-tightest, Math.min(tightest, turn));
		}
		return turns;
	}

	/**
	 * Alternating dark and pale bands of random width and strength, pale at both telomeres, smoothed by a Gaussian
	 * whose width falls as sharpness rises.
	 *
	 * @param bandScale band width relative to metaphase bands (0.15–1.15 chromosome widths at 1)
	 * @param samples samples of the profile over the normalised length
	 */
	private static float[] bandProfile(RandomGenerator rng, double aspect, double bandScale, int samples,
		double contrast, double sharpness)
	{
		double[] raw = new double[samples];
		// Band widths are a fraction of the chromosome width, i.e. a fraction 1/aspect of the normalised length.
		double unit = bandScale / Math.max(1, aspect);
		double pos = 0;
		boolean dark = false;
		while (pos < 1) {
			double r = rng.nextDouble();
			double w = unit * (dark ? 0.15 + 0.75 * r : 0.15 + 1.0 * r * r);
			double level = dark ? 0.45 + 0.55 * rng.nextDouble() : 0.15 * rng.nextDouble();
			int a = (int) (pos * samples), b = (int) Math.min(samples, (pos + w) * samples);
			for (int i = a; i < b; i++) raw[i] = level;
			pos += w;
			dark = !dark;
		}
		// Telomeres stain pale in G-banding: a chromosome that ended on a dark band gets a pale tip.
		if (!dark) for (int i = (int) ((1 - 0.2 * unit) * samples); i < samples; i++) raw[i] = 0.1;
		double sigma = unit * (0.06 + 0.3 * (1 - sharpness)) * samples;
		double[] smooth = Blur.gaussian1d(raw, sigma);
		float[] bands = new float[samples];
		for (int i = 0; i < samples; i++) bands[i] = (float) (1 - contrast * (1 - smooth[i]));
		return bands;
	}

	/** Band multiplier at normalised position q (clamped to [0, 1]). */
	double band(double q) {
		int i = (int) Math.round(Math.min(1, Math.max(0, q)) * (bands.length - 1));
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
