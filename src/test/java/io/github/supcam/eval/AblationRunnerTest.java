package io.github.supcam.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.supcam.TinyTraining;
import io.github.supcam.util.AtomicFiles;
import io.github.supcam.util.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 2-row × 2-seed ablation of a tiny network: the table's shape, and that a rerun only redoes missing runs. */
class AblationRunnerTest {
	@TempDir
	static Path tmp;
	static Path data;
	static Path output;
	static AblationResult first;

	static final String TINY = """
		{
			"title": "Tiny",
			"pretrain": { "backbone": "resnet18-narrow-8", "epochs": 1, "batchSize": 8, "device": "cpu",
				"preprocess": { "inputSize": 32, "targetWidth": 2.0, "margin": 2 }, "composition": { "size": 96 },
				"loss": { "queueSize": 32, "embeddingDim": 16 } },
			"finetune": { "backbone": "resnet18-narrow-8", "epochs": 1, "batchSize": 8, "device": "cpu",
				"preprocess": { "inputSize": 32, "targetWidth": 2.0, "margin": 2 } },
			"rows": [
				{ "name": "scratch", "scratch": true },
				{ "name": "catvar+lsm", "pretrain": { "loss": { "marginKind": "self", "margin": 0.2 } } }
			]
		}
		""";

	@BeforeAll
	static void runOnce() throws Exception {
		data = TinyTraining.dataset(tmp.resolve("data"), 6, 3);
		output = tmp.resolve("ablation");
		first = AblationRunner.run(data, AblationConfig.parse(TINY, "tiny"), 2, output, Progress.NONE, m -> {});
	}

	@Test
	void tableHasOneLinePerRowAndMeanStdCells() throws Exception {
		assertTrue(first.runs().stream().noneMatch(AblationResult.Run::failed), first.runs().toString());
		List<String> lines = Files.readAllLines(output.resolve(AblationTable.TABLE_MD));
		List<String> table = lines.stream().filter(l -> l.startsWith("| ")).toList();
		assertEquals(3, table.size(), "header + 2 rows: " + lines);
		assertEquals("| Method | Runs | Accuracy | Precision | Sensitivity | Specificity | F1 |", table.get(0));
		for (String l : table.subList(1, 3)) {
			String[] cells = l.substring(2, l.length() - 2).split(" \\| ");
			assertEquals(7, cells.length, l);
			assertEquals("2", cells[1]);
			for (int c = 2; c < 7; c++) assertTrue(cells[c].matches("\\d{1,3}\\.\\d\\d ± \\d{1,3}\\.\\d\\d"), cells[c]);
		}
		assertTrue(table.get(1).startsWith("| scratch |") && table.get(2).startsWith("| catvar+lsm |"));
		List<String> csv = Files.readAllLines(output.resolve(AblationTable.TABLE_CSV));
		assertEquals(3, csv.size());
		assertEquals(13, csv.get(0).split(",").length, "method, runs, failed + mean/std of 5 metrics");
		assertEquals(5, Files.readAllLines(output.resolve(AblationTable.RUNS_CSV)).size(), "header + 4 runs");
		// The table's mean is the mean of the two runs' test accuracies.
		AblationResult.RowSummary s = first.rows().get(0);
		double mean = first.runs().stream().filter(r -> r.row().equals("scratch"))
			.mapToDouble(r -> r.test().accuracy()).average().orElseThrow();
		assertEquals(mean, s.summary().accuracy().mean(), 1e-9);
	}

	@Test
	void rowsShareTheSplitOfEachRepeat() throws Exception {
		for (int r = 0; r < 2; r++) {
			String a = Files.readString(AblationRunner.runDir(output, "scratch", r).resolve("classifier/split.csv"));
			String b = Files.readString(AblationRunner.runDir(output, "catvar+lsm", r).resolve("classifier/split.csv"));
			assertEquals(a, b, "repeat " + r);
		}
		assertFalse(Files.readString(output.resolve("splits/repeat-0.csv"))
			.equals(Files.readString(output.resolve("splits/repeat-1.csv"))), "another seed, another split");
	}

	@Test
	void rerunRedoesOnlyTheDeletedRun() throws Exception {
		Path copy = tmp.resolve("ablation-copy");
		copyTree(output, copy);
		AtomicFiles.deleteRecursively(AblationRunner.runDir(copy, "catvar+lsm", 1));
		List<String> log = new ArrayList<>();
		AblationResult again = AblationRunner.run(data, AblationConfig.parse(TINY, "tiny"), 2, copy, Progress.NONE,
			log::add);
		List<String> redone = again.runs().stream().filter(r -> !r.reused()).map(r -> r.row() + "/" + r.repeat())
			.toList();
		assertEquals(List.of("catvar+lsm/1"), redone);
		assertEquals(3, log.stream().filter(l -> l.contains("done before")).count(), String.join("\n", log));
		assertTrue(Files.isRegularFile(AblationRunner.runDir(copy, "catvar+lsm", 1).resolve("classifier/metrics.json")));
		// Reused runs report the metrics they had.
		assertEquals(first.runs().get(0).test(), again.runs().get(0).test());
	}

	@Test
	void aFixedSplitIsUsedByEveryRepeat() throws Exception {
		Path out = tmp.resolve("fixed");
		copyTree(output, out);
		AtomicFiles.deleteRecursively(out.resolve(AblationRunner.SPLITS));
		Path fixed = tmp.resolve("by-case.csv");
		Files.copy(output.resolve(AblationRunner.SPLITS).resolve("repeat-0.csv"), fixed);
		AblationRunner.run(data, AblationConfig.parse(TINY, "tiny"), 2, fixed, out, Progress.NONE, m -> {});
		for (int r = 0; r < 2; r++) assertEquals(Files.readString(fixed),
			Files.readString(out.resolve(AblationRunner.SPLITS).resolve("repeat-" + r + ".csv")), "repeat " + r);
		assertNotEquals(Files.readString(fixed), Files.readString(output.resolve(AblationRunner.SPLITS)
			.resolve("repeat-1.csv")), "without it, repeats split differently");
		assertThrows(IllegalArgumentException.class, () -> AblationRunner.run(data, AblationConfig.parse(TINY,
			"tiny"), 2, tmp.resolve("absent.csv"), out, Progress.NONE, m -> {}));
	}

	@Test
	void anotherConfigIsRefusedInTheSameOutput() {
		String other = TINY.replace("\"catvar+lsm\"", "\"other\"");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AblationRunner.run(data,
			AblationConfig.parse(other, "other"), 2, output, Progress.NONE, m -> {}));
		assertTrue(e.getMessage().contains("other rows"), e.getMessage());
	}

	@Test
	void aFailingRunIsReportedAndTheOthersGoOn() throws Exception {
		Path out = tmp.resolve("failing");
		copyTree(output, out);
		// A file where the run's folder should be makes that one run fail.
		Path blocked = AblationRunner.runDir(out, "catvar+lsm", 1);
		AtomicFiles.deleteRecursively(blocked);
		Files.writeString(blocked, "in the way");
		AblationResult r = AblationRunner.run(data, AblationConfig.parse(TINY, "tiny"), 2, out, Progress.NONE,
			m -> {});
		AblationResult.Run failed = r.runs().get(3);
		assertTrue(failed.failed() && failed.error().contains(blocked.toString()), failed.toString());
		assertEquals(3, r.runs().stream().filter(x -> !x.failed()).count(), "the other runs still count");
		String table = Files.readString(out.resolve(AblationTable.TABLE_MD));
		assertTrue(table.contains("| catvar+lsm | 1 (1 failed) |"), table);
		assertTrue(table.contains("- catvar+lsm repeat 1: "), table);
		assertTrue(Files.readAllLines(out.resolve(AblationTable.RUNS_CSV)).get(4).startsWith("catvar+lsm,1,failed,"));
		// A row without any successful run shows dashes.
		AblationResult none = AblationResult.of("t", List.of("a"), List.of(new AblationResult.Run("a", 0, null, 0,
			false, "boom")));
		assertTrue(AblationTable.markdown(none).contains("| a | 0 (1 failed) | – | – | – | – | – |"));
	}

	static void copyTree(Path from, Path to) throws Exception {
		try (var s = Files.walk(from)) {
			for (Path p : (Iterable<Path>) s::iterator) {
				Path t = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(t);
				else Files.copy(p, t);
			}
		}
	}
}
