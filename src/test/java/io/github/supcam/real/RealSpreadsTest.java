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
		Path images = Files.createDirectories(tmp.resolve("images")), ann = Files.createDirectories(tmp.resolve("ann"));
		try (Stream<Path> s = Files.list(DATA.resolve("images"))) {
			for (Path p : s.sorted().limit(3).toList()) {
				Files.copy(p, images.resolve(p.getFileName()));
				String xml = ImageAnnotation.key(p.getFileName().toString()) + ".xml";
				Files.copy(DATA.resolve("annotations").resolve(xml), ann.resolve(xml));
			}
		}
		Harvester.Summary s = new Harvester(HarvestSettings.defaults()).run(images, ann, tmp.resolve("out"), false,
			Progress.NONE);
		assertEquals(3, s.images());
		assertEquals(List.of(), s.problems());
		assertTrue(s.spannedBoxes() >= 0.97 * s.boxes(), s.format());
		assertTrue(s.instances() >= 40 && s.clusters() >= 5, s.format());
		List<String> manifest = Files.readAllLines(tmp.resolve("out").resolve(Harvester.MANIFEST));
		assertEquals(1 + s.instances() + s.clusters(), manifest.size());
		assertTrue(manifest.get(1).matches("(instance|cluster)/\\d+-\\d{3}\\.png,\\d+\\.jpg,.*"), manifest.get(1));
	}
}
