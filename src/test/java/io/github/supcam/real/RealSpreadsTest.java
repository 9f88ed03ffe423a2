package io.github.supcam.real;

import io.github.supcam.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The harvester on three real G-banded spreads of ../shared (skipped when absent). */
class RealSpreadsTest {
	static final Path DATA = Paths.get("..", "shared", "data", "metaphases-g-banded");

	@Test
	void threeRealSpreadsGiveChromosomesInDetectedComponents(@TempDir Path tmp) throws Exception {
		assumeTrue(Files.isDirectory(DATA.resolve("images")), "real G-banded spreads not available");
		Path images = Files.createDirectories(tmp.resolve("images"));
		try (Stream<Path> s = Files.list(DATA.resolve("images"))) {
			for (Path p : s.sorted().limit(3).toList()) Files.copy(p, images.resolve(p.getFileName()));
		}
		Harvester.Summary s = new Harvester(HarvestSettings.defaults()).run(images, DATA.resolve("annotations"),
			tmp.resolve("out"), false, Progress.NONE);
		assertEquals(3, s.images());
		// Every annotation without its image is reported; the three images themselves all have one.
		assertTrue(s.problems().stream().allMatch(p -> p.contains("annotation for a missing image")), s.problems().get(0));
		assertTrue(s.spannedBoxes() >= 0.97 * s.boxes(), s.format());
		assertTrue(s.instances() >= 40 && s.clusters() >= 5, s.format());
		List<String> manifest = Files.readAllLines(tmp.resolve("out").resolve(Harvester.MANIFEST));
		assertEquals(1 + s.instances() + s.clusters(), manifest.size());
		assertTrue(manifest.get(1).matches("instance/\\d+-\\d{3}\\.png,\\d+\\.jpg,.*|cluster/.*"), manifest.get(1));
	}
}
