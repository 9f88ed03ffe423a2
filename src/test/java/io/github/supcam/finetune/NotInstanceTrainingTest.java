package io.github.supcam.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.github.supcam.TinyTraining;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.dataset.DatasetReader;
import io.github.supcam.dataset.SplitFractions;
import io.github.supcam.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Real clusters of unknown type enter fine-tuning only as "not instance", through the dataset's folder. */
class NotInstanceTrainingTest {
	@Test
	void lossIsLabelledLossPlusWeightedNotInstanceLossOfTheLastRows() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray logits = m.create(new float[] { 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 3, 0, 4, 1, 0, 0, 0, 0, 0, 5 },
				new ai.djl.ndarray.types.Shape(5, 4));
			NDArray labels = m.create(new long[] { 0, 1, 2 });
			FineTuneSettings s = TinyTraining.finetune().withNotInstance(0.5, 0.3);
			float expected = LabelSmoothingLoss.compute(logits.get(new NDIndex("0:3")), labels, 0.1).getFloat() +
				0.3f * NotInstanceLoss.compute(logits.get(new NDIndex("3:"))).getFloat();
			assertEquals(expected, FineTuner.loss(s, logits, labels, 2).getFloat(), 1e-5);
			assertEquals(LabelSmoothingLoss.compute(logits.get(new NDIndex("0:3")), labels, 0.1).getFloat(),
				FineTuner.loss(s, logits.get(new NDIndex("0:3")), labels, 0).getFloat(), 1e-6);
		}
	}

	@Test
	void unknownTypeImagesArePushedAwayFromInstance(@TempDir Path tmp) throws Exception {
		Path data = TinyTraining.dataset(tmp.resolve("data"), 8, 3);
		// The "unknown" clusters are copies of instance images: the only signal that lowers their instance
		// probability is the not-instance loss.
		Path unknown = Files.createDirectories(data.resolve(DatasetReader.NOT_INSTANCE_FOLDER));
		List<Path> instances;
		try (Stream<Path> s = Files.list(data.resolve(ClusterType.INSTANCE.folderName()))) {
			instances = s.sorted().toList();
		}
		for (Path f : instances) Files.copy(f, unknown.resolve(f.getFileName()));
		FineTuneSettings base = TinyTraining.finetune().withMode(FineTuneSettings.Mode.SCRATCH).withEpochs(4);
		double without = TinyTraining.meanProbability(train(data, base, tmp.resolve("without")), unknown,
			ClusterType.INSTANCE);
		List<String> log = new ArrayList<>();
		Path with = tmp.resolve("with");
		FineTuneJob.run(data, null, null, SplitFractions.PAPER_ABLATION, base.withNotInstance(1, 3), with, false,
			Progress.NONE, log::add);
		assertTrue(log.stream().anyMatch(l -> l.contains("8 of " + instances.size() + " real clusters of unknown type")),
			log.toString());
		double withLoss = TinyTraining.meanProbability(with, unknown, ClusterType.INSTANCE);
		assertTrue(withLoss < without - 0.05, "P(instance) " + withLoss + " with the loss, " + without + " without");
		assertTrue(Files.readString(with.resolve("model.json")).contains("\"notInstanceFraction\": 1.0"));
	}

	@Test
	void aFractionWithoutTheFolderIsRefusedAndWritesNothing(@TempDir Path tmp) throws Exception {
		Path data = TinyTraining.dataset(tmp.resolve("data"), 4, 1);
		var e = assertThrows(IllegalArgumentException.class, () -> train(data,
			TinyTraining.finetune().withMode(FineTuneSettings.Mode.SCRATCH).withNotInstance(0.25, 1), tmp.resolve("o")));
		assertTrue(e.getMessage().contains("not-instance") && e.getMessage().contains("has none"), e.getMessage());
		assertFalse(Files.exists(tmp.resolve("o").resolve("model.json")));
	}

	@Test
	void settingsAreValidated() {
		FineTuneSettings s = FineTuneSettings.defaults();
		assertEquals(0, s.notInstanceFraction(), "the paper's fine-tuning has none");
		assertThrows(IllegalArgumentException.class, () -> s.withNotInstance(1.5, 1));
		assertThrows(IllegalArgumentException.class, () -> s.withNotInstance(0.2, -1));
	}

	private static Path train(Path data, FineTuneSettings s, Path out) throws Exception {
		FineTuneJob.run(data, null, null, SplitFractions.PAPER_ABLATION, s, out, false, Progress.NONE, m -> {});
		return out;
	}
}
