package io.github.supcam.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.github.supcam.nn.Blocks;

import java.util.List;

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
				float[] p = block.forward(ps, new NDList(x), false).singletonOrThrow().softmax(1).toFloatArray();
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
