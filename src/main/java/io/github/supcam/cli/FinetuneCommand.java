package io.github.supcam.cli;

import io.github.supcam.finetune.FineTuneJob;
import io.github.supcam.finetune.FineTuneSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code supcam finetune}: SupCAM's fine-tuning step, or the from-scratch / linear-probe baselines. */
@Command(name = "finetune", mixinStandardHelpOptions = true,
	description = "Trains the 4-class classifier on a pretrained encoder (or from scratch) and keeps the best epoch.")
public final class FinetuneCommand implements Callable<Integer> {
	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Mixin
	TrainingOptions common;

	@Option(names = "--pretrained", description = "Encoder package from 'supcam pretrain' (its split is reused).")
	Path pretrained;

	@Option(names = "--mode", defaultValue = "finetune",
		description = "finetune, scratch or linear-probe (default: ${DEFAULT-VALUE}).")
	String mode;

	@Option(names = "--backbone", defaultValue = "resnet18", description = "Backbone for --mode scratch " +
		"(default: ${DEFAULT-VALUE}).")
	String backbone;

	@Option(names = "--milestones", split = ",", description = "Epochs after which the learning rate drops " +
		"tenfold, e.g. 16,20 (default: 8,12, the paper's, less those beyond --epochs).")
	List<Integer> milestones;

	@Option(names = "--not-instance-fraction", defaultValue = "0", description = "Real clusters of unknown type " +
		"(the dataset's not-instance/ folder, e.g. from 'supcam compose-real --not-instance') added to every batch " +
		"as a fraction of the batch size, trained as 'any type but instance' (default: ${DEFAULT-VALUE}, none).")
	double notInstanceFraction;

	@Option(names = "--not-instance-weight", defaultValue = "1", description = "Weight of their loss " +
		"(default: ${DEFAULT-VALUE}).")
	double notInstanceWeight;

	@Option(names = "--pair-rule", description = "A real cluster of two chromosomes cannot be touching-overlapping " +
		"(that needs a touching and an overlapping pair): the not-instance clusters of exactly two chromosomes " +
		"(not-instance/chromosomes.csv, from 'supcam compose-real --not-instance') train as 'touching or " +
		"overlapping', the others as 'any type but instance'. Needs --not-instance-fraction above 0.")
	boolean pairRule;

	@Override
	public Integer call() throws Exception {
		FineTuneSettings s = FineTuneSettings.defaults().withMode(FineTuneSettings.Mode.parse(mode))
			.withBackbone(backbone).withSeed(common.seed).withDevice(common.device)
			.withPreprocess(common.preprocess(FineTuneSettings.defaults().preprocess()))
			.withNotInstance(notInstanceFraction, notInstanceWeight).withPairRule(pairRule)
			.withDegradation(common.degradation());
		if (common.epochs != null) s = s.withEpochs(common.epochs);
		if (milestones != null) s = s.withMilestones(milestones);
		if (common.batch != null) s = s.withBatchSize(common.batch);
		if (common.learningRate != null) s = s.withLearningRate(common.learningRate);
		FineTuneSettings settings = s;
		ProgressBar bar = ProgressBar.stderr();
		Cancellation.run(bar, () -> FineTuneJob.run(common.data, pretrained, common.split, common.fractions(),
			settings, common.output, common.resume, bar, bar::log));
		return SupcamCli.EXIT_OK;
	}
}
