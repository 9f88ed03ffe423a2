package io.github.supcam.compose;

import io.github.supcam.image.Polarity;

import java.util.Locale;

/**
 * The ⊕ rule for pixels where both shifted clusters are foreground. Elsewhere the composed image takes the one
 * foreground pixel present, or the background value.
 */
public enum Combine {
	/** ½·p + ½·c, rounded half up: {@code (p + c + 1) / 2}. The default. */
	EQUAL,
	/** λ·p + (1−λ)·c rounded half up, with one λ ~ Beta(1, 1) drawn per composed image. */
	BETA,
	/** The darker pixel for dark-on-light images, the brighter one for light-on-dark images. */
	MAX;

	/**
	 * Combines primary value {@code p} and candidate value {@code c} (0..255).
	 *
	 * @param lambda the primary's weight; used by {@link #BETA} only
	 */
	public int apply(int p, int c, double lambda, Polarity polarity) {
		switch (this) {
			case EQUAL:
				return (p + c + 1) >> 1;
			case BETA:
				return (int) Math.round(lambda * p + (1 - lambda) * c);
			default:
				return polarity == Polarity.DARK_ON_LIGHT ? Math.min(p, c) : Math.max(p, c);
		}
	}

	/** The lower-case name used on the command line and in augment.json. */
	public String cliName() {
		return name().toLowerCase(Locale.ROOT);
	}
}
