package io.github.supcam.fiji.ij1;

import ij.IJ;
import io.github.supcam.finetune.FineTuneJob;
import io.github.supcam.finetune.FineTuneSettings;
import io.github.supcam.model.ModelPackage;

import java.util.List;

/**
 * {@code run("Fine-tune Classifier (macro)", "data=[dir] output=[model] pretrained=[encoder] mode=finetune ...")}:
 * SupCAM fine-tuning, or the from-scratch / linear-probe baselines. {@code notinstance=0.25} adds real clusters of
 * unknown type from the dataset's {@code not-instance/} folder to every batch; {@code pairrule} trains those of two
 * chromosomes (its {@code chromosomes.csv}) as touching or overlapping only.
 */
public class FineTunePlugIn extends TrainingPlugIn {
	public FineTunePlugIn() {
		super("Fine-tune Classifier", List.of(Option.of("pretrained", "Pretrained encoder (from Pretrain)",
			Kind.DIRECTORY, ""), Option.choice("mode", "Mode", "finetune", "finetune", "scratch", "linear-probe"),
			Option.choice("backbone", "Backbone (scratch only)", "resnet18", BACKBONES),
			Option.of("notinstance", "Notinstance: share of unknown-type clusters per batch (0: none)", Kind.NUMBER, "0.00"),
			Option.of("pairrule", "Pairrule: unknown-type clusters of two chromosomes are touching or overlapping",
				Kind.FLAG, "false")));
	}

	@Override
	ModelPackage train(Values v) throws Exception {
		return FineTuneJob.run(v.requiredPath("data"), v.path("pretrained"), v.path("split"), fractions(), settings(v),
			v.requiredPath("output"), v.flag("resume"), progress(), IJ::log);
	}

	/** The fine-tuning settings a macro's options ask for. */
	static FineTuneSettings settings(Values v) {
		FineTuneSettings d = FineTuneSettings.defaults();
		FineTuneSettings s = d.withMode(FineTuneSettings.Mode.parse(v.text("mode"))).withBackbone(v.text("backbone"))
			.withSeed(v.integer("seed")).withDevice(v.text("device")).withPreprocess(preprocess(d.preprocess(), v))
			.withNotInstance(v.number("notinstance"), 1).withPairRule(v.flag("pairrule"))
			.withDegradation(degradation(v));
		if (v.integer("epochs") > 0) s = s.withEpochs(v.integer("epochs"));
		if (v.integer("batch") > 0) s = s.withBatchSize(v.integer("batch"));
		return s;
	}
}
