package io.github.supcam.real;

/**
 * Ranges of the morphological and photometric augmentation of real-cluster composition. Each draw is uniform in
 * its range. The defaults take condensed metaphase chromosomes (BioImLab, median about 2.6 widths long) and
 * prometaphase ones (median about 8, up to about 37 widths) over the lengths, bends and stains seen in clinical
 * spreads: a crop is stretched along its axis by up to 1.6 and narrowed by down to 0.8 (so 2.6 widths become
 * up to 5.2, 18 become 36), bent by up to a quarter of its length, a third of them turned along an arc by up to
 * 180 degrees (U shapes and hairpins, as long chromosomes fold), and the composed image blurred, re-contrasted,
 * gamma-corrected and given noise. Where chromosomes overlap, the stain of the layers above the darkest one shows
 * with a random weight: real G-banded crossings are often no darker than one chromosome (contrast-stretched or
 * saturated stain), while a thin absorbing stain multiplies.
 *
 * @param minStretch smallest factor along the chromosome's axis
 * @param maxStretch largest factor along the chromosome's axis
 * @param minWidthScale smallest factor across the axis
 * @param maxWidthScale largest factor across the axis
 * @param maxBend largest sideways offset of the middle against the ends (C bend) or of the quarter points
 *   (S bend), as a fraction of the chromosome's length
 * @param maxBlur largest Gaussian sigma in pixels applied to the composed stain
 * @param minContrast smallest exponent on the composed transmittance (below 1: paler stain)
 * @param maxContrast largest exponent on the composed transmittance (above 1: darker stain)
 * @param minGamma smallest gamma on the final grey values
 * @param maxGamma largest gamma on the final grey values
 * @param maxNoise largest standard deviation of additive Gaussian noise, in grey levels
 * @param minBackground darkest background grey level
 * @param maxBackground lightest background grey level
 * @param minOverlapStain smallest exponent w on the other layers where chromosomes overlap: transmittance there is
 *   the darkest layer's times (the product of the others)^w, so 1 multiplies the stains and 0 shows the darkest only
 * @param maxOverlapStain largest such exponent
 * @param maxTurn largest angle in degrees by which a chromosome's axis turns along one arc (drawn uniformly, with the
 *   arc's length and place along the chromosome); 180 folds it into a U or hairpin, 0 turns nothing
 * @param turnShare the share of chromosomes whose axis turns (1: every one; real spreads fold only some)
 * @param tipCrossing the share of crossings laid with one chromosome's tip (3-20% of its length from an end) over
 *   the other's body, as real overlaps often are; the rest cross middle over middle
 * @param lengthWeight exponent e on a chromosome's length in widths when choosing the chromosomes of a cluster:
 *   each is drawn with probability proportional to length^e (0: uniformly; 1: in proportion to length, as a
 *   chromosome's chance to meet another in a spread grows with its length). Single instances stay uniform.
 */
public record MorphologySettings(double minStretch, double maxStretch, double minWidthScale, double maxWidthScale,
	double maxBend, double maxBlur, double minContrast, double maxContrast, double minGamma, double maxGamma,
	double maxNoise, int minBackground, int maxBackground, double minOverlapStain, double maxOverlapStain,
	double maxTurn, double turnShare, double tipCrossing, double lengthWeight)
{
	public MorphologySettings {
		range("stretch", minStretch, maxStretch, 0.25, 4);
		range("width scale", minWidthScale, maxWidthScale, 0.25, 4);
		range("bend", 0, maxBend, 0, 0.5);
		range("blur", 0, maxBlur, 0, 10);
		range("contrast", minContrast, maxContrast, 0.1, 10);
		range("gamma", minGamma, maxGamma, 0.1, 10);
		range("noise", 0, maxNoise, 0, 64);
		range("background", minBackground, maxBackground, 64, 255);
		range("overlap stain", minOverlapStain, maxOverlapStain, 0, 1);
		range("turn", 0, maxTurn, 0, 180);
		range("turn share", 0, turnShare, 0, 1);
		range("tip crossing", 0, tipCrossing, 0, 1);
		range("length weight", 0, lengthWeight, 0, 4);
	}

	private static void range(String what, double lo, double hi, double min, double max) {
		if (!(lo >= min && hi <= max && lo <= hi)) throw new IllegalArgumentException("The " + what +
			" range must lie in [" + min + ", " + max + "] with min <= max, got [" + lo + ", " + hi + "]");
	}

	/** The defaults described above: the bundled model's recipe ({@code models/train-gband.sh v8}). */
	public static MorphologySettings defaults() {
		return new MorphologySettings(0.85, 1.6, 0.8, 1.2, 0.25, 1.5, 0.7, 1.4, 0.8, 1.25, 5, 200, 250, 0, 1, 180, 0.35,
			0, 0);
	}

	/** No augmentation at all: crops are only rotated and placed, stains multiply (for tests and for measuring its effect). */
	public static MorphologySettings none() {
		return new MorphologySettings(1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 250, 250, 1, 1, 0, 1, 0, 0);
	}

	/** These ranges with the overlap-stain exponent drawn from [lo, hi]. */
	public MorphologySettings withOverlapStain(double lo, double hi) {
		return new MorphologySettings(minStretch, maxStretch, minWidthScale, maxWidthScale, maxBend, maxBlur,
			minContrast, maxContrast, minGamma, maxGamma, maxNoise, minBackground, maxBackground, lo, hi, maxTurn, turnShare,
			tipCrossing, lengthWeight);
	}

	/** These ranges with turns of the axis up to {@code degrees} for a {@code share} of the chromosomes. */
	public MorphologySettings withTurns(double degrees, double share) {
		return new MorphologySettings(minStretch, maxStretch, minWidthScale, maxWidthScale, maxBend, maxBlur,
			minContrast, maxContrast, minGamma, maxGamma, maxNoise, minBackground, maxBackground, minOverlapStain,
			maxOverlapStain, degrees, share, tipCrossing, lengthWeight);
	}

	/** These ranges with a {@code share} of crossings laid tip over body. */
	public MorphologySettings withTipCrossing(double share) {
		return new MorphologySettings(minStretch, maxStretch, minWidthScale, maxWidthScale, maxBend, maxBlur,
			minContrast, maxContrast, minGamma, maxGamma, maxNoise, minBackground, maxBackground, minOverlapStain,
			maxOverlapStain, maxTurn, turnShare, share, lengthWeight);
	}

	/** These ranges with cluster chromosomes drawn with probability proportional to length^{@code exponent}. */
	public MorphologySettings withLengthWeight(double exponent) {
		return new MorphologySettings(minStretch, maxStretch, minWidthScale, maxWidthScale, maxBend, maxBlur,
			minContrast, maxContrast, minGamma, maxGamma, maxNoise, minBackground, maxBackground, minOverlapStain,
			maxOverlapStain, maxTurn, turnShare, tipCrossing, exponent);
	}
}
