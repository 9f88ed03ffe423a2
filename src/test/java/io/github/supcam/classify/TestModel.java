package io.github.supcam.classify;

import io.github.supcam.TinyTraining;
import io.github.supcam.finetune.FineTuneJob;
import io.github.supcam.finetune.FineTuneSettings;
import io.github.supcam.synth.SynthSettings;
import io.github.supcam.synth.SyntheticMetaphase;
import io.github.supcam.util.Progress;
import org.apache.commons.math3.random.Well19937c;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One throw-away classifier package (a narrow network trained from scratch for one epoch on a few synthetic
 * clusters), trained once per test JVM and shared by the classification and Fiji command tests. Its predictions
 * are meaningless; the tests check the plumbing around them.
 */
public final class TestModel {
	private TestModel() {}

	private static Path model;

	public static synchronized Path path() throws IOException {
		if (model != null) return model;
		Path dir = Files.createTempDirectory("supcam-test-model-");
		Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
		Path data = TinyTraining.dataset(dir.resolve("data"), 4, 11);
		FineTuneJob.run(data, null, null, null, TinyTraining.finetune().withMode(FineTuneSettings.Mode.SCRATCH)
			.withEpochs(1), dir.resolve("model"), false, Progress.NONE, m -> {});
		model = dir.resolve("model");
		return model;
	}

	/** A small synthetic metaphase (400x300, 3 to 5 clusters of known type). */
	public static SyntheticMetaphase metaphase(long seed) {
		return SyntheticMetaphase.render(SynthSettings.defaults(), 400, 300, 3, 5, new Well19937c(seed));
	}

	private static void delete(Path dir) {
		try (Stream<Path> s = Files.walk(dir)) {
			s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
