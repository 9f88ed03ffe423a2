package io.github.supcam.fiji;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import io.github.supcam.classify.ClassifySettings;
import io.github.supcam.util.Progress;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * Fiji: classifies the chromosome clusters of the active image (detected automatically, given as ROIs, or the whole
 * image) into a Results table, a coloured overlay and, on request, ROI Manager entries and a type label image.
 * Thin: the work is in {@link ImageClassification} and the classify core.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Chromosome Clusters (SupCAM)>Classify Clusters")
public class ClassifyClustersCommand extends SupcamCommand {
	/** Title of the Results window this command shows. */
	public static final String RESULTS_TITLE = "SupCAM Results";

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

	@Parameter(label = "Test-time augmentation (8 flips and turns)")
	boolean tta = false;

	@Parameter(label = "Add ROIs to the ROI Manager (named by type)")
	boolean addToManager = false;

	@Parameter(label = "Create a label image of the types")
	boolean createLabelImage = false;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" })
	String device = "auto";

	@Parameter(type = ItemIO.OUTPUT, required = false)
	ImagePlus labelImage;

	@Parameter(type = ItemIO.OUTPUT)
	String summary;

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
			if (createLabelImage) labelImage = ImageClassification.labelImage(image, o);
			if (addToManager && !ImageClassification.addToRoiManager(o))
				warn("No ROI Manager in a headless session; the ROIs are in the image's overlay");
			o.result().problems().forEach(p -> warn("Skipped " + p));
			summary = o.summary();
			info(summary);
			if (!GraphicsEnvironment.isHeadless()) {
				results.show(RESULTS_TITLE);
				ij.IJ.log(summary);
				image.updateAndDraw();
			}
		} catch (IOException | IllegalArgumentException | Progress.CancelledException e) {
			fail(e.getMessage());
		} catch (RuntimeException e) {
			// Engine errors and out-of-memory arrive here, with advice in their message.
			fail("Failed: " + e.getMessage());
		}
	}
}
