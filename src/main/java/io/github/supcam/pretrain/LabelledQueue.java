package io.github.supcam.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * MoCo's FIFO dictionary of past keys with their class labels: a fixed-capacity ring buffer where each
 * {@link #enqueue} overwrites the oldest entries. Keys are read back oldest first.
 * <p>
 * The keys live in a heap {@code float[]} rather than an NDArray because the queue outlives every per-step
 * NDManager, never needs a gradient, and is then free of native-memory ownership: {@link #keys(NDManager)}
 * materialises it in the caller's step manager, which closes it with the step. Copying 1024×128 floats per step
 * is negligible next to a ResNet forward pass. Not thread-safe.
 */
public final class LabelledQueue {
	private final int capacity;
	private final int dim;
	private final float[] keys;
	private final long[] labels;
	/** Slot the next key is written to. */
	private int head;
	private int size;

	public LabelledQueue(int capacity, int dim) {
		if (capacity < 1) throw new IllegalArgumentException("queue capacity must be >= 1, got " + capacity);
		if (dim < 1) throw new IllegalArgumentException("key dimension must be >= 1, got " + dim);
		this.capacity = capacity;
		this.dim = dim;
		this.keys = new float[capacity * dim];
		this.labels = new long[capacity];
	}

	/**
	 * Appends a batch of keys (n×dim float32) with their labels, overwriting the oldest entries once full. Of a
	 * batch larger than the capacity only its last {@code capacity} rows are kept.
	 */
	public void enqueue(NDArray batchKeys, long[] batchLabels) {
		Shape s = batchKeys.getShape();
		if (s.dimension() != 2 || s.get(1) != dim)
			throw new IllegalArgumentException("keys must be n×" + dim + ", got " + s);
		enqueue(batchKeys.toFloatArray(), batchLabels);
	}

	/** As {@link #enqueue(NDArray, long[])} with the keys row-major in a plain array. */
	public void enqueue(float[] batchKeys, long[] batchLabels) {
		if (batchKeys.length != batchLabels.length * dim)
			throw new IllegalArgumentException(batchLabels.length + " labels need " + batchLabels.length * dim
				+ " key values, got " + batchKeys.length);
		for (int row = Math.max(0, batchLabels.length - capacity); row < batchLabels.length; row++) {
			System.arraycopy(batchKeys, row * dim, keys, head * dim, dim);
			labels[head] = batchLabels[row];
			head = (head + 1) % capacity;
		}
		size = Math.min(capacity, size + batchLabels.length);
	}

	/** Keys held, oldest first, row-major size()×dim (a copy). */
	public float[] keys() {
		float[] out = new float[size * dim];
		unroll(keys, out, dim);
		return out;
	}

	/** Keys held, oldest first, as a size()×dim float32 NDArray owned by {@code manager}. */
	public NDArray keys(NDManager manager) {
		return manager.create(keys(), new Shape(size, dim));
	}

	/** Labels of {@link #keys()}, in the same order (a copy). */
	public long[] labels() {
		long[] out = new long[size];
		unroll(labels, out, 1);
		return out;
	}

	/** Labels of {@link #keys()} as an int64 NDArray owned by {@code manager}. */
	public NDArray labels(NDManager manager) {
		return manager.create(labels(), new Shape(size));
	}

	/** Number of keys held: grows with each enqueue until it reaches {@link #capacity()}. */
	public int size() {
		return size;
	}

	public int capacity() {
		return capacity;
	}

	public int dim() {
		return dim;
	}

	/** Copies the ring's {@code size} live rows of {@code width} elements into {@code out}, oldest first. */
	private void unroll(Object ring, Object out, int width) {
		int oldest = Math.floorMod(head - size, capacity);
		int firstRun = Math.min(size, capacity - oldest);
		System.arraycopy(ring, oldest * width, out, 0, firstRun * width);
		System.arraycopy(ring, 0, out, firstRun * width, (size - firstRun) * width);
	}
}
