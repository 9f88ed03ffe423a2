package io.github.supcam.cli;

import io.github.supcam.classify.BatchClassification;
import io.github.supcam.classify.ClassifySettings;
import io.github.supcam.classify.RoiSets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code supcam classify}: per-cluster classification of images or folders into one Results CSV. */
@Command(name = "classify", mixinStandardHelpOptions = true,
	description = "Finds and classifies chromosome clusters (instance, touching, overlapping, touching-overlapping).")
public final class ClassifyCommand implements Callable<Integer> {
	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Parameters(arity = "1..*", paramLabel = "INPUT", description = "Image files or folders of images.")
	List<Path> inputs;

	@Option(names = "--model", description = "Classifier package (default: the bundled model).")
	Path model;

	@Option(names = "--rois", description = "RoiSet .zip (or .roi): classify each ROI as one cluster.")
	Path rois;

	@Option(names = "--crops", description = "Each image is already one cluster (e.g. ChrCluster's crops).")
	boolean crops;

	@Option(names = "--output", defaultValue = "results.csv", description = "Results CSV (default: ${DEFAULT-VALUE}).")
	Path output;

	@Option(names = "--overlay-dir", description = "Write an overlay PNG per image into this folder.")
	Path overlayDir;

	@Option(names = "--labels-dir", description = "Write a 16-bit label image per image into this folder: 0 background, "
		+ "each cluster's pixels its cluster id from the CSV (NAME-labels.tif).")
	Path labelsDir;

	@Option(names = "--low-confidence", defaultValue = "0.5",
		description = "Flag predictions whose top probability is below this (default: ${DEFAULT-VALUE}).")
	double lowConfidence;

	@Option(names = "--tta", negatable = true, defaultValue = "true", fallbackValue = "true", description =
		"Test-time augmentation: average over the 8 flips and quarter turns of each cluster; on by default (more " +
		"accurate on real spreads, 8x the inference time); --no-tta turns it off.")
	boolean tta;

	@Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
	String device;

	@Option(names = "--overwrite", description = "Replace an existing results file.")
	boolean overwrite;

	@Override
	public Integer call() throws Exception {
		if (crops && rois != null) throw new IllegalArgumentException("--crops and --rois exclude each other");
		BatchClassification.Mode mode = crops ? BatchClassification.Mode.WHOLE : rois != null ?
			BatchClassification.Mode.ROIS : BatchClassification.Mode.DETECT;
		ClassifySettings s = ClassifySettings.defaults().withLowConfidence(lowConfidence).withTestTimeAugmentation(tta);
		ProgressBar bar = ProgressBar.stderr();
		BatchClassification.Summary r = new BatchClassification(s, mode, rois == null ? null : RoiSets.read(rois))
			.withLabelsDir(labelsDir).run(model, inputs, output, overlayDir, overwrite, device, bar, bar::log);
		spec.commandLine().getOut().println("Classified " + r.rows().size() + " clusters in " +
			r.classifiedImages() + " of " + r.images() + " images; results in " + output +
			(r.failures().isEmpty() ? "" : "; " + r.failures().size() + " skipped"));
		return SupcamCli.skipped(spec, "classify", r.failures());
	}
}
