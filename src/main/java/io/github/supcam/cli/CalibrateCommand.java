package io.github.supcam.cli;

import io.github.supcam.classify.ClassifySettings;
import io.github.supcam.eval.Calibration;
import io.github.supcam.eval.Calibrator;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code supcam calibrate}: temperature scaling of a classifier on held-out labelled images. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
	description = "Fits a softmax temperature on held-out labelled images and writes a NEW model package that " +
		"uses it, with calibration.json, calibration.md and calibration.png (ECE before/after, accuracy above and " +
		"below the low-confidence flag, reliability diagram).")
public final class CalibrateCommand implements Callable<Integer> {
	@Option(names = "--model", required = true, description = "Classifier package to calibrate (folder or .zip).")
	Path model;

	@Option(names = "--data", required = true, description = "Labelled dataset folder.")
	Path data;

	@Option(names = "--split", defaultValue = "val", description = "val (the validation part of the model's own " +
		"split.csv), all (every image), or a split manifest FILE whose val part is used (default: ${DEFAULT-VALUE}).")
	String split;

	@Option(names = "--output", required = true, description = "The calibrated package (folder or .zip); must not " +
		"exist unless --overwrite.")
	Path output;

	@Option(names = "--overwrite", description = "Replace an existing output package.")
	boolean overwrite;

	@Option(names = "--low-confidence", description = "Flag threshold whose accuracy above/below is reported " +
		"(default: the classifier's, ${DEFAULT-VALUE}).")
	double lowConfidence = ClassifySettings.defaults().lowConfidence();

	@Option(names = "--bins", description = "Equal-width bins of the expected calibration error (default: " +
		"${DEFAULT-VALUE}).")
	int bins = Calibration.DEFAULT_BINS;

	@Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
	String device;

	@Override
	public Integer call() throws Exception {
		ProgressBar bar = ProgressBar.stderr();
		Calibrator.Request request = new Calibrator.Request(data, model, split, device, bins, lowConfidence);
		Cancellation.run(bar, () -> Calibrator.run(request, output, overwrite, bar, bar::log));
		return SupcamCli.EXIT_OK;
	}
}
