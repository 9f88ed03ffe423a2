package io.github.supcam.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.LambdaBlock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The softmax temperature of a package: stored, defaulted for old packages, applied by inference. */
class TemperatureTest {
	@TempDir
	Path tmp;

	@Test
	void inferenceDividesTheLogitsByTheTemperature() {
		// A block whose four logits are the four pixels of a 2x2 input.
		LambdaBlock pixels = new LambdaBlock(in -> new NDList(in.singletonOrThrow().reshape(-1, 4)));
		List<float[]> inputs = List.of(new float[] { 1, 2, 3, 4 }, new float[] { -2, 0, 5, 0.5f },
			new float[] { 0, 0, 0, 0 });
		try (NDManager m = NDManager.newBaseManager("PyTorch")) {
			double[][] z = Inference.logits(pixels, m, inputs, 2, 2);
			double[][] p1 = Inference.probabilities(pixels, m, inputs, 2, 2);
			double[][] p2 = Inference.probabilities(pixels, m, inputs, 2, 2, 2.0);
			for (int i = 0; i < inputs.size(); i++) {
				double[] x = new double[4];
				for (int c = 0; c < 4; c++) x[c] = inputs.get(i)[c];
				assertArrayEquals(x, z[i], 0.0);
				double sum = 0;
				for (int c = 0; c < 4; c++) sum += Math.exp(x[c] / 2);
				for (int c = 0; c < 4; c++) assertEquals(Math.exp(x[c] / 2) / sum, p2[i][c], 1e-6);
				assertArrayEquals(Inference.softmax(x, 2), p2[i], 1e-6);
				assertArrayEquals(Inference.softmax(x, 1), p1[i], 1e-6);
			}
			assertEquals(0.25, p2[2][0], 1e-7);
			assertThrows(IllegalArgumentException.class, () -> Inference.probabilities(pixels, m, inputs, 2, 2, 0));
		}
	}

	@Test
	void packagesWithoutATemperatureReadAsUncalibrated() throws Exception {
		// The bundled v1 predates calibration.
		assertEquals(1.0, ModelPackage.open(Path.of("models/supcam-synthetic-v1")).info().temperature());
		Path p = tmp.resolve("old");
		ModelPackage.write(p, ModelPackageTest.info().withTemperature(3.0),
			dir -> Files.write(dir.resolve(ModelPackage.WEIGHTS), new byte[] { 1 }), null);
		Path json = p.resolve(ModelPackage.MODEL_JSON);
		String without = Files.readString(json).replaceAll(",\\s*\"temperature\": 3.0", "");
		assertTrue(!without.contains("temperature"), without);
		Files.writeString(json, without);
		assertEquals(1.0, ModelPackage.open(p).info().temperature());
	}

	@Test
	void theTemperatureSurvivesWritingAndAWrongOneIsRefused() throws Exception {
		Path p = tmp.resolve("calibrated");
		ModelPackage.write(p, ModelPackageTest.info().withTemperature(1.7),
			dir -> Files.write(dir.resolve(ModelPackage.WEIGHTS), new byte[] { 1, 2 }), null);
		assertEquals(1.7, ModelPackage.open(p).info().temperature());

		Path json = p.resolve(ModelPackage.MODEL_JSON);
		Files.writeString(json, Files.readString(json).replace("\"temperature\": 1.7", "\"temperature\": -1.0"));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelPackage.open(p));
		assertTrue(e.getMessage().contains("temperature"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> ModelPackageTest.info().withTemperature(Double.NaN));
	}
}
