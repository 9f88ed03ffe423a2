package io.github.supcam.nn;

import ai.djl.ndarray.NDArray;

import java.util.Locale;

/**
 * A training run that cannot go on, with a message telling the user what to try: a loss that became NaN or
 * infinite, or memory that ran out.
 */
public final class TrainingFailure extends RuntimeException {
	public TrainingFailure(String message, Throwable cause) {
		super(message, cause);
	}

	/** The loss' value; throws if it is NaN or infinite. */
	public static float requireFinite(NDArray loss, int epoch, int step, String advice) {
		float v = loss.getFloat();
		if (!Float.isFinite(v)) throw new TrainingFailure("The loss became " + v + " at epoch " + (epoch + 1) +
			", step " + (step + 1) + ": training diverged. Try " + advice + ".", null);
		return v;
	}

	/**
	 * Turns an out-of-memory error (Java heap, or libtorch's allocator) into a failure that suggests a smaller
	 * batch or image; anything else is returned unchanged.
	 */
	public static RuntimeException translate(Throwable t, int batchSize, int imageSize) {
		String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
		if (t instanceof OutOfMemoryError || m.contains("out of memory") || m.contains("can't allocate memory") ||
			m.contains("defaultcpuallocator")) return new TrainingFailure("Out of memory at batch size " + batchSize +
				" and image size " + imageSize + ". Try a smaller --batch or --image-size (or a narrower backbone).", t);
		return t instanceof RuntimeException ? (RuntimeException) t : new RuntimeException(t);
	}
}
