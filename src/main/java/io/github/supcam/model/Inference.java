package io.github.supcam.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.github.supcam.nn.Blocks;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Batched inference of a classifier block: inference mode (BatchNorm uses its running statistics), no gradient
 * recording, and a closed sub-manager per batch so memory stays flat.
 */
public final class Inference {
	private Inference() {}

	/** Class probabilities (softmax over the block's logits) for each preprocessed input, in input order. */
	public static double[][] probabilities(Block block, NDManager manager, List<float[]> inputs, int size,
		int batchSize)
	{
		return probabilities(block, manager, inputs, size, batchSize, 1.0);
	}

	/**
	 * Calibrated class probabilities, softmax(logits / {@code temperature}), for each preprocessed input. A
	 * temperature above 1 softens over-confident predictions; it never changes which class is the most probable.
	 */
	public static double[][] probabilities(Block block, NDManager manager, List<float[]> inputs, int size,
		int batchSize, double temperature)
	{
		if (!(temperature > 0) || Double.isInfinite(temperature)) throw new IllegalArgumentException(
			"temperature must be a finite number > 0, got " + temperature);
		return forward(block, manager, inputs, size, batchSize,
			logits -> (temperature == 1.0 ? logits : logits.div((float) temperature)).softmax(1));
	}

	/** The block's raw outputs (logits) for each preprocessed input, in input order; what calibration fits on. */
	public static double[][] logits(Block block, NDManager manager, List<float[]> inputs, int size, int batchSize) {
		return forward(block, manager, inputs, size, batchSize, UnaryOperator.identity());
	}

	/** softmax(logits / temperature) of one row, computed stably in double precision. */
	public static double[] softmax(double[] logits, double temperature) {
		double max = Double.NEGATIVE_INFINITY;
		for (double z : logits) max = Math.max(max, z / temperature);
		double[] p = new double[logits.length];
		double sum = 0;
		for (int c = 0; c < p.length; c++) sum += p[c] = Math.exp(logits[c] / temperature - max);
		for (int c = 0; c < p.length; c++) p[c] /= sum;
		return p;
	}

	private static double[][] forward(Block block, NDManager manager, List<float[]> inputs, int size, int batchSize,
		UnaryOperator<NDArray> head)
	{
		Blocks.disableGradientRecordingOnThisThread();
		ParameterStore ps = new ParameterStore(manager, false);
		double[][] out = new double[inputs.size()][];
		int px = size * size;
		for (int start = 0; start < inputs.size(); start += batchSize) {
			int b = Math.min(batchSize, inputs.size() - start);
			float[] flat = new float[b * px];
			for (int j = 0; j < b; j++) System.arraycopy(inputs.get(start + j), 0, flat, j * px, px);
			try (NDManager sm = manager.newSubManager()) {
				NDArray x = sm.create(flat, new Shape(b, 1, size, size));
				float[] p = head.apply(block.forward(ps, new NDList(x), false).singletonOrThrow()).toFloatArray();
				int classes = p.length / b;
				for (int j = 0; j < b; j++) {
					double[] row = new double[classes];
					for (int c = 0; c < classes; c++) row[c] = p[j * classes + c];
					out[start + j] = row;
				}
			}
		}
		return out;
	}

	/** Index of the largest value. */
	public static int argmax(double[] p) {
		int best = 0;
		for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
		return best;
	}
}
