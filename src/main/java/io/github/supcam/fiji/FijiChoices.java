package io.github.supcam.fiji;

import io.github.supcam.image.Polarity;

/** Turns the dialog choices of the Fiji commands into core values. */
final class FijiChoices {
	private FijiChoices() {}

	static Polarity polarity(String choice) {
		return choice.toLowerCase().startsWith("light") ? Polarity.LIGHT_ON_DARK : Polarity.DARK_ON_LIGHT;
	}
}
