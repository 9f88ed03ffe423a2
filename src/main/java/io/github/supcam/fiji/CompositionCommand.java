package io.github.supcam.fiji;

import io.github.supcam.compose.Combine;
import io.github.supcam.compose.CompositionSettings;
import io.github.supcam.compose.LabelTable;
import io.github.supcam.image.Polarity;
import org.scijava.plugin.Parameter;

import java.util.Locale;

/** The composition settings both composition commands offer, turned into {@link CompositionSettings}. */
abstract class CompositionCommand extends SupcamCommand {
	@Parameter(label = "Look-up table", choices = { "middle", "heavy", "light", "none" })
	String table = "middle";

	@Parameter(label = "Overlap rule", choices = { "equal", "beta", "max" })
	String combine = "equal";

	@Parameter(label = "Polarity", choices = { "dark-on-light", "light-on-dark" })
	String polarity = "dark-on-light";

	@Parameter(label = "Intersection threshold P (px)", min = "0")
	int intersectionThreshold = CompositionSettings.DEFAULT_INTERSECTION_THRESHOLD;

	@Parameter(label = "Maximum attempts", min = "1")
	int maxAttempts = CompositionSettings.DEFAULT_MAX_ATTEMPTS;

	@Parameter(label = "Require contact")
	boolean requireContact = true;

	@Parameter(label = "Canvas size (px)", min = "16")
	int size = CompositionSettings.DEFAULT_SIZE;

	@Parameter(label = "Seed")
	long seed = 1;

	CompositionSettings compositionSettings() {
		Polarity p = polarity.toLowerCase(Locale.ROOT).startsWith("light") ? Polarity.LIGHT_ON_DARK :
			Polarity.DARK_ON_LIGHT;
		return CompositionSettings.defaults().withPolarity(p, p.defaultBackground())
			.withTable(LabelTable.valueOf(table.toUpperCase(Locale.ROOT)))
			.withCombine(Combine.valueOf(combine.toUpperCase(Locale.ROOT)))
			.withIntersectionThreshold(intersectionThreshold).withMaxAttempts(maxAttempts)
			.withRequireContact(requireContact).withSize(size);
	}
}
