package io.github.supcam.fiji;

import io.github.supcam.compose.AugmentJob;
import io.github.supcam.compose.CompositionSettings;
import io.github.supcam.util.Progress;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.io.IOException;

/**
 * Fiji: the {@code supcam augment} job as a menu item, with status-bar progress and a cancellable task. Thin: all
 * work is in {@link AugmentJob}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Chromosome Clusters (SupCAM)>Augment Dataset")
public class AugmentDatasetCommand extends CompositionCommand {
	@Parameter(label = "Input dataset folder", style = "directory")
	File input;

	@Parameter(label = "Output folder", style = "directory")
	File output;

	@Parameter(label = "Number of images", min = "1")
	int count = 1000;

	@Parameter(label = "Overwrite a non-empty output folder")
	boolean overwrite = false;

	@Override
	public void run() {
		CompositionSettings s = compositionSettings();
		try (FijiProgress progress = progress("Augment Dataset")) {
			AugmentJob.Summary r = new AugmentJob(input.toPath(), output.toPath(), count, seed, s, overwrite)
				.run(progress);
			report("Wrote " + r.written() + " images (" + r.composed() + " composed) to " + output + ": " + r.perLabel() +
				(r.problems().isEmpty() ? "" : "; " + r.problems().size() + " input(s) skipped"));
			r.problems().forEach(problem -> warn("Skipped " + problem));
		} catch (IOException | IllegalArgumentException | Progress.CancelledException e) {
			fail(e);
		}
	}
}
