package io.github.supcam.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

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
}
