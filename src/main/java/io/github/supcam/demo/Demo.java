package io.github.supcam.demo;

import io.github.supcam.classify.ClassifySettings;
import io.github.supcam.classify.ClusterClassifier;
import io.github.supcam.classify.ClusterResult;
import io.github.supcam.classify.ResultOverlay;
import io.github.supcam.classify.Results;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.finetune.FineTuneJob;
import io.github.supcam.finetune.FineTuneSettings;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.model.ClusterModel;
import io.github.supcam.model.PreprocessSettings;
import io.github.supcam.nn.Checkpoint;
import io.github.supcam.pretrain.PretrainJob;
import io.github.supcam.pretrain.PretrainSettings;
import io.github.supcam.synth.SynthDatasetWriter;
import io.github.supcam.synth.SynthSettings;
import io.github.supcam.synth.SyntheticMetaphase;
import io.github.supcam.util.AtomicFiles;
import io.github.supcam.util.Progress;
import org.apache.commons.math3.random.Well19937c;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one-command demo: renders a synthetic metaphase whose cluster types are known, detects and classifies every
 * cluster, writes the Results CSV and an overlay PNG, and scores the predictions against the truth. With
 * {@code train}, a short pretraining + fine-tuning from scratch makes the model first, so the whole method runs.
 */
public final class Demo {
	/** What the demo found. */
	public record Outcome(Path results, Path overlay, Path metaphase, Map<ClusterType, Integer> counts, int matched,
		int correct, int truthClusters)
	{
		public double accuracy() {
			return matched == 0 ? 0 : 100.0 * correct / matched;
		}

		/** What the demo prints. */
		public List<String> summary() {
			return List.of("Clusters per type: " + countsLine(counts),
				String.format(Locale.ROOT, "Accuracy against the known truth: %.1f%% (%d of %d detected clusters; " +
					"%d were rendered)", accuracy(), correct, matched, truthClusters),
				"Results: " + results, "Overlay: " + overlay);
		}
	}

	private final Path output;
	private final long seed;
	private final boolean overwrite;
	private final Consumer<String> log;

	/**
	 * @param overwrite allow writing into a non-empty folder that is not an earlier demo's output (an earlier demo's
	 *   output is always replaced, so the demo can be run again)
	 */
	public Demo(Path output, long seed, boolean overwrite, Consumer<String> log) {
		this.output = output;
		this.seed = seed;
		this.overwrite = overwrite;
		this.log = log;
	}

	/** What the demo writes; a folder holding only these (or nothing) is an earlier demo's output. */
	static final java.util.Set<String> OWN_FILES = java.util.Set.of("synthetic-metaphase.png", "results.csv",
		"overlay.png", "train-data", "encoder", "classifier", ".encoder.checkpoint", ".classifier.checkpoint");

	/**
	 * @param model classifier package to use; ignored when {@code train} is set
	 * @param train first pretrain and fine-tune a small model on synthetic clusters
	 */
	public Outcome run(Path model, boolean train, Progress progress) throws IOException {
		AtomicFiles.prepareOutputDir(output, overwrite || earlierDemo(output));
		if (train) model = trainSmallModel(progress);
		SyntheticMetaphase m = SyntheticMetaphase.render(SynthSettings.defaults(), 1600, 1200, 25, 35,
			new Well19937c(seed));
		Path metaphase = output.resolve("synthetic-metaphase.png");
		ImageFiles.writePng(m.image(), metaphase);
		log.accept("Rendered a synthetic metaphase with " + m.clusters().size() + " clusters of known type: " +
			metaphase);
		try (ClusterModel cm = ClusterModel.load(model, "auto")) {
			ClusterClassifier.ImageResult r = new ClusterClassifier(cm, ClassifySettings.defaults())
				.classifyDetected(metaphase.getFileName().toString(), m.image());
			Path csv = output.resolve("results.csv");
			Results.writeCsv(csv, r.rows());
			Path overlay = output.resolve("overlay.png");
			ImageFiles.writePng(ResultOverlay.render(m.image(), r), overlay);
			int matched = 0, correct = 0;
			for (ClusterResult row : r.rows()) {
				ClusterType truth = truthOf(m, row);
				if (truth == null) continue;
				matched++;
				if (truth == row.predicted()) correct++;
			}
			return new Outcome(csv, overlay, metaphase, Results.counts(r.rows()), matched, correct,
				m.clusters().size());
		}
	}

	private static boolean earlierDemo(Path dir) throws IOException {
		if (!java.nio.file.Files.isDirectory(dir)) return true;
		try (var s = java.nio.file.Files.list(dir)) {
			return s.allMatch(f -> OWN_FILES.contains(f.getFileName().toString()));
		}
	}

	/** The true type of the synthetic cluster that covers most of a detected cluster's box, if any. */
	static ClusterType truthOf(SyntheticMetaphase m, ClusterResult row) {
		int w = Gray8.width(m.image());
		int[] votes = new int[m.clusters().size() + 1];
		var b = row.bounds();
		for (int y = b.y; y < b.y + b.height; y++) for (int x = b.x; x < b.x + b.width; x++)
			votes[m.labels()[y * w + x]]++;
		int best = 0;
		for (int i = 1; i < votes.length; i++) if (votes[i] > votes[best] || best == 0 && votes[i] > 0) best = i;
		return best == 0 || votes[best] == 0 ? null : m.clusters().get(best - 1).type();
	}

	/** A few minutes of training on 2 CPU cores: a narrow network on small inputs, few epochs. */
	private Path trainSmallModel(Progress progress) throws IOException {
		Path data = output.resolve("train-data");
		log.accept("Rendering a small synthetic training set...");
		new SynthDatasetWriter(SynthSettings.defaults(), seed).write(data, 60, 224, true, Progress.NONE);
		PreprocessSettings pre = PreprocessSettings.robust(64);
		PretrainSettings ps = PretrainSettings.defaults().withBackbone("resnet18-narrow").withEpochs(4)
			.withBatchSize(32).withPreprocess(pre).withSeed(seed).withDevice("auto");
		Path encoder = output.resolve("encoder");
		Path classifier = output.resolve("classifier");
		for (Path p : List.of(encoder, classifier, Checkpoint.folderFor(encoder), Checkpoint.folderFor(classifier)))
			AtomicFiles.deleteRecursively(p);
		PretrainJob.run(data, null, null, ps, encoder, false, progress, log);
		FineTuneSettings fs = FineTuneSettings.defaults().withEpochs(5).withBatchSize(16).withSeed(seed)
			.withDevice("auto");
		FineTuneJob.run(data, encoder, null, null, fs, classifier, false, progress, log);
		return classifier;
	}

	/** Per-type counts as one line. */
	public static String countsLine(Map<ClusterType, Integer> counts) {
		return String.join(", ", Arrays.stream(ClusterType.values())
			.map(t -> t.folderName() + " " + counts.getOrDefault(t, 0)).toList());
	}
}
