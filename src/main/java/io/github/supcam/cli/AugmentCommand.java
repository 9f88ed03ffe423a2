package io.github.supcam.cli;

import io.github.supcam.compose.AugmentJob;
import io.github.supcam.compose.Combine;
import io.github.supcam.compose.CompositionSettings;
import io.github.supcam.compose.LabelTable;
import io.github.supcam.image.Polarity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code supcam augment}: category-variant image composition of a dataset folder ({@link AugmentJob}). */
@Command(name = "augment", mixinStandardHelpOptions = true,
	description = "Writes composed images (SupCAM category-variant composition) with augment.json and manifest.csv.")
public final class AugmentCommand implements Callable<Integer> {
	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Option(names = "--input", required = true, description = "Dataset folder with class sub-folders.")
	Path input;

	@Option(names = "--output", required = true, description = "Output folder (must be empty unless --overwrite).")
	Path output;

	@Option(names = "--count", required = true, description = "Number of images to write.")
	int count;

	@Option(names = "--seed", required = true, description = "Random seed; the same seed gives the same files.")
	long seed;

	@Option(names = "--table", defaultValue = "middle", description = "Label table: middle, heavy, light, none (default: ${DEFAULT-VALUE}).")
	LabelTable table;

	@Option(names = "--combine", defaultValue = "equal", description = "Overlap rule: equal, beta, max (default: ${DEFAULT-VALUE}).")
	Combine combine;

	@Option(names = "--intersection-threshold", defaultValue = "" + CompositionSettings.DEFAULT_INTERSECTION_THRESHOLD,
		description = "Intersection pixels up to which a draw is touching (default: ${DEFAULT-VALUE}).")
	int intersectionThreshold;

	@Option(names = "--polarity", defaultValue = "dark_on_light", description = "dark_on_light or light_on_dark (default: ${DEFAULT-VALUE}).")
	Polarity polarity;

	@Option(names = "--background", description = "Background value (default: 255 dark-on-light, 0 light-on-dark).")
	Integer background;

	@Option(names = "--foreground-threshold", description = "One fixed foreground threshold for all images (default: adaptive, each image's own background -/+ 25).")
	Integer foregroundThreshold;

	@Option(names = "--max-attempts", defaultValue = "" + CompositionSettings.DEFAULT_MAX_ATTEMPTS,
		description = "Shift draws before the candidate is kept (default: ${DEFAULT-VALUE}).")
	int maxAttempts;

	@Option(names = "--require-contact", negatable = true, defaultValue = "true", fallbackValue = "true",
		description = "Redraw when the two clusters neither intersect nor touch (default: ${DEFAULT-VALUE}).")
	boolean requireContact;

	@Option(names = "--size", defaultValue = "" + CompositionSettings.DEFAULT_SIZE, description = "Canvas side (default: ${DEFAULT-VALUE}).")
	int size;

	@Option(names = "--overwrite", description = "Allow a non-empty output folder.")
	boolean overwrite;

	@Override
	public Integer call() throws Exception {
		CompositionSettings s = CompositionSettings.defaults()
			.withPolarity(polarity, background != null ? background : polarity.defaultBackground());
		if (foregroundThreshold != null) s = s.withForegroundThreshold(foregroundThreshold);
		s = s.withTable(table).withCombine(combine).withIntersectionThreshold(intersectionThreshold)
			.withMaxAttempts(maxAttempts).withRequireContact(requireContact).withSize(size);
		PrintWriter err = spec.commandLine().getErr();
		AugmentJob.Summary summary = new AugmentJob(input, output, count, seed, s, overwrite).run((done, total, message) -> {
			if (done == total || done % Math.max(1, total / 10) == 0) err.println(message + " (" + done + "/" + total + ")");
		});
		spec.commandLine().getOut().println("Wrote " + summary.written() + " images (" + summary.composed() +
			" composed, " + (summary.written() - summary.composed()) + " candidates kept) to " + output + ": " +
			summary.perLabel() + (summary.problems().isEmpty() ? "" : "; " + summary.problems().size() +
				" input(s) skipped"));
		return SupcamCli.skipped(spec, "augment", summary.problems());
	}
}
