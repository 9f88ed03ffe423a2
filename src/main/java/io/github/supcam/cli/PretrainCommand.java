package io.github.supcam.cli;

import io.github.supcam.compose.LabelTable;
import io.github.supcam.pretrain.PretrainJob;
import io.github.supcam.pretrain.PretrainLossSettings;
import io.github.supcam.pretrain.PretrainSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code supcam pretrain}: SupCAM's supervised contrastive pretraining ({@link PretrainJob}). */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
	description = "Supervised contrastive pretraining (MoCo-style, SupCon + self-margin loss) on the training split.")
public final class PretrainCommand implements Callable<Integer> {
	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Mixin
	TrainingOptions common;

	@Option(names = "--backbone", defaultValue = "resnet18", description = "Backbone (default: ${DEFAULT-VALUE}).")
	String backbone;

	@Option(names = "--margin", description = "Self-margin m in radians (default: 0.2).")
	Double margin;

	@Option(names = "--no-margin", description = "Switch the self-margin loss off.")
	boolean noMargin;

	@Option(names = "--loss", description = "supcon or infonce (default: supcon).")
	PretrainLossSettings.LossType loss;

	@Option(names = "--temperature", description = "Temperature tau (default: 0.07).")
	Double temperature;

	@Option(names = "--queue-size", description = "Key queue length (default: 1024).")
	Integer queueSize;

	@Option(names = "--embedding-dim", description = "Embedding size (default: 128).")
	Integer embeddingDim;

	@Option(names = "--table", description = "Composition look-up table: middle, heavy, light, none (default: middle).")
	LabelTable table;

	@Option(names = "--no-composition", description = "Use only the two MoCo-style views (no composed view).")
	boolean noComposition;

	@Override
	public Integer call() throws Exception {
		PretrainSettings s = PretrainSettings.defaults().withBackbone(backbone).withSeed(common.seed)
			.withDevice(common.device).withPreprocess(common.preprocess(PretrainSettings.defaults().preprocess()))
			.withDegradation(common.degradation());
		if (common.epochs != null) s = s.withEpochs(common.epochs);
		if (common.batch != null) s = s.withBatchSize(common.batch);
		if (common.learningRate != null) s = s.withLearningRate(common.learningRate);
		PretrainLossSettings l = s.loss();
		if (margin != null) l = l.withMargin(margin);
		if (noMargin) l = l.withMarginEnabled(false);
		if (loss != null) l = l.withLossType(loss);
		if (temperature != null) l = l.withTemperature(temperature);
		if (queueSize != null) l = l.withQueueSize(queueSize);
		if (embeddingDim != null) l = l.withEmbeddingDim(embeddingDim);
		l.warnings().forEach(w -> spec.commandLine().getErr().println("supcam pretrain: warning: " + w));
		s = s.withLoss(l).withUseComposition(!noComposition);
		if (table != null) s = s.withComposition(s.composition().withTable(table));
		PretrainSettings settings = s;
		ProgressBar bar = ProgressBar.stderr();
		Cancellation.run(bar, () -> PretrainJob.run(common.data, common.split, common.fractions(), settings,
			common.output, common.resume, bar, bar::log));
		return SupcamCli.EXIT_OK;
	}
}
