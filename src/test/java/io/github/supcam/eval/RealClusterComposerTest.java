package io.github.supcam.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.dataset.DatasetReader;
import io.github.supcam.image.Gray8;
import io.github.supcam.synth.SynthDatasetWriter;
import io.github.supcam.util.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealClusterComposerTest {
	/** A light-on-dark crop: a 7x30 bar of gray 200 on black, like a BioImLab crop. */
	static RealClusterComposer.Crop bar(String name) {
		byte[] px = new byte[15 * 40];
		for (int y = 5; y < 35; y++) for (int x = 4; x < 11; x++) px[y * 15 + x] = (byte) 200;
		return RealClusterComposer.crop(name, Gray8.wrap(px, 15, 40));
	}

	@Test
	void cropIsInvertedToTransmittanceWithBackgroundOne() {
		RealClusterComposer.Crop c = bar("b");
		assertEquals(55 / 252f, c.transmittance()[20 * 15 + 7], 1e-6);
		assertEquals(1f, c.transmittance()[0], "padding is background");
		assertTrue(c.mask()[20 * 15 + 7] && !c.mask()[0]);
	}

	@Test
	void everyTypeIsComposedAndStainMultipliesInOverlaps() {
		RealClusterComposer composer = new RealClusterComposer(List.of(bar("a"), bar("b")), 96);
		for (ClusterType type : ClusterType.values()) for (int i = 0; i < 5; i++) {
			RealClusterComposer.Cluster c = composer.compose(type, SynthDatasetWriter.sampleRandom(3, type, i));
			assertEquals(type, c.geometry().type());
			byte[] px = Gray8.pixels(c.image());
			int min = 255;
			for (byte b : px) min = Math.min(min, b & 0xff);
			assertEquals(RealClusterComposer.BACKGROUND, px[0] & 0xff, "corner is background");
			boolean overlaps = c.geometry().overlapPixels() > 0;
			// One layer of stain: 252 * 55/252 = 55 (a little less where two soft edges meet); two layers
			// multiply: 252 * (55/252)^2 = 12.
			if (overlaps) assertEquals(12, min, 2, type + " " + i);
			else assertTrue(min >= 30 && min <= 57, type + " " + i + ": " + min);
			assertEquals(type == ClusterType.OVERLAPPING || type == ClusterType.TOUCHING_OVERLAPPING, overlaps);
		}
	}

	@Test
	void realCropsMakeALabelledDataset(@TempDir Path tmp) throws Exception {
		Path real = Paths.get("..", "shared", "data", "single-chromosomes", "m001");
		assumeTrue(Files.isDirectory(real), "reference data absent");
		List<String> log = new ArrayList<>();
		Path out = tmp.resolve("real");
		RealClusterComposer.load(real, 128, log::add).write(out, 3, 7, false, Progress.NONE);
		assertEquals(12, DatasetReader.read(out).images().size());
		assertEquals(13, Files.readAllLines(out.resolve("labels.csv")).size());
		assertTrue(log.get(log.size() - 1).startsWith("Using "), log.toString());
	}
}
