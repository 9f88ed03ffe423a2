package io.github.supcam.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic with a number inside expressions that autograd differentiates. Use these instead of DJL's
 * {@code x.mul(2.0)}, {@code x.div(0.07)} and {@code x.maximum(1e-12f)} on any tensor that needs a gradient.
 * <p>
 * Why: with PyTorch, DJL turns the number into a temporary 0-d array that wraps a Java direct buffer (no copy) and
 * closes it as soon as the operation returns. The backward pass of mul, div and maximum reads that operand again;
 * once the garbage collector has freed the buffer and the memory has been reused, the gradient is garbage. This
 * was the rare NaN of pretraining (docs/reliability.md). Here the number is a tensor that libtorch allocates
 * itself, so the saved operand keeps its memory for as long as autograd needs it.
 */
public final class Scalars {
	private Scalars() {}

	/** {@code value} as a 0-d array of {@code like}'s type, in {@code like}'s manager, owned by libtorch. */
	public static NDArray of(NDArray like, double value) {
		return like.getManager().full(new Shape(), (float) value, like.getDataType());
	}

	/** {@code x · c}. */
	public static NDArray mul(NDArray x, double c) {
		return x.mul(of(x, c));
	}

	/** {@code x / c}. */
	public static NDArray div(NDArray x, double c) {
		return x.div(of(x, c));
	}

	/** Elementwise {@code max(x, c)}. */
	public static NDArray maximum(NDArray x, double c) {
		return x.maximum(of(x, c));
	}
}
