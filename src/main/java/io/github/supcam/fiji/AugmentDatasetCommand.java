package io.github.supcam.fiji;

import io.github.supcam.compose.AugmentJob;
import io.github.supcam.compose.Combine;
import io.github.supcam.compose.CompositionSettings;
import io.github.supcam.compose.LabelTable;
import io.github.supcam.image.Polarity;
import io.github.supcam.util.Progress;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.task.TaskService;

import java.io.File;
import java.io.IOException;

/**
 * Fiji: the {@code supcam augment} job as a menu item, with status-bar progress and a cancellable task. Thin: all
 * work is in {@link AugmentJob}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Chromosome Clusters (SupCAM)>Augment Dataset")
public class AugmentDatasetCommand extends ContextCommand {
	@Parameter(required = false)
	StatusService status;

	@Parameter(required = false)
	TaskService tasks;

	@Parameter(required = false)
	LogService logService;

	@Parameter(label = "Input dataset folder", style = "directory")
	File input;

	@Parameter(label = "Output folder", style = "directory")
	File output;

	@Parameter(label = "Number of images", min = "1")
	int count = 1000;

	@Parameter(label = "Seed")
	long seed = 1;

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

	@Parameter(label = "Canvas size (px)", min = "16")
	int size = CompositionSettings.DEFAULT_SIZE;

	@Parameter(label = "Overwrite a non-empty output folder")
	boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT)
	String summary;

	@Override
	public void run() {
		Polarity p = FijiChoices.polarity(polarity);
		CompositionSettings s = CompositionSettings.defaults().withPolarity(p, p.defaultBackground())
			.withTable(LabelTable.valueOf(table.toUpperCase())).withCombine(Combine.valueOf(combine.toUpperCase()))
			.withIntersectionThreshold(intersectionThreshold).withMaxAttempts(maxAttempts).withSize(size);
		try (FijiProgress progress = new FijiProgress(status, tasks, this, "Augment Dataset")) {
			AugmentJob.Summary r = new AugmentJob(input.toPath(), output.toPath(), count, seed, s, overwrite)
				.run(progress);
			summary = "Wrote " + r.written() + " images (" + r.composed() + " composed) to " + output + ": " + r.perLabel();
			r.problems().forEach(problem -> warn("Skipped " + problem));
		} catch (IOException | IllegalArgumentException | Progress.CancelledException e) {
			fail(e.getMessage());
		}
	}

	/** Cancels the command with the reason, which Fiji shows to the user; headless callers read it back. */
	private void fail(String message) {
		if (logService != null) logService.error(message);
		cancel(message);
	}

	private void warn(String message) {
		if (logService != null) logService.warn(message);
	}
}
