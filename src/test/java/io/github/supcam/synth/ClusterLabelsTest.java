package io.github.supcam.synth;

import io.github.supcam.dataset.ClusterType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClusterLabelsTest {
	private static final int W = 12, H = 10;

	/** A W x H mask with the rectangle [x0, x1] x [y0, y1] (inclusive) set. */
	private static boolean[] rect(int x0, int y0, int x1, int y1) {
		boolean[] m = new boolean[W * H];
		for (int y = y0; y <= y1; y++)
			for (int x = x0; x <= x1; x++)
				m[y * W + x] = true;
		return m;
	}

	private static Optional<ClusterType> label(boolean[]... masks) {
		return ClusterLabels.labelOf(List.of(masks), W, H);
	}

	private static ClusterGeometry measure(boolean[]... masks) {
		return ClusterLabels.measure(Stream.of(masks).map(m -> Mask.ofFrame(m, W, H)).toList());
	}

	@Test
	void oneMaskIsAnInstance() {
		assertEquals(Optional.of(ClusterType.INSTANCE), label(rect(2, 2, 5, 8)));
	}

	@Test
	void emptyMaskOrNoMaskIsNoCluster() {
		assertEquals(Optional.empty(), label(new boolean[W * H]));
		assertEquals(Optional.empty(), label());
	}

	@Test
	void sideBySideMasksTouch() {
		ClusterGeometry g = measure(rect(0, 0, 3, 5), rect(4, 0, 6, 5));
		assertEquals(ClusterType.TOUCHING, g.type());
		assertEquals(0, g.overlapPixels());
		assertEquals(6, g.contactPixels()); // column x=3, rows 0..5
		assertEquals(1, g.touchingPairs());
	}

	@Test
	void diagonalNeighboursTouchThroughEightConnectivity() {
		ClusterGeometry g = measure(rect(0, 0, 2, 2), rect(3, 3, 5, 5));
		assertEquals(ClusterType.TOUCHING, g.type());
		assertEquals(1, g.contactPixels());
	}

	@Test
	void aOnePixelGapSeparates() {
		assertEquals(Optional.empty(), label(rect(0, 0, 2, 2), rect(4, 0, 6, 2)));
		assertEquals(Optional.empty(), label(rect(0, 0, 2, 2), rect(4, 4, 6, 6)));
	}

	@Test
	void oneSharedPixelIsAnOverlap() {
		ClusterGeometry g = measure(rect(0, 0, 2, 2), rect(2, 2, 4, 4));
		assertEquals(ClusterType.OVERLAPPING, g.type());
		assertEquals(1, g.overlapPixels());
		assertEquals(0, g.touchingPairs());
	}

	@Test
	void crossingBarsOverlapByTheirIntersection() {
		ClusterGeometry g = measure(rect(0, 4, 11, 5), rect(5, 0, 7, 9));
		assertEquals(ClusterType.OVERLAPPING, g.type());
		assertEquals(6, g.overlapPixels());
	}

	@Test
	void overlapPlusTouchIsTouchingOverlapping() {
		assertEquals(Optional.of(ClusterType.TOUCHING_OVERLAPPING),
			label(rect(0, 0, 3, 3), rect(2, 2, 5, 5), rect(6, 0, 8, 9)));
	}

	@Test
	void touchingChainOfThreeIsTouching() {
		assertEquals(Optional.of(ClusterType.TOUCHING), label(rect(0, 0, 2, 9), rect(3, 0, 5, 9), rect(6, 0, 8, 9)));
	}

	@Test
	void aDetachedThirdMaskBreaksTheCluster() {
		assertEquals(Optional.empty(), label(rect(0, 0, 2, 2), rect(2, 2, 4, 4), rect(8, 7, 11, 9)));
	}

	@Test
	void localMasksCompareInTheirSharedFrame() {
		Mask a = new Mask(10, 10, 2, 2, new boolean[] { true, true, true, true });
		Mask b = new Mask(0, 0, 2, 2, new boolean[] { true, true, true, true });
		assertEquals(0, a.overlap(b));
		assertEquals(0, a.contacts(b));
		assertEquals(1, a.contacts(b.shifted(8, 8))); // b now covers (8..9, 8..9): only (10,10) is adjacent
		assertEquals(4, a.overlap(b.shifted(10, 10)));
		assertEquals(2, a.contacts(b.shifted(12, 10)));
	}
}
