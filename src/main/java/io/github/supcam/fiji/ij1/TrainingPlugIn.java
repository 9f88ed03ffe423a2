package io.github.supcam.fiji.ij1;

import ij.IJ;
import io.github.supcam.dataset.SplitFractions;
import io.github.supcam.image.Degradation;
import io.github.supcam.model.ModelPackage;
import io.github.supcam.model.PreprocessSettings;

import java.util.ArrayList;
import java.util.List;

/** Options and reporting shared by the pretraining and fine-tuning bridges. */
abstract class TrainingPlugIn extends MacroBridge {
	static final String[] BACKBONES = { "resnet18", "resnet34", "resnet50", "resnet101", "resnext101_32x8d",
		"densenet121", "resnet18-narrow" };

	private static final List<Option> COMMON = List.of(
		Option.of("data", "Data: dataset folder", Kind.DIRECTORY, ""),
		Option.of("output", "Output model package (folder or .zip)", Kind.TEXT, ""),
		Option.of("split", "Split manifest CSV (optional)", Kind.FILE, ""),
		Option.of("epochs", "Epochs (0: the paper's)", Kind.NUMBER, "0"),
		Option.of("batch", "Batch size (0: the paper's)", Kind.NUMBER, "0"),
		Option.of("size", "Size of the network input (px)", Kind.NUMBER, "224"),
		ClassifyClustersPlugIn.DEVICE,
		Option.of("seed", "Seed", Kind.NUMBER, "42"),
		Option.of("resume", "Resume an interrupted run", Kind.FLAG, "false"));

	/** Last in every dialog, so that the fields of earlier versions keep their places. */
	private static final Option DEGRADE = Option.of("degrade",
		"Degrade: share of training images with random scale, blur and contrast (0: none)", Kind.NUMBER, "0.00");

	/** @param extra options of this step, after the common ones */
	TrainingPlugIn(String title, List<Option> extra) {
		super(title, concat(extra));
	}

	private static List<Option> concat(List<Option> extra) {
		List<Option> all = new ArrayList<>(COMMON);
		all.addAll(extra);
		all.add(DEGRADE);
		return all;
	}

	abstract ModelPackage train(Values v) throws Exception;

	@Override
	protected final void run(Values v) throws Exception {
		train(v);
		IJ.log(title() + " finished: " + v.requiredPath("output"));
	}

	/** {@code degrade=0.5}: half the training images changed at random in scale, blur and stain density. */
	static Degradation degradation(Values v) {
		return Degradation.robustness(v.number("degrade"));
	}

	static SplitFractions fractions() {
		return SplitFractions.PAPER_ABLATION;
	}

	static PreprocessSettings preprocess(PreprocessSettings base, Values v) {
		return base.withInputSize(v.integer("size"));
	}
}
