package io.github.supcam.fiji.ij1;

import ij.IJ;
import io.github.supcam.model.ModelPackage;
import io.github.supcam.pretrain.PretrainJob;
import io.github.supcam.pretrain.PretrainSettings;

import java.util.List;

/** {@code run("Pretrain (macro)", "data=[dir] output=[encoder] backbone=resnet18 epochs=0 ...")}: SupCAM pretraining. */
public class PretrainPlugIn extends TrainingPlugIn {
	public PretrainPlugIn() {
		super("Pretrain", List.of(Option.choice("backbone", "Backbone", "resnet18", BACKBONES),
			Option.of("margin", "Margin m of the self-margin loss (rad)", Kind.NUMBER, "0.20")));
	}

	@Override
	ModelPackage train(Values v) throws Exception {
		PretrainSettings d = PretrainSettings.defaults();
		PretrainSettings s = d.withBackbone(v.text("backbone")).withSeed(v.integer("seed")).withDevice(v.text("device"))
			.withPreprocess(preprocess(d.preprocess(), v)).withDegradation(degradation(v));
		s = s.withLoss(s.loss().withMargin(v.number("margin")));
		if (v.integer("epochs") > 0) s = s.withEpochs(v.integer("epochs"));
		if (v.integer("batch") > 0) s = s.withBatchSize(v.integer("batch"));
		return PretrainJob.run(v.requiredPath("data"), v.path("split"), fractions(), s, v.requiredPath("output"),
			v.flag("resume"), progress(), IJ::log);
	}
}
