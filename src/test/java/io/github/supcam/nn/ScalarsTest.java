package io.github.supcam.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/** The gradient through a number must not depend on what the garbage collector did before the backward pass. */
class ScalarsTest {
	private static float[] gradient(Function<NDArray, NDArray> f) {
		try (NDManager m = NDManager.newBaseManager()) {
			Blocks.disableGradientRecordingOnThisThread();
			NDArray x = m.create(new float[] { 1, 2, 3 });
			x.setRequiresGradient(true);
			try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
				NDArray y = f.apply(x).sum();
				FreedNativeMemory.reuseWithNaN();
				gc.backward(y);
			}
			return x.getGradient().toFloatArray();
		}
	}

	@Test
	void gradientsThroughNumbersSurviveGarbageCollection() {
		assertArrayEquals(new float[] { 2, 2, 2 }, gradient(x -> Scalars.div(x, 0.5)));
		assertArrayEquals(new float[] { 3, 3, 3 }, gradient(x -> Scalars.mul(x, 3)));
		assertArrayEquals(new float[] { 0, 1, 1 }, gradient(x -> Scalars.maximum(x, 1.5)));
	}

	/**
	 * Why {@link Scalars} exists: DJL's own {@code x.div(0.5)} frees its operand too early, and the stress above
	 * finds it. Should a DJL upgrade fix this, this test fails and Scalars can go.
	 */
	@Test
	void djlsOwnNumberOperandIsFreedBeforeTheBackwardPass() {
		float[] g = gradient(x -> x.div(0.5));
		assertNotEquals(2f, g[0], "DJL keeps the operand alive now; Scalars may no longer be needed");
	}
}
