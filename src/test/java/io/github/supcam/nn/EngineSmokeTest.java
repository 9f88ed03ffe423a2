package io.github.supcam.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class EngineSmokeTest {

	@Test
	void pytorchLoadsOfflineFromBundledNativeJar() {
		Engine engine = Engine.getEngine("PyTorch");
		System.out.println("engine " + engine.getEngineName() + " " + engine.getVersion());
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray a = m.create(new float[] { 1, 2, 3 });
			assertArrayEquals(new float[] { 2, 4, 6 }, a.mul(2).toFloatArray());
			assertEquals("PyTorch", m.getEngine().getEngineName());
		}
	}
}
