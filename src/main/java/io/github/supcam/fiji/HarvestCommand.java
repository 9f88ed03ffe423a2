package io.github.supcam.fiji;

import io.github.supcam.real.HarvestSettings;
import io.github.supcam.real.Harvester;
import io.github.supcam.util.Progress;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.io.IOException;

/**
 * Fiji: the {@code supcam harvest} job as a menu item: labelled real components from box-annotated metaphases.
 * Thin: all work is in {@link Harvester}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Chromosome Clusters (SupCAM)>Harvest Training Data")
public class HarvestCommand extends SupcamCommand {
	@Parameter(label = "Images folder", style = "directory")
	File images;

	@Parameter(label = "Annotations (VOC xml folder or COCO json)", style = "both")
	File annotations;

	@Parameter(label = "Output folder", style = "directory")
	File output;

	@Parameter(label = "Case pattern (regex, first group; empty: name minus last character)", required = false,
		persist = false)
	String casePattern;

	@Parameter(label = "Overwrite a non-empty output folder")
	boolean overwrite = false;

	@Override
	public void run() {
		String pattern = casePattern == null || casePattern.isBlank() ? null : casePattern;
		try (FijiProgress progress = progress("Harvest Training Data")) {
			Harvester.Summary s = new Harvester(HarvestSettings.defaults().withCasePattern(pattern)).run(images.toPath(),
				annotations.toPath(), output.toPath(), overwrite, progress);
			s.problems().forEach(p -> warn("Skipped " + p));
			// The Log, not a String output: a String output opens an extra window in Fiji.
			report(s.format());
		} catch (IOException | IllegalArgumentException | Progress.CancelledException e) {
			fail(e);
		}
	}
}
