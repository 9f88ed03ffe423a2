package io.github.supcam.synth;

import io.github.supcam.image.Polarity;
import org.apache.commons.math3.random.RandomGenerator;

import java.util.SplittableRandom;

/**
 * The look of one image (one lab, one microscope), drawn from {@link SynthSettings}: how it is stained, blurred and
 * exposed. Every chromosome of an image shares it.
 *
 * @param bandScale width of the G-bands relative to metaphase bands (1); below 1 for the finer bands of
 *   prometaphase preparations
 */
public record Appearance(double blurSigmaPx, double bandContrast, double bandSharpness, double darkness,
	double noiseSigma, double background, Polarity polarity, double bandScale)
{
	/** Draws one image's look; the band scale comes from the morphology ({@link Morphology#drawBandScale}). */
	public static Appearance draw(SynthSettings s, RandomGenerator rng) {
		return new Appearance(s.blurSigmaPx().draw(rng), s.bandContrast().draw(rng), s.bandSharpness().draw(rng),
			s.darkness().draw(rng), s.noiseSigma().draw(rng), s.background().draw(rng), s.polarity(),
			s.morphology().drawBandScale(rng));
	}

	/**
	 * Turns a density canvas into 8-bit pixels: stain absorbs multiplicatively (Beer-Lambert), so stacked
	 * chromosomes are darker where they overlap; then camera noise, and inversion for light-on-dark images.
	 */
	public byte[] expose(float[] density, RandomGenerator rng) {
		byte[] px = new byte[density.length];
		boolean invert = polarity == Polarity.LIGHT_ON_DARK;
		// JDK 17's ziggurat Gaussian is several times faster than Commons Math's Box-Muller for per-pixel noise.
		SplittableRandom noise = new SplittableRandom(rng.nextLong());
		for (int i = 0; i < px.length; i++) {
			double v = background * Math.exp(-density[i]) + noiseSigma * noise.nextGaussian();
			if (invert) v = 255 - v;
			px[i] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
		}
		return px;
	}
}
