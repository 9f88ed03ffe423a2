package io.github.supcam.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

/** FIFO order and label bookkeeping of the key queue. Key row r of label L is (L, −L) so rows name themselves. */
class LabelledQueueTest extends WithNDManager {
	private static float[] rows(long... labels) {
		float[] keys = new float[labels.length * 2];
		for (int i = 0; i < labels.length; i++) {
			keys[2 * i] = labels[i];
			keys[2 * i + 1] = -labels[i];
		}
		return keys;
	}

	private static void assertHolds(LabelledQueue queue, long... labels) {
		assertEquals(labels.length, queue.size());
		assertArrayEquals(labels, queue.labels());
		assertArrayEquals(rows(labels), queue.keys());
	}

	@Test
	void growsThenWrapsAroundOverwritingTheOldest() {
		LabelledQueue queue = new LabelledQueue(4, 2);
		assertHolds(queue);
		queue.enqueue(rows(1, 2, 3), new long[] { 1, 2, 3 });
		assertHolds(queue, 1, 2, 3);
		// two rows but one free slot: 1 is overwritten, and the ring wraps
		queue.enqueue(rows(4, 5), new long[] { 4, 5 });
		assertHolds(queue, 2, 3, 4, 5);
		queue.enqueue(rows(6), new long[] { 6 });
		assertHolds(queue, 3, 4, 5, 6);
		queue.enqueue(rows(7, 8, 9, 10), new long[] { 7, 8, 9, 10 });
		assertHolds(queue, 7, 8, 9, 10);
		assertEquals(4, queue.capacity());
	}

	@Test
	void oversizeBatchKeepsItsNewestRows() {
		LabelledQueue queue = new LabelledQueue(4, 2);
		queue.enqueue(rows(1), new long[] { 1 });
		queue.enqueue(rows(11, 12, 13, 14, 15, 16), new long[] { 11, 12, 13, 14, 15, 16 });
		assertHolds(queue, 13, 14, 15, 16);
		queue.enqueue(rows(17, 18, 19), new long[] { 17, 18, 19 });
		assertHolds(queue, 16, 17, 18, 19);
	}

	@Test
	void ndArrayRoundTrip() {
		LabelledQueue queue = new LabelledQueue(3, 2);
		queue.enqueue(m.create(rows(5, 6), new Shape(2, 2)), new long[] { 5, 6 });
		queue.enqueue(m.create(rows(7, 8), new Shape(2, 2)), new long[] { 7, 8 });
		NDArray keys = queue.keys(m);
		assertEquals(new Shape(3, 2), keys.getShape());
		assertArrayEquals(rows(6, 7, 8), keys.toFloatArray());
		assertArrayEquals(new long[] { 6, 7, 8 }, queue.labels(m).toLongArray());
	}

	@Test
	void rejectsMismatchedBatches() {
		LabelledQueue queue = new LabelledQueue(3, 2);
		assertThrows(IllegalArgumentException.class, () -> queue.enqueue(rows(1, 2), new long[] { 1 }));
		assertThrows(IllegalArgumentException.class, () -> queue.enqueue(m.create(new float[6], new Shape(2, 3)),
			new long[] { 1, 2 }));
		assertThrows(IllegalArgumentException.class, () -> new LabelledQueue(0, 2));
		assertEquals(0, queue.size());
	}
}
