package io.github.supcam.demo;

import io.github.supcam.TinyTraining;
import io.github.supcam.dataset.ClusterType;
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
		Demo.Outcome o = new Demo(tmp.resolve("out"), 7, log::add).run(clf, false, Progress.NONE);
		assertTrue(Files.size(o.overlay()) > 10_000);
		List<String> csv = Files.readAllLines(o.results());
		int clusters = o.counts().values().stream().mapToInt(Integer::intValue).sum();
		assertEquals(clusters + 1, csv.size(), "one CSV row per classified cluster");
		// The synthetic spread's clusters are well separated: detection finds each one, and each is scored.
		assertEquals(o.truthClusters(), clusters);
		assertEquals(o.truthClusters(), o.matched());
		assertTrue(o.correct() >= 0 && o.correct() <= o.matched());
		assertEquals(100.0 * o.correct() / o.matched(), o.accuracy(), 1e-9);
		assertTrue(o.summary().get(0).startsWith("Clusters per type: instance"));
		for (ClusterType t : ClusterType.values()) assertNotNull(o.counts().get(t));
	}
}
