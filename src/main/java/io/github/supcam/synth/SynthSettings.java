package io.github.supcam.synth;

import io.github.supcam.image.Polarity;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Every range the synthetic renderer draws from; each sample draws its own values, so a dataset spans what differs
 * between labs and microscopes. Lengths are in pixels of the rendered image. Immutable and validated here, in one
 * place, with messages naming the offending setting.
 *
 * @param widthPx chromosome width (both chromatids, edge to edge)
 * @param aspect chromosome length divided by its width (short acrocentrics ~2.5, chromosome 1 ~10)
 * @param bendRad total turning of a chromosome's centreline, in radians (0 = straight rod)
 * @param centromereDepth relative narrowing of the width at the centromere
 * @param blurSigmaPx Gaussian blur of the optics, in pixels
 * @param bandContrast 1 - (density of the palest band / density of the darkest band)
 * @param bandSharpness 0 = bands melt into each other, 1 = crisp band edges
 * @param darkness peak optical density of a dark band (natural log of background / pixel)
 * @param noiseSigma standard deviation of the additive camera noise, in gray levels
 * @param background gray level of the empty slide on the light side (inverted for {@link Polarity#LIGHT_ON_DARK})
 * @param fill largest fraction of the canvas side a cluster may span; larger clusters are scaled down
 * @param polarity dark chromosomes on light background (ChrCluster, the default) or the inverse
 * @param maxAttempts how many times a cluster is re-drawn before giving up on a requested type
 * @param morphology how lengths, bends and bands are drawn ({@link Morphology}); {@code aspect} bounds the length
 *   and {@code bendRad} is the total turning in both
 */
public record SynthSettings(Range widthPx, Range aspect, Range bendRad, Range centromereDepth, Range blurSigmaPx,
	Range bandContrast, Range bandSharpness, Range darkness, Range noiseSigma, Range background, Range fill,
	Polarity polarity, int maxAttempts, Morphology morphology)
{
	/** A closed interval {@code [min, max]} that values are drawn from uniformly. */
	public record Range(double min, double max) {
		public static Range of(double min, double max) {
			return new Range(min, max);
		}

		/** A uniform draw; exactly {@code min} when the range is a single value. */
		public double draw(RandomGenerator rng) {
			return min + (max - min) * rng.nextDouble();
		}

		@Override
		public String toString() {
			return "[" + min + ", " + max + "]";
		}
	}

	public SynthSettings {
		check("widthPx", widthPx, 2, 64);
		check("aspect", aspect, 1, 40);
		check("bendRad", bendRad, 0, Math.PI);
		check("centromereDepth", centromereDepth, 0, 0.8);
		check("blurSigmaPx", blurSigmaPx, 0, 10);
		check("bandContrast", bandContrast, 0, 1);
		check("bandSharpness", bandSharpness, 0, 1);
		check("darkness", darkness, 0.05, 5);
		check("noiseSigma", noiseSigma, 0, 50);
		check("background", background, 1, 255);
		check("fill", fill, 0.05, 1);
		if (polarity == null) throw new IllegalArgumentException("polarity must be DARK_ON_LIGHT or LIGHT_ON_DARK");
		if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
		if (morphology == null) throw new IllegalArgumentException("morphology must be METAPHASE or PROMETAPHASE");
	}

	private static void check(String name, Range r, double lo, double hi) {
		if (r == null) throw new IllegalArgumentException(name + " is missing");
		if (!Double.isFinite(r.min()) || !Double.isFinite(r.max())) throw new IllegalArgumentException(name + " " + r +
			" must be finite numbers");
		if (r.min() > r.max()) throw new IllegalArgumentException(name + " " + r + ": min is larger than max");
		if (r.min() < lo || r.max() > hi) throw new IllegalArgumentException(name + " " + r + " must lie within [" +
			lo + ", " + hi + "]");
	}

	/** Ranges that cover the real G-banded crops of the reference data (see docs/synthetic-data.md). */
	public static SynthSettings defaults() {
		return new SynthSettings(Range.of(6, 18), Range.of(1.8, 7), Range.of(0, 1.2), Range.of(0.2, 0.45),
			Range.of(0.5, 1.5), Range.of(0.45, 0.9), Range.of(0.4, 1.0), Range.of(0.45, 1.2), Range.of(1, 5),
			Range.of(220, 252), Range.of(0.55, 0.95), Polarity.DARK_ON_LIGHT, 50, Morphology.METAPHASE);
	}

	/**
	 * Long, meandering prometaphase chromosomes with fine bands (see docs/synthetic-data.md): lengths of 1.8–35
	 * widths, 0.3–3 radians of turning, and chromosomes of 7–12 px, narrower than the metaphase 6–18 px so that
	 * long ones fit {@link Morphology#canvas()} with little shrinking while their fine bands stay a few pixels wide.
	 * Everything else as {@link #defaults()}.
	 */
	public static SynthSettings prometaphase() {
		SynthSettings d = defaults();
		return new SynthSettings(Range.of(7, 12), Range.of(1.8, 35), Range.of(0.3, 3.0), d.centromereDepth,
			d.blurSigmaPx, d.bandContrast, d.bandSharpness, d.darkness, d.noiseSigma, d.background, d.fill, d.polarity,
			d.maxAttempts, Morphology.PROMETAPHASE);
	}

	/** The built-in ranges of a morphology: {@link #defaults()} or {@link #prometaphase()}. */
	public static SynthSettings preset(Morphology m) {
		return m == Morphology.PROMETAPHASE ? prometaphase() : defaults();
	}

	public SynthSettings withWidthPx(Range r) {
		return new SynthSettings(r, aspect, bendRad, centromereDepth, blurSigmaPx, bandContrast, bandSharpness,
			darkness, noiseSigma, background, fill, polarity, maxAttempts, morphology);
	}

	public SynthSettings withNoiseSigma(Range r) {
		return new SynthSettings(widthPx, aspect, bendRad, centromereDepth, blurSigmaPx, bandContrast, bandSharpness,
			darkness, r, background, fill, polarity, maxAttempts, morphology);
	}

	public SynthSettings withPolarity(Polarity p) {
		return new SynthSettings(widthPx, aspect, bendRad, centromereDepth, blurSigmaPx, bandContrast, bandSharpness,
			darkness, noiseSigma, background, fill, p, maxAttempts, morphology);
	}

	public SynthSettings withMaxAttempts(int n) {
		return new SynthSettings(widthPx, aspect, bendRad, centromereDepth, blurSigmaPx, bandContrast, bandSharpness,
			darkness, noiseSigma, background, fill, polarity, n, morphology);
	}
}
