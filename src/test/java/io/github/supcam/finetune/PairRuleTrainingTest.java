package io.github.supcam.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
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

/** The two-chromosome pair rule: real clusters of two chromosomes are touching or overlapping, never both. */
class PairRuleTrainingTest {
	private static final FineTuneSettings SCRATCH = TinyTraining.finetune().withMode(FineTuneSettings.Mode.SCRATCH);

	@Test
	void twoChromosomesRuleOutTouchingOverlappingOnly() {
		assertArrayEquals(new boolean[] { false, true, true, false }, FineTuner.possibleTypes(2));
		assertArrayEquals(new boolean[] { false, true, true, true }, FineTuner.possibleTypes(3));
		assertArrayEquals(new boolean[] { false, true, true, true }, FineTuner.possibleTypes(7));
	}

	@Test
	void lossGivesEachNotInstanceRowItsOwnLabelSet() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray logits = m.create(new float[] { 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 3, 0, 4, 1, 0, 6, 0, 0, 0, 5 },
				new Shape(5, 4));
			NDArray labels = m.create(new long[] { 0, 1, 2 });
			NDArray allowed = m.create(new boolean[] { false, true, true, false, false, true, true, true }, new Shape(2, 4));
			FineTuneSettings s = SCRATCH.withNotInstance(0.5, 0.3).withPairRule(true);
			float labelled = LabelSmoothingLoss.compute(logits.get(new NDIndex("0:3")), labels, 0.1).getFloat();
			assertEquals(labelled + 0.3f * PartialLabelLoss.compute(logits.get(new NDIndex("3:")), allowed).getFloat(),
				FineTuner.loss(s, logits, labels, 2, allowed).getFloat(), 1e-5);
			// the first not-instance row leans to touching-overlapping, which the rule takes away: a larger loss
			assertTrue(FineTuner.loss(s, logits, labels, 2, allowed).getFloat() >
				FineTuner.loss(s, logits, labels, 2).getFloat() + 0.3f);
		}
	}

	@Test
	void theRuleNeedsUnknownTypeClusters() {
		var e = assertThrows(IllegalArgumentException.class, () -> SCRATCH.withPairRule(true));
		assertTrue(e.getMessage().contains("needs a not-instance fraction above 0"), e.getMessage());
		assertFalse(FineTuneSettings.defaults().twoChromosomePairRule(), "off unless asked for");
	}

	/** A dataset whose not-instance/ holds copies of its touching-overlapping images. */
	private static List<String> withUnknownCopies(Path data) throws Exception {
		Path unknown = Files.createDirectories(data.resolve(DatasetReader.NOT_INSTANCE_FOLDER));
		try (Stream<Path> s = Files.list(data.resolve(ClusterType.TOUCHING_OVERLAPPING.folderName()))) {
			for (Path f : s.sorted().toList()) Files.copy(f, unknown.resolve(f.getFileName()));
		}
		try (Stream<Path> s = Files.list(unknown)) {
			return s.map(f -> f.getFileName().toString()).sorted().toList();
		}
	}

	@Test
	void withoutChromosomeCountsTheRuleIsRefusedBeforeTraining(@TempDir Path tmp) throws Exception {
		Path data = TinyTraining.dataset(tmp.resolve("data"), 4, 1);
		List<String> files = withUnknownCopies(data);
		FineTuneSettings s = SCRATCH.withNotInstance(0.25, 1).withPairRule(true);
		var e = assertThrows(IllegalArgumentException.class, () -> FineTuneJob.run(data, null, null,
			SplitFractions.PAPER_ABLATION, s, tmp.resolve("o"), false, Progress.NONE, m -> {}));
		assertTrue(e.getMessage().contains("chromosome count") && e.getMessage().contains("not-instance/chromosomes.csv") &&
			e.getMessage().contains("there is none"), e.getMessage());
		Files.writeString(data.resolve("not-instance/chromosomes.csv"), "file,chromosomes\n" + files.get(0) + ",2\n");
		e = assertThrows(IllegalArgumentException.class, () -> FineTuneJob.run(data, null, null,
			SplitFractions.PAPER_ABLATION, s, tmp.resolve("o"), false, Progress.NONE, m -> {}));
		assertTrue(e.getMessage().contains("lacks " + (files.size() - 1) + " (e.g. " + files.get(1)), e.getMessage());
		Files.writeString(data.resolve("not-instance/chromosomes.csv"), "file,chromosomes\n" + files.get(0) + ",1\n");
		e = assertThrows(IllegalArgumentException.class, () -> FineTuneJob.run(data, null, null,
			SplitFractions.PAPER_ABLATION, s, tmp.resolve("o"), false, Progress.NONE, m -> {}));
		assertTrue(e.getMessage().endsWith("chromosomes.csv line 2: a cluster has 2 or more chromosomes, got 1"),
			e.getMessage());
		assertFalse(Files.exists(tmp.resolve("o").resolve("model.json")));
	}

	@Test
	void twoChromosomeClustersArePushedAwayFromTouchingOverlapping(@TempDir Path tmp) throws Exception {
		Path data = TinyTraining.dataset(tmp.resolve("data"), 8, 3);
		// The unknown-type clusters are copies of touching-overlapping images, said to hold two chromosomes: only
		// the rule lowers their touching-overlapping probability.
		StringBuilder counts = new StringBuilder("file,chromosomes\n");
		for (String f : withUnknownCopies(data)) counts.append(f).append(",2\n");
		Path unknown = data.resolve(DatasetReader.NOT_INSTANCE_FOLDER);
		Files.writeString(unknown.resolve(DatasetReader.NOT_INSTANCE_CHROMOSOMES), counts);
		FineTuneSettings base = SCRATCH.withEpochs(4).withNotInstance(1, 3);
		ClusterType to = ClusterType.TOUCHING_OVERLAPPING;
		double without = TinyTraining.meanProbability(train(data, base, tmp.resolve("without"), new ArrayList<>()),
			unknown, to);
		List<String> log = new ArrayList<>();
		Path with = train(data, base.withPairRule(true), tmp.resolve("with"), log);
		assertTrue(log.stream().anyMatch(l -> l.contains("those of two chromosomes as touching or overlapping")),
			log.toString());
		double withRule = TinyTraining.meanProbability(with, unknown, to);
		assertTrue(withRule < without / 2, "P(touching-overlapping) " + withRule + " with the rule, " + without +
			" without");
		assertTrue(Files.readString(with.resolve("model.json")).contains("\"twoChromosomePairRule\": true"));
	}

	private static Path train(Path data, FineTuneSettings s, Path out, List<String> log) throws Exception {
		FineTuneJob.run(data, null, null, SplitFractions.PAPER_ABLATION, s, out, false, Progress.NONE, log::add);
		return out;
	}
}
