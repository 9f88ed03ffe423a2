package io.github.supcam.finetune;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NotInstanceLossTest {
	private static final double[][] LOGITS = { { 2.0, 0.5, -1.0, 0.3 }, { -0.7, 1.2, 0.4, -2.0 },
		{ 0.1, 0.1, 0.1, 0.1 } };

	private NDManager m;

	@BeforeEach
	void open() {
		m = NDManager.newBaseManager();
	}

	@AfterEach
	void close() {
		m.close();
	}

	/** −mean log(1 − p_instance), written independently in double precision (no shift). */
	private static double reference(double[][] logits) {
		double total = 0;
		for (double[] row : logits) {
			double all = 0;
			for (double v : row) all += Math.exp(v);
			total -= Math.log(1 - Math.exp(row[0]) / all);
		}
		return total / logits.length;
	}

	private NDArray array(double[][] rows) {
		float[] flat = new float[rows.length * rows[0].length];
		for (int i = 0; i < rows.length; i++)
			for (int j = 0; j < rows[0].length; j++) flat[i * rows[0].length + j] = (float) rows[i][j];
		return m.create(flat, new Shape(rows.length, rows[0].length));
	}

	@Test
	void valueMatchesReference() {
		assertEquals(reference(LOGITS), NotInstanceLoss.compute(array(LOGITS)).getFloat(), 1e-5);
		// uniform logits: p(not instance) = 3/4
		assertEquals(-Math.log(0.75), NotInstanceLoss.compute(array(new double[][] { { 0, 0, 0, 0 } })).getFloat(),
			1e-6);
	}

	@Test
	void confidentInstanceGivesLargeFiniteLoss() {
		// log Σ_{c≥1} p_c = −50 + log 3 (to float precision); an unshifted exp(logp) would underflow to log 0
		float loss = NotInstanceLoss.compute(array(new double[][] { { 120, 20, 20, 20 } })).getFloat();
		assertEquals(100 - Math.log(3), loss, 1e-3);
	}

	@Test
	void gradientMatchesFiniteDifferences() {
		NDArray x = array(LOGITS);
		x.setRequiresGradient(true);
		try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
			gc.backward(NotInstanceLoss.compute(x));
		}
		float[] autograd = x.getGradient().toFloatArray();
		double eps = 1e-4;
		for (int i = 0; i < LOGITS.length; i++)
			for (int c = 0; c < 4; c++) {
				double[][] plus = copy(LOGITS), minus = copy(LOGITS);
				plus[i][c] += eps;
				minus[i][c] -= eps;
				double numeric = (reference(plus) - reference(minus)) / (2 * eps);
				assertEquals(numeric, autograd[i * 4 + c], 1e-4, "dL/dlogit[" + i + "][" + c + "]");
			}
		// the gradient lowers the instance logit of every row (dL/dz_0 > 0) and sums to 0 per row
		for (int i = 0; i < LOGITS.length; i++) {
			double sum = 0;
			for (int c = 0; c < 4; c++) sum += autograd[i * 4 + c];
			assertEquals(0, sum, 1e-5);
			assertEquals(1, Math.signum(autograd[i * 4]));
		}
	}

	@Test
	void rejectsOtherClassCounts() {
		assertThrows(IllegalArgumentException.class, () -> NotInstanceLoss.compute(array(new double[][] { { 1, 2 } })));
	}

	private static double[][] copy(double[][] a) {
		return java.util.Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
	}
}
