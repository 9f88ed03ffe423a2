package io.github.supcam.fiji;

import io.github.supcam.finetune.FineTuneJob;
import io.github.supcam.finetune.FineTuneSettings;
import io.github.supcam.model.ModelPackage;
import io.github.supcam.model.TrainingLog;
import io.github.supcam.util.Progress;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.io.IOException;
import java.util.function.Consumer;

/** Fiji: SupCAM fine-tuning ({@link FineTuneJob}) as a menu item. */
@Plugin(type = Command.class, menuPath = "Plugins>Chromosome Clusters (SupCAM)>Fine-tune Classifier")
public class FineTuneCommand extends TrainingCommand {
	@Parameter(label = "Pretrained encoder (from Pretrain)", required = false, style = "directory")
	File pretrained;

	@Parameter(label = "Mode", choices = { "finetune", "scratch", "linear-probe" })
	String mode = "finetune";

	@Parameter(label = "Backbone (scratch only)", choices = { "resnet18", "resnet34", "resnet50", "resnet101",
		"resnext101_32x8d", "densenet121", "resnet18-narrow" })
	String backbone = "resnet18";

	@Parameter(label = "Unknown-type clusters per batch (fraction; 0: none)", min = "0", max = "1",
		description = "Real clusters in the dataset's not-instance/ folder, trained as 'any type but instance'")
	double notInstanceFraction = 0;

	@Parameter(label = "Two-chromosome clusters: touching or overlapping only",
		description = "Unknown-type clusters of two chromosomes (not-instance/chromosomes.csv) cannot be " +
			"touching-overlapping, which needs three; needs a fraction above 0")
	boolean pairRule = false;

	@Override
	String name() {
		return "Fine-tuning";
	}

	@Override
	ModelPackage train(Progress progress, Consumer<String> log, Consumer<TrainingLog> onEpoch) throws IOException {
		FineTuneSettings s = FineTuneSettings.defaults().withMode(FineTuneSettings.Mode.parse(mode))
			.withBackbone(backbone).withSeed(seed).withDevice(device)
			.withPreprocess(preprocess(FineTuneSettings.defaults().preprocess()))
			.withNotInstance(notInstanceFraction, 1).withPairRule(pairRule)
			.withDegradation(degradation());
		if (epochs > 0) s = s.withEpochs(epochs);
		if (batch > 0) s = s.withBatchSize(batch);
		return FineTuneJob.run(data.toPath(), pretrained == null ? null : pretrained.toPath(), splitPath(), fractions(),
			s, output.toPath(), resume, progress, log, onEpoch);
	}
}
