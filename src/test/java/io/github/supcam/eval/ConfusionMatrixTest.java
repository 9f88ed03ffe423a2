package io.github.supcam.eval;

import io.github.supcam.dataset.ClusterType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfusionMatrixTest {

	@Test
	void countsPairsWithRowsTrueAndColumnsPredicted() {
		ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 0, 1, 3, 3, 3}, new int[] {0, 1, 1, 3, 3, 2});
		assertEquals(List.of("instance", "touching", "overlapping", "touching-overlapping"), cm.classNames());
		assertEquals(1, cm.count(0, 1));
		assertEquals(0, cm.count(1, 0));
		assertEquals(1, cm.count(3, 2));
		assertEquals(2, cm.count(3, 3));
		assertEquals(6, cm.total());
		assertEquals(4, cm.correct());
		assertEquals(3, cm.trueCount(3));
		assertEquals(2, cm.predictedCount(1));
	}

	@Test
	void addingOneByOneEqualsBuildingFromArrays() {
		ConfusionMatrix a = new ConfusionMatrix().add(ClusterType.TOUCHING, ClusterType.OVERLAPPING).add(0, 0);
		assertEquals(ConfusionMatrix.of(new int[] {1, 0}, new int[] {2, 0}), a);
	}

	@Test
	void rowPercentagesAreRelativeToTheTrueClassAndZeroForAnEmptyRow() {
		ConfusionMatrix cm = ConfusionMatrix.ofCounts(List.of("a", "b", "c"),
			new long[][] {{3, 1, 0}, {0, 0, 0}, {1, 1, 2}});
		double[][] pct = cm.rowPercentages();
		assertArrayEquals(new double[] {75, 25, 0}, pct[0], 1e-12);
		assertArrayEquals(new double[] {0, 0, 0}, pct[1], 1e-12);
		assertArrayEquals(new double[] {25, 25, 50}, pct[2], 1e-12);
	}

	@Test
	void rejectsBadInputWithClearMessages() {
		ConfusionMatrix cm = new ConfusionMatrix(List.of("a", "b"));
		assertThrows(IllegalArgumentException.class, () -> cm.add(2, 0));
		assertThrows(IllegalArgumentException.class, () -> cm.addAll(new int[] {0}, new int[] {0, 1}));
		assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(List.of("a", "a")));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> ConfusionMatrix.ofCounts(List.of("a", "b"), new long[][] {{1, -1}, {0, 0}}));
		assertEquals("Negative count -1 at row 0, column 1", e.getMessage());
	}
}
