package io.github.supcam.real;

import io.github.supcam.detect.ClusterDetector;
import io.github.supcam.detect.DetectionResult;
import io.github.supcam.detect.DetectionSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class BoxAssignmentTest {
	static DetectionResult detect() {
		return new ClusterDetector(DetectionSettings.defaults()).detect(Scene.image());
	}

	@Test
	void everyRuleOfTheSceneGivesItsOutcome() {
		DetectionResult d = detect();
		BoxAssignment.Result r = BoxAssignment.assign(d, Scene.BOXES, 0.5, 0.25, 0.8);
		int a = d.labels().get(30, 50), bc = d.labels().get(110, 80), d1 = d.labels().get(210, 40),
			d2 = d.labels().get(210, 100), e = d.labels().get(30, 200), speck = d.labels().get(260, 190);
		assertEquals(6, d.clusters().size(), "A, B+C, D twice, E with blob, speck");
		assertEquals(6, List.of(a, bc, d1, d2, e, speck).stream().distinct().filter(l -> l > 0).count());

		assertTrue(r.kept(a));
		assertEquals(List.of(Scene.BOXES.get(0)), r.boxesOf().get(a));
		assertTrue(r.kept(bc));
		assertEquals(List.of(Scene.BOXES.get(1), Scene.BOXES.get(2)), r.boxesOf().get(bc));
		assertEquals(Map.of(d1, Exclusion.PART_OF_EXCLUDED_BOX, d2, Exclusion.PART_OF_EXCLUDED_BOX, e,
			Exclusion.BEYOND_BOXES, speck, Exclusion.NO_BOX), r.excludedComponents());
		assertEquals(List.of(new BoxAssignment.ExcludedBox(Scene.BOXES.get(3), d2, Exclusion.BOX_SPLIT),
			new BoxAssignment.ExcludedBox(Scene.BOXES.get(5), 0, Exclusion.BOX_NOT_DETECTED),
			new BoxAssignment.ExcludedBox(Scene.BOXES.get(6), 0, Exclusion.BOX_OUTSIDE_IMAGE)), r.excludedBoxes());
	}

	@Test
	void thresholdsDecideSpanAndAttachment() {
		DetectionResult d = detect();
		int d1 = d.labels().get(210, 40), d2 = d.labels().get(210, 100), e = d.labels().get(30, 200);
		// D's parts span 50 and 51 of the box's 111 rows: enough at 0.4, so the box goes to the larger, lower part,
		// and the upper part is a stray fragment without a box.
		BoxAssignment.Result loose = BoxAssignment.assign(d, Scene.BOXES, 0.4, 0.25, 0);
		assertEquals(List.of(Scene.BOXES.get(3)), loose.boxesOf().get(d2));
		assertTrue(loose.kept(d2));
		assertEquals(Exclusion.NO_BOX, loose.excludedComponents().get(d1));
		// With no demand on the inside fraction, E and its blob count as one chromosome.
		assertTrue(loose.kept(e), loose.toString());
		// E's rod is 21x101 of its about 21x101 + 60x61 pixels: about 37% inside its box.
		assertTrue(BoxAssignment.assign(d, Scene.BOXES, 0.5, 0.25, 0.3).kept(e));
		assertFalse(BoxAssignment.assign(d, Scene.BOXES, 0.5, 0.25, 0.45).kept(e));
	}

	@Test
	void badThresholdsAreRefused() {
		DetectionResult d = detect();
		assertThrows(IllegalArgumentException.class, () -> BoxAssignment.assign(d, Scene.BOXES, 0, 0.25, 0.8));
		assertThrows(IllegalArgumentException.class, () -> BoxAssignment.assign(d, Scene.BOXES, 0.5, 0.6, 0.8));
		assertThrows(IllegalArgumentException.class, () -> BoxAssignment.assign(d, Scene.BOXES, 0.5, 0.25, 1.1));
	}
}
