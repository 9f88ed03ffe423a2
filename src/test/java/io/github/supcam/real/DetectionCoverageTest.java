package io.github.supcam.real;

import io.github.supcam.dataset.Split;
import io.github.supcam.detect.DetectionSettings;
import io.github.supcam.eval.BootstrapSettings;
import io.github.supcam.eval.ConfidenceInterval;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DetectionCoverageTest {
	@Test
	void countsSpannedAndPixelCoveredBoxesAndBoxlessComponents(@TempDir Path tmp) throws Exception {
		for (String s : List.of("scene1", "scene2")) {
			ImageFiles.writePng(Scene.image(), tmp.resolve(s + ".png"));
			Scene.writeVoc(tmp.resolve(s + ".xml"), s + ".png");
		}
		HarvestSettings settings = HarvestSettings.defaults().withDetection(DetectionSettings.defaults());
		List<DetectionCoverage.ImageCoverage> r = DetectionCoverage.measure(tmp, tmp, settings,
			EnumSet.allOf(Split.class), Progress.NONE);
		assertEquals(2, r.size());
		// Per scene: A, B, C and E are held and hold their dark pixels; D is split, F empty, G outside. D's two parts
		// and the speck hold no box; none of them is small, pale, round or on the border, so none is flagged.
		assertEquals(new DetectionCoverage.ImageCoverage("scene1.png", "scene", Split.TRAIN, 7, 4, 4, 6, 3, 0, 0),
			r.get(0));
		assertTrue(DetectionCoverage.measure(tmp, tmp, settings, EnumSet.of(Split.TEST), Progress.NONE).isEmpty(),
			"the one case is a training case");
	}

	@Test
	void theIntervalResamplesWholeCases() {
		BootstrapSettings b = BootstrapSettings.defaults();
		// Case a: 2 images, 20 of 20 boxes; case b: 8 of 10. Coverage 28 / 30.
		List<DetectionCoverage.ImageCoverage> images = List.of(image("a1", "a", 10, 10), image("a2", "a", 10, 10),
			image("b1", "b", 10, 8));
		ConfidenceInterval ci = DetectionCoverage.coverage(images, b);
		assertEquals(100.0 * 28 / 30, ci.estimate(), 1e-9);
		// Two cases give three possible resamples: aa (100%), ab (93.3%), bb (80%).
		assertEquals(80, ci.lower(), 1e-9);
		assertEquals(100, ci.upper(), 1e-9);
		ConfidenceInterval same = DetectionCoverage.coverage(List.of(image("a1", "a", 10, 9), image("b1", "b", 20,
			18)), b);
		assertEquals(90, same.lower(), 1e-9);
		assertEquals(90, same.upper(), 1e-9);
		assertThrows(IllegalArgumentException.class, () -> DetectionCoverage.coverage(List.of(), b));
	}

	private static DetectionCoverage.ImageCoverage image(String name, String c, int boxes, int spanned) {
		return new DetectionCoverage.ImageCoverage(name, c, Split.TEST, boxes, spanned, spanned, 1, 0, 0, 0);
	}
}
