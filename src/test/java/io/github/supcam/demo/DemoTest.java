package io.github.supcam.demo;

import io.github.supcam.TinyTraining;
import io.github.supcam.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DemoTest {
	@Test
	void demoDetectsEveryRenderedClusterAndScoresIt(@TempDir Path tmp) throws Exception {
		Path data = TinyTraining.dataset(tmp.resolve("data"), 4, 3);
		Path clf = TinyTraining.scratchClassifier(data, tmp.resolve("clf"));
		List<String> log = new ArrayList<>();
		Demo.Outcome o = new Demo(tmp.resolve("out"), 7, false, log::add).run(clf, false, Progress.NONE);
		assertTrue(Files.size(o.overlay()) > 10_000);
		List<String> csv = Files.readAllLines(o.results());
		int clusters = o.counts().values().stream().mapToInt(Integer::intValue).sum();
		assertEquals(clusters + 1, csv.size(), "one CSV row per classified cluster");
		// The synthetic spread's clusters are well separated: detection finds each one, and each is scored.
		assertEquals(o.truthClusters(), clusters);
		assertEquals(o.truthClusters(), o.matched());
		assertEquals(100.0 * o.correct() / o.matched(), o.accuracy(), 1e-9);
		assertTrue(o.summary().get(1).startsWith(String.format(java.util.Locale.ROOT,
			"Accuracy against the known truth: %.1f%% (%d of %d", o.accuracy(), o.correct(), o.matched())));

		// Running again replaces the earlier demo's output; a folder of the user's own files is refused.
		new Demo(tmp.resolve("out"), 7, false, log::add).run(clf, false, Progress.NONE);
		Files.createDirectories(tmp.resolve("mine"));
		Files.writeString(tmp.resolve("mine").resolve("notes.txt"), "keep");
		var e = assertThrows(IllegalArgumentException.class,
			() -> new Demo(tmp.resolve("mine"), 7, false, log::add).run(clf, false, Progress.NONE));
		assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
		assertEquals("keep", Files.readString(tmp.resolve("mine").resolve("notes.txt")));
	}
}
