package io.github.supcam.fiji;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import io.github.supcam.classify.ClassifySettings;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.util.ErrorMessages;
import io.github.supcam.util.Progress;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Fiji: classifies the chromosome clusters of the active image (detected automatically, given as ROIs, or the whole
 * image) into the Results table, a coloured overlay and, on request, ROI Manager entries, a type label image and
 * files in an output folder (what a headless batch job keeps). Thin: the work is in {@link ImageClassification} and
 * the classify core.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Chromosome Clusters (SupCAM)>Classify Clusters")
public class ClassifyClustersCommand extends SupcamCommand {
	@Parameter(label = "Image")
	ImagePlus image;

	@Parameter(label = "Model package (empty: the bundled model)", required = false, style = "open")
	File model;

	@Parameter(label = "Use ROIs (ROI Manager, else the selection; none: detect)")
	boolean useRois = true;

	@Parameter(label = "Whole image is one cluster")
	boolean whole = false;

	@Parameter(label = "Flag predictions below this confidence", min = "0", max = "1", stepSize = "0.05")
	double lowConfidence = ClassifySettings.defaults().lowConfidence();

	@Parameter(label = "Test-time augmentation (8 flips and turns; more accurate, 8x slower)")
	boolean tta = true;

	@Parameter(label = "Add ROIs to the ROI Manager (named by type)")
	boolean addToManager = false;

	@Parameter(label = "Create a label image of the types")
	boolean createLabelImage = false;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" })
	String device = "auto";

	@Parameter(label = "Output folder (optional): NAME.csv, NAME-overlay.png, NAME-labels.tif", required = false,
		style = "directory", persist = false)
	File outputFolder;

	@Parameter(label = "Overwrite files in the output folder")
	boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, required = false)
	ImagePlus labelImage;

	private ResultsTable results;

	/** The rows of the last run, in the columns of the Results CSV (null before a successful run). */
	public ResultsTable results() {
		return results;
	}

	@Override
	public void run() {
		ClassifySettings s = ClassifySettings.defaults().withLowConfidence(lowConfidence)
			.withTestTimeAugmentation(tta);
		List<Roi> rois = useRois && !whole ? ImageClassification.userRois(image) : List.of();
		try (FijiProgress progress = progress("Classify Clusters")) {
			ImageClassification.Outcome o = ImageClassification.classify(image, model == null ? null : model.toPath(),
				device, s, rois, whole, progress);
			results = new ResultsTable();
			ImageClassification.addTo(results, o);
			ImageClassification.appendToSystemResults(o);
			if (createLabelImage) labelImage = ImageClassification.labelImage(image, o);
			if (addToManager && !ImageClassification.addToRoiManager(o))
				warn("No ROI Manager in a headless session; the ROIs are in the image's overlay");
			o.result().problems().forEach(p -> warn("Skipped " + p));
			report(o.summary());
			if (outputFolder != null) {
				List<Path> files = ImageClassification.save(outputFolder.toPath(), image, o, overwrite);
				report("Saved " + files.stream().map(f -> f.getFileName().toString()).toList() + " in " + outputFolder);
			}
			image.updateAndDraw();
		} catch (IOException | IllegalArgumentException | Progress.CancelledException e) {
			fail(e);
		} catch (RuntimeException e) {
			// Engine errors and out-of-memory arrive here, with advice in their message.
			fail("Failed: " + ErrorMessages.describe(e));
		} catch (OutOfMemoryError e) {
			String file = image.getOriginalFileInfo() == null ? null : image.getOriginalFileInfo().getFilePath();
			fail(image.getTitle() + ": " + ImageFiles.outOfMemory(file == null ? Path.of(image.getTitle()) :
				Path.of(file)));
		}
	}
}
