package io.github.supcam.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** DJL finds libtorch offline; surefire passes -Dai.djl.offline=true. */
class EngineSmokeTest {

	@Test
	void pytorchLoadsOfflineFromBundledNativeJar() {
		Engine engine = Engine.getEngine("PyTorch");
		// the bundled pytorch-native-cpu jar, unpacked into the DJL cache: no download, no PYTORCH_* variables
		assertEquals("2.7.1", engine.getVersion());
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray a = m.create(new float[] { 1, 2, 3 });
			assertArrayEquals(new float[] { 2, 4, 6 }, a.mul(2).toFloatArray());
			assertEquals("PyTorch", m.getEngine().getEngineName());
		}
	}
}
