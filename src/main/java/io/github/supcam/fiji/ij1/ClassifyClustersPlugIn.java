package io.github.supcam.fiji.ij1;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;
import io.github.supcam.classify.ClassifySettings;
import io.github.supcam.fiji.ImageClassification;

import java.util.List;

/**
 * {@code run("Classify Clusters (macro)", "model=[...] rois whole low=0.5 tta device=cpu add labels")}: classifies
 * the current image's clusters and appends one row per cluster to the system Results table, so a macro reads
 * {@code getResultString("predicted", i)}, {@code getResult("confidence", i)} and {@code nResults}.
 */
public class ClassifyClustersPlugIn extends MacroBridge {
	static final Option MODEL = Option.of("model", "Model package (empty: the bundled model)", Kind.FILE, "");
	static final Option LOW = Option.of("low", "Low confidence threshold", Kind.NUMBER, "0.50");
	static final Option TTA = Option.of("tta", "TTA: average the 8 flips and quarter turns", Kind.FLAG, "false");
	static final Option DEVICE = Option.choice("device", "Device", "auto", "auto", "cpu", "gpu");

	static final List<Option> OPTIONS = List.of(MODEL,
		Option.of("rois", "ROIs: classify the ROI Manager's ROIs, else the selection (none: detect)", Kind.FLAG,
			"false"),
		Option.of("whole", "Whole image is one cluster", Kind.FLAG, "false"),
		LOW, TTA, DEVICE,
		Option.of("add", "Add ROIs to the ROI Manager (named by type)", Kind.FLAG, "false"),
		Option.of("labels", "Labels: create a type label image", Kind.FLAG, "false"));

	public ClassifyClustersPlugIn() {
		super("Classify Clusters", OPTIONS);
	}

	@Override
	protected void run(Values v) throws Exception {
		ImagePlus imp = WindowManager.getCurrentImage();
		if (imp == null) throw new IllegalArgumentException("No image is open: open a metaphase or a cluster crop first");
		ClassifySettings s = ClassifySettings.defaults().withLowConfidence(v.number("low"))
			.withTestTimeAugmentation(v.flag("tta"));
		List<Roi> rois = v.flag("rois") && !v.flag("whole") ? ImageClassification.userRois(imp) : List.of();
		ImageClassification.Outcome o = ImageClassification.classify(imp, v.path("model"), v.text("device"), s, rois,
			v.flag("whole"), progress());
		ImageClassification.appendToSystemResults(o);
		imp.updateAndDraw();
		if (v.flag("labels")) ImageClassification.labelImage(imp, o).show();
		if (v.flag("add") && !ImageClassification.addToRoiManager(o))
			IJ.log("No ROI Manager in a headless session; the ROIs are in the image's overlay");
		o.result().problems().forEach(p -> IJ.log("Skipped " + p));
		IJ.log(o.summary());
	}
}
