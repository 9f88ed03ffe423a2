package io.github.supcam.fiji.ij1;

import ij.IJ;
import ij.measure.ResultsTable;
import io.github.supcam.classify.BatchClassification;
import io.github.supcam.classify.ClassifySettings;
import io.github.supcam.classify.Results;
import io.github.supcam.classify.RoiSets;

import java.util.List;

/**
 * {@code run("Classify Folder (macro)", "input=[dir] output=[results.csv] ...")}: the CLI's batch classification
 * (one CSV for every image of a folder, unreadable files reported and skipped); the rows also go to the system
 * Results table.
 */
public class ClassifyFolderPlugIn extends MacroBridge {
	static final List<Option> OPTIONS = List.of(
		Option.of("input", "Input folder of images", Kind.DIRECTORY, ""),
		Option.of("output", "Output results CSV", Kind.FILE, ""),
		ClassifyClustersPlugIn.MODEL,
		Option.of("crops", "Crops: each image is one cluster", Kind.FLAG, "false"),
		Option.of("roiset", "RoiSet .zip applied to every image (optional)", Kind.FILE, ""),
		ClassifyClustersPlugIn.LOW, ClassifyClustersPlugIn.TTA, ClassifyClustersPlugIn.DEVICE,
		Option.of("overlays", "Overlays: folder for one overlay PNG per image (optional)", Kind.DIRECTORY, ""),
		Option.of("overwrite", "Overwrite an existing results file", Kind.FLAG, "false"));

	public ClassifyFolderPlugIn() {
		super("Classify Folder", OPTIONS);
	}

	@Override
	protected void run(Values v) throws Exception {
		if (v.flag("crops") && v.path("roiset") != null) throw new IllegalArgumentException(
			"'crops' and 'roiset' exclude each other");
		BatchClassification.Mode mode = v.flag("crops") ? BatchClassification.Mode.WHOLE : v.path("roiset") != null ?
			BatchClassification.Mode.ROIS : BatchClassification.Mode.DETECT;
		ClassifySettings s = ClassifySettings.defaults().withLowConfidence(v.number("low"))
			.withTestTimeAugmentation(v.flag("tta"));
		BatchClassification.Summary r = new BatchClassification(s, mode, v.path("roiset") == null ? null :
			RoiSets.read(v.path("roiset"))).run(v.path("model"), List.of(v.requiredPath("input")),
				v.requiredPath("output"), v.path("overlays"), v.flag("overwrite"), v.text("device"), progress(), IJ::log);
		ResultsTable rt = ResultsTable.getResultsTable();
		Results.addTo(rt, r.rows());
		rt.show("Results");
		IJ.log("Classified " + r.rows().size() + " clusters in " + r.classifiedImages() + " of " + r.images() +
			" inputs; results in " + v.path("output") + (r.failures().isEmpty() ? "" : "; " + r.failures().size() +
				" skipped:"));
		r.failures().forEach(f -> IJ.log("Skipped " + f));
	}
}
