package io.github.supcam.cli;

import io.github.supcam.dataset.SplitFractions;
import io.github.supcam.image.Degradation;
import io.github.supcam.model.PreprocessSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by {@code pretrain} and {@code finetune}. */
final class TrainingOptions {
	@Option(names = "--data", required = true, description = "Dataset folder (instance/, touching/, overlapping/, " +
		"touching-overlapping/ or ChrCluster's 0/..3/).")
	Path data;

	@Option(names = "--output", required = true, description = "Model package to write (folder, or .zip).")
	Path output;

	@Option(names = "--split", description = "Split manifest CSV to reuse (default: a new stratified split).")
	Path split;

	@Option(names = "--split-fractions", defaultValue = "60/10/30",
		description = "Train/val/test fractions of a new split (default: ${DEFAULT-VALUE}, the paper's ablation split).")
	String splitFractions;

	@Option(names = "--epochs", description = "Training epochs.")
	Integer epochs;

	@Option(names = "--batch", description = "Batch size.")
	Integer batch;

	@Option(names = "--lr", description = "Base learning rate.")
	Double learningRate;

	@Option(names = "--image-size", description = "Network input size in pixels (default: 224, the paper's).")
	Integer imageSize;

	@Option(names = "--target-width", description = "Scale every crop so a chromosome is this many input pixels " +
		"wide (0: off, the default).")
	Double targetWidth;

	@Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
	String device;

	@Option(names = "--seed", defaultValue = "42", description = "Seed of the split and of all training randomness " +
		"(default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--resume", description = "Continue an interrupted run from its checkpoint.")
	boolean resume;

	@Option(names = "--degrade", defaultValue = "0", description = "Share of the training images that get " +
		"random changes of scale (0.5-2x), focus (blur sigma up to 2 px) and stain density (+-30%%) before " +
		"preprocessing (pretrain: before each view), for a classifier that other microscopes and cameras do " +
		"not confuse (default: " +
		"${DEFAULT-VALUE}, none).")
	double degrade;

	Degradation degradation() {
		return Degradation.robustness(degrade);
	}

	SplitFractions fractions() {
		return SplitFractions.parse(splitFractions);
	}

	PreprocessSettings preprocess(PreprocessSettings base) {
		PreprocessSettings p = base;
		if (imageSize != null) p = p.withInputSize(imageSize);
		if (targetWidth != null) p = p.withTargetWidth(targetWidth);
		return p;
	}
}
