package io.github.supcam.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

class SgdTest {
	/** One weight w = 1 and loss 2w (gradient 2), with weight decay 0.1, momentum 0.9 and lr 0.5. */
	@Test
	void followsPyTorchSgdAndKeepsNoArraysBetweenSteps() {
		try (NDManager root = NDManager.newBaseManager()) {
			Blocks.disableGradientRecordingOnThisThread();
			Linear layer = Linear.builder().setUnits(1).optBias(false).build();
			Blocks.initialize(layer, root, 1, new Shape(1, 1));
			layer.getParameters().get("weight").getArray().stopGradient().set(new NDIndex("..."), 1f);
			ParameterStore ps = new ParameterStore(root, false);
			int arraysAfterFirstStep = 0;
			float[] expected = { -0.05f, -1.9925f, -4.641125f };
			try (Sgd sgd = new Sgd(layer.getParameters(), 0.9, 0.1, root)) {
				for (int step = 0; step < 10; step++) {
					try (NDManager sm = root.newSubManager()) {
						try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
							gc.backward(layer.forward(ps, new NDList(sm.create(new float[] { 2 }, new Shape(1, 1))), true)
								.singletonOrThrow().sum());
						}
						sgd.step(0.5);
					}
					float w = layer.getParameters().get("weight").getArray().toFloatArray()[0];
					// d = 2 + 0.1 w; buf = 0.9 buf + d; w -= 0.5 buf
					if (step < expected.length) assertEquals(expected[step], w, 1e-5, "weight after step " + (step + 1));
					int arrays = root.getManagedArrays().size();
					if (step == 0) arraysAfterFirstStep = arrays;
					else assertEquals(arraysAfterFirstStep, arrays, "arrays held after step " + (step + 1));
				}
			}
		}
	}

	/**
	 * Several steps on a 3→5 linear layer with bias, momentum, weight decay and a changing learning rate: the
	 * in-place update must equal, bit for bit, the allocating formula computed here in float arithmetic with the
	 * same rounding order ({@code t = p·wd; d = g + t; buf = μ·buf + d; u = buf·lr; p = p − u}), must change the
	 * parameter arrays themselves (a view taken before sees the update) and must zero the gradients.
	 */
	@Test
	void inPlaceStepMatchesTheFormulaBitForBit() {
		float wd = 0.01f, mu = 0.9f;
		float[] lrs = { 0.1f, 0.07f, 0.05f, 0.3f, 0.01f };
		try (NDManager root = NDManager.newBaseManager()) {
			Blocks.disableGradientRecordingOnThisThread();
			Linear layer = Linear.builder().setUnits(5).build();
			Blocks.initialize(layer, root, 3, new Shape(4, 3));
			ParameterStore ps = new ParameterStore(root, false);
			List<Parameter> params = layer.getParameters().values();
			NDArray weightView = params.get(0).getArray().stopGradient();
			float[][] buf = new float[params.size()][];
			SplittableRandom rng = new SplittableRandom(7);
			try (Sgd sgd = new Sgd(layer.getParameters(), mu, wd, root)) {
				for (int step = 0; step < lrs.length; step++) {
					float lr = lrs[step];
					float[][] expected = new float[params.size()][];
					try (NDManager sm = root.newSubManager()) {
						float[] x = new float[12];
						for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextGaussian();
						try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
							NDArray y = layer.forward(ps, new NDList(sm.create(x, new Shape(4, 3))), true).singletonOrThrow();
							gc.backward(y.mul(y).sum());
						}
						for (int k = 0; k < params.size(); k++) {
							NDArray a = params.get(k).getArray();
							float[] p = a.toFloatArray(), g = a.getGradient().toFloatArray();
							if (buf[k] == null) buf[k] = new float[p.length];
							for (int j = 0; j < p.length; j++) {
								float t = p[j] * wd;
								float d = g[j] + t;
								buf[k][j] = step == 0 ? d : mu * buf[k][j] + d;
								float u = buf[k][j] * lr;
								p[j] = p[j] - u;
							}
							expected[k] = p;
						}
						sgd.step(lr);
					}
					for (int k = 0; k < params.size(); k++) {
						NDArray a = params.get(k).getArray();
						assertArrayEquals(expected[k], a.toFloatArray(), params.get(k).getName() + " after step " + (step + 1));
						assertArrayEquals(new float[expected[k].length], a.getGradient().toFloatArray(), "gradient zeroed");
					}
					assertArrayEquals(expected[0], weightView.toFloatArray(), "updated in place");
				}
			}
		}
	}
}
