package io.github.supcam.benchmark;

import io.github.supcam.TinyTraining;
import io.github.supcam.classify.ClassifySettings;
import io.github.supcam.classify.ClusterClassifier;
import io.github.supcam.detect.ClusterCrop;
import io.github.supcam.detect.ClusterDetector;
import io.github.supcam.detect.DetectedCluster;
import io.github.supcam.detect.DetectionResult;
import io.github.supcam.finetune.FineTuneJob;
import io.github.supcam.finetune.FineTuneSettings;
import io.github.supcam.model.ClusterModel;
import io.github.supcam.model.PreprocessSettings;
import io.github.supcam.synth.SynthSettings;
import io.github.supcam.synth.SyntheticMetaphase;
import io.github.supcam.util.Progress;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Median;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * End-to-end time of classifying one 1600x1200 synthetic metaphase (~30 clusters) with a warm model on the CPU,
 * split into detection, preprocessing (crop, mask, scale, normalise) and inference, and inference throughput at
 * batch 1 and 32. Two configurations: the bundled model's (ResNet-18-narrow on 96 px; the bundled package itself
 * when {@code models/supcam-synthetic-v1} exists) and the paper's (ResNet-18 on 224 px). Untrained weights cost
 * the same time as trained ones, so missing packages are replaced by one-epoch throw-away models.
 * Run: {@code java -Dai.djl.pytorch.num_threads=1 -cp <test classpath> io.github.supcam.benchmark.MetaphaseBenchmark}.
 * Figures: docs/benchmarks-classify.md.
 */
public final class MetaphaseBenchmark {
	private static final int REPEATS = 3;

	public static void main(String[] args) throws Exception {
		System.out.println("threads: ai.djl.pytorch.num_threads=" + System.getProperty("ai.djl.pytorch.num_threads",
			"(libtorch default)") + ", cores visible: " + Runtime.getRuntime().availableProcessors());
		SyntheticMetaphase m = SyntheticMetaphase.render(SynthSettings.defaults(), 1600, 1200, 25, 35,
			new Well19937c(7));
		Path tmp = Files.createTempDirectory("supcam-bench-");
		Path data = TinyTraining.dataset(tmp.resolve("data"), 4, 1);
		Path bundled = Paths.get("models", "supcam-synthetic-v1");
		Path narrow = Files.isRegularFile(bundled.resolve("model.json")) ? bundled :
			train(data, "resnet18-narrow", PreprocessSettings.robust(96), tmp.resolve("narrow"));
		run("bundled configuration" + (narrow == bundled ? " (the bundled model)" : " (throw-away weights)"), narrow, m);
		run("paper configuration (throw-away weights)", train(data, "resnet18", PreprocessSettings.paper(),
			tmp.resolve("paper")), m);
		try (Stream<Path> s = Files.walk(tmp)) {
			s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	private static Path train(Path data, String backbone, PreprocessSettings p, Path out) throws Exception {
		FineTuneJob.run(data, null, null, null, TinyTraining.finetune().withBackbone(backbone).withPreprocess(p)
			.withMode(FineTuneSettings.Mode.SCRATCH).withEpochs(1), out, false, Progress.NONE, s -> {});
		return out;
	}

	private static void run(String name, Path modelPath, SyntheticMetaphase m) throws Exception {
		ClassifySettings settings = ClassifySettings.defaults();
		try (ClusterModel model = ClusterModel.load(modelPath, "cpu")) {
			ClusterClassifier classifier = new ClusterClassifier(model, settings);
			int clusters = classifier.classifyDetected("warm-up", m.image()).rows().size();
			DetectionResult d = new ClusterDetector(settings.detection()).detect(m.image());
			double detect = median(() -> new ClusterDetector(settings.detection()).detect(m.image()));
			List<float[]> inputs = new ArrayList<>();
			double preprocess = median(() -> {
				inputs.clear();
				for (DetectedCluster c : d.clusters()) inputs.add(model.preprocessor().apply(ClusterCrop.extract(m.image(),
					d.labels(), c, settings.margin(), 255)).data());
				return inputs;
			});
			double batch1 = median(() -> model.predict(inputs, 1));
			double batch32 = median(() -> model.predict(inputs, 32));
			double endToEnd = median(() -> classifier.classifyDetected("spread", m.image()));
			System.out.printf(Locale.ROOT, "%n%s: %s, %d px input, %s%n", name, model.info().backbone(),
				model.info().preprocess().inputSize(), modelPath);
			System.out.printf(Locale.ROOT, "  1600x1200 metaphase, %d clusters, median of %d runs, warm model%n",
				clusters, REPEATS);
			System.out.printf(Locale.ROOT, "  end to end (classifyDetected, batch 32): %.0f ms%n", endToEnd);
			System.out.printf(Locale.ROOT, "    detection:     %.0f ms%n", detect);
			System.out.printf(Locale.ROOT, "    preprocessing: %.0f ms%n", preprocess);
			System.out.printf(Locale.ROOT, "    inference:     %.0f ms (batch 32)%n", batch32);
			System.out.printf(Locale.ROOT, "  inference throughput: batch 1 %.1f clusters/s, batch 32 %.1f clusters/s%n",
				1000 * inputs.size() / batch1, 1000 * inputs.size() / batch32);
		}
	}

	/** Median wall time in milliseconds. */
	private static double median(Supplier<?> work) {
		double[] ms = new double[REPEATS];
		for (int i = 0; i < REPEATS; i++) {
			long t = System.nanoTime();
			work.get();
			ms[i] = (System.nanoTime() - t) / 1e6;
		}
		return new Median().evaluate(ms);
	}
}
