package io.github.supcam;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.dataset.ImageCache;
import io.github.supcam.dataset.SplitFractions;
import io.github.supcam.finetune.FineTuneJob;
import io.github.supcam.finetune.FineTuneSettings;
import io.github.supcam.model.ClusterModel;
import io.github.supcam.model.PreprocessSettings;
import io.github.supcam.pretrain.PretrainSettings;
import io.github.supcam.synth.SynthDatasetWriter;
import io.github.supcam.synth.SynthSettings;
import io.github.supcam.util.Progress;

import java.io.IOException;
import java.nio.file.Path;

/** Tiny, fast training settings and data for tests: a narrow network on 32-pixel input, a few steps. */
public final class TinyTraining {
	private TinyTraining() {}

	public static final int CANVAS = 96;
	public static final PreprocessSettings PREPROCESS = PreprocessSettings.robust(32);

	/** A synthetic dataset of {@code perClass} clusters per type on a CANVAS-pixel canvas. */
	public static Path dataset(Path dir, int perClass, long seed) throws IOException {
		new SynthDatasetWriter(SynthSettings.defaults(), seed).write(dir, perClass, CANVAS, false, Progress.NONE);
		return dir;
	}

	public static PretrainSettings pretrain() {
		PretrainSettings d = PretrainSettings.defaults();
		return d.withBackbone("resnet18-narrow-8").withEpochs(2).withBatchSize(8).withPreprocess(PREPROCESS)
			.withComposition(d.composition().withSize(CANVAS)).withLoss(d.loss().withQueueSize(32).withEmbeddingDim(16))
			.withDevice("cpu");
	}

	public static FineTuneSettings finetune() {
		return FineTuneSettings.defaults().withBackbone("resnet18-narrow-8").withEpochs(2).withBatchSize(8)
			.withPreprocess(PREPROCESS).withDevice("cpu");
	}

	/** The mean probability of {@code type} that the classifier package gives the images below {@code folder}. */
	public static double meanProbability(Path model, Path folder, ClusterType type) throws Exception {
		try (ClusterModel m = ClusterModel.load(model, "cpu")) {
			ImageCache.Inputs in = ImageCache.loadInputs(folder, m.preprocessor(), Progress.NONE);
			double sum = 0;
			for (double[] p : m.predict(in.inputs(), 16)) sum += p[type.ordinal()];
			return sum / in.inputs().size();
		}
	}

	/** A classifier trained from scratch for one epoch on a new 60/10/30 split of {@code data}. */
	public static Path scratchClassifier(Path data, Path output) throws IOException {
		FineTuneJob.run(data, null, null, SplitFractions.PAPER_ABLATION, finetune()
			.withMode(FineTuneSettings.Mode.SCRATCH).withEpochs(1), output, false, Progress.NONE, m -> {});
		return output;
	}
}
