package io.github.supcam.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** EMA of the per-class means of the queue's keys, with hand-computed values. */
class ClusterCentresTest extends WithNDManager {
	@Test
	void firstSightingTakesTheMeanThenMovesByMomentum() {
		LabelledQueue queue = new LabelledQueue(4, 2);
		ClusterCentres centres = new ClusterCentres(3, 2, 0.5);
		queue.enqueue(new float[] { 1, 0, 0, 1, 1, 1 }, new long[] { 0, 0, 1 });
		centres.update(queue);
		assertArrayEquals(new float[] { 0.5f, 0.5f, 1, 1, 0, 0 }, centres.centres(m).toFloatArray());
		assertFalse(centres.seen(2));
		// queue now (0,1)→0, (1,1)→1, (3,0)→0, (0,2)→2: class-0 mean (1.5, 0.5)
		queue.enqueue(new float[] { 3, 0, 0, 2 }, new long[] { 0, 2 });
		centres.update(queue);
		assertArrayEquals(new float[] { 1, 0.5f, 1, 1, 0, 2 }, centres.centres(m).toFloatArray());
		assertTrue(centres.seen(2));
	}

	@Test
	void rejectsLabelsOutsideTheClasses() {
		LabelledQueue queue = new LabelledQueue(4, 2);
		queue.enqueue(new float[] { 1, 0 }, new long[] { 3 });
		assertThrows(IllegalArgumentException.class, () -> new ClusterCentres(3, 2, 0.5).update(queue));
		assertThrows(IllegalArgumentException.class, () -> new ClusterCentres(3, 2, 1.0));
	}
}
