package io.github.supcam.synth;

import com.google.gson.annotations.SerializedName;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * How condensed the chromosomes are, i.e. the stage of mitosis a lab fixes its spreads at. It decides how lengths,
 * bends and bands are drawn; {@link SynthSettings#aspect()} and {@link SynthSettings#bendRad()} keep their role as
 * the bounds and the amount.
 */
public enum Morphology {
	/**
	 * Condensed metaphase chromosomes (the BioImLab crops, median 2.6 widths): length uniform in
	 * {@link SynthSettings#aspect()}, one C or gentle S bend, bands 0.15–1.15 widths wide. The original renderer,
	 * byte for byte.
	 */
	@SerializedName(value = "METAPHASE", alternate = "metaphase")
	METAPHASE,
	/**
	 * Long prometaphase chromosomes of clinical G-banded spreads (measured: median about 8 widths, one in ten longer
	 * than 18, the longest about 37): log-normal length with median {@value #MEDIAN_ASPECT} widths and 10% above
	 * {@value #P90_ASPECT} as drawn (8 and 18 as measured), truncated to {@link SynthSettings#aspect()}; curvature that meanders smoothly along the
	 * length; finer bands, {@value #MIN_BAND_SCALE}–{@value #MAX_BAND_SCALE} of the metaphase band width, drawn per
	 * image (the band level of the preparation).
	 */
	@SerializedName(value = "PROMETAPHASE", alternate = "prometaphase")
	PROMETAPHASE;

	/**
	 * Median length / width of the prometaphase length distribution as drawn. Measured on the rendered images as on
	 * real crops ({@link ChromosomeStatistics}: skeleton length over median width), chromosomes read about 9% longer
	 * (the narrowed centromere lowers the median width), so a drawn 7.4 measures as the clinical 8.
	 */
	public static final double MEDIAN_ASPECT = 7.4;
	/** Its 90th percentile as drawn; measured, about the clinical 18. */
	public static final double P90_ASPECT = 16.5;
	/** Sigma of the log-normal: ln(P90 / median) / z(0.9). */
	static final double SIGMA = Math.log(P90_ASPECT / MEDIAN_ASPECT) / 1.2815515655446004;
	/** Range of the per-image band width factor of prometaphase preparations (550–850 band level). */
	public static final double MIN_BAND_SCALE = 0.4, MAX_BAND_SCALE = 0.7;
	/** Tightest prometaphase bend: radius of curvature in chromosome widths, so a rod never folds onto itself. */
	static final double MIN_RADIUS = 1.4;
	/** Band profile samples of a metaphase chromosome; prometaphase uses more for its many fine bands. */
	private static final int BAND_SAMPLES = 256;
	/** Fewest band-profile samples per chromosome width at band scale 1. */
	private static final int SAMPLES_PER_WIDTH = 24;

	/**
	 * The default canvas side in pixels: 224 (ChrCluster's) for metaphase; 384 for prometaphase, where a straight
	 * 35-width chromosome of the preset's median width (9.5 px) still spans 0.87 of it.
	 */
	public int canvas() {
		return this == METAPHASE ? 224 : 384;
	}

	/** A chromosome's length in widths, within {@code bounds}. */
	double drawAspect(SynthSettings.Range bounds, RandomGenerator rng) {
		if (this == METAPHASE) return bounds.draw(rng);
		// Truncated rather than clipped: no pile-up of chromosomes at exactly the longest length.
		for (int tries = 0; tries < 20; tries++) {
			double a = MEDIAN_ASPECT * Math.exp(SIGMA * rng.nextGaussian());
			if (a >= bounds.min() && a <= bounds.max()) return a;
		}
		return bounds.draw(rng);
	}

	/** The band width factor of one image; metaphase draws nothing, so its random stream stays as it was. */
	double drawBandScale(RandomGenerator rng) {
		return this == METAPHASE ? 1 : MIN_BAND_SCALE + (MAX_BAND_SCALE - MIN_BAND_SCALE) * rng.nextDouble();
	}

	/** Samples of the band profile of a chromosome {@code aspect} widths long. */
	int bandSamples(double aspect, double bandScale) {
		return this == METAPHASE ? BAND_SAMPLES : Math.max(BAND_SAMPLES, (int) Math.ceil(SAMPLES_PER_WIDTH * aspect /
			bandScale));
	}
}
