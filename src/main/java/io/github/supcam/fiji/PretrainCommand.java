package io.github.supcam.fiji;

import io.github.supcam.model.ModelPackage;
import io.github.supcam.model.TrainingLog;
import io.github.supcam.pretrain.PretrainJob;
import io.github.supcam.pretrain.PretrainSettings;
import io.github.supcam.util.Progress;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.io.IOException;
import java.util.function.Consumer;

/** Fiji: SupCAM pretraining ({@link PretrainJob}) as a menu item. */
@Plugin(type = Command.class, menuPath = "Plugins>Chromosome Clusters (SupCAM)>Pretrain (SupCAM)")
public class PretrainCommand extends TrainingCommand {
	@Parameter(label = "Backbone", choices = { "resnet18", "resnet34", "resnet50", "resnet101", "resnext101_32x8d",
		"densenet121", "resnet18-narrow" })
	String backbone = "resnet18";

	@Parameter(label = "Self-margin m (rad)", min = "0", max = "1.5")
	double margin = 0.2;

	@Parameter(label = "Use category-variant composition")
	boolean composition = true;

	@Override
	String name() {
		return "Pretraining";
	}

	@Override
	ModelPackage train(Progress progress, Consumer<String> log, Consumer<TrainingLog> onEpoch) throws IOException {
		PretrainSettings s = PretrainSettings.defaults().withBackbone(backbone).withSeed(seed).withDevice(device)
			.withPreprocess(preprocess(PretrainSettings.defaults().preprocess())).withUseComposition(composition)
			.withDegradation(degradation());
		s = s.withLoss(s.loss().withMargin(margin));
		if (epochs > 0) s = s.withEpochs(epochs);
		if (batch > 0) s = s.withBatchSize(batch);
		return PretrainJob.run(data.toPath(), splitPath(), fractions(), s, output.toPath(), resume, progress, log,
			onEpoch);
	}
}
