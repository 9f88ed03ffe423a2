package io.github.supcam.finetune;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartialLabelLossTest {
	private static final boolean F = false, T = true;
	/** Instance, touching, overlapping, touching-overlapping. */
	private static final double[][] LOGITS = { { 2.0, 0.5, -1.0, 0.3 }, { -0.7, 1.2, 0.4, -2.0 },
		{ 0.1, 0.1, 0.1, 0.1 }, { 0.3, -0.2, 1.5, 2.5 } };
	/** Touching or overlapping (the pair rule), not instance, one class, all classes. */
	private static final boolean[][] MASK = { { F, T, T, F }, { F, T, T, T }, { F, F, T, F }, { T, T, T, T } };

	/** JUnit makes an instance per test, so each test has its own manager. */
	private final NDManager m = NDManager.newBaseManager();

	@AfterEach
	void close() {
		m.close();
	}

	/** −mean log Σ_{allowed} softmax, written independently in double precision (no shift). */
	private static double reference(double[][] logits, boolean[][] mask) {
		double total = 0;
		for (int i = 0; i < logits.length; i++) {
			double all = 0, allowed = 0;
			for (int c = 0; c < 4; c++) {
				all += Math.exp(logits[i][c]);
				if (mask[i][c]) allowed += Math.exp(logits[i][c]);
			}
			total -= Math.log(allowed / all);
		}
		return total / logits.length;
	}

	private float loss(double[][] logits, boolean[][] mask) {
		return PartialLabelLoss.compute(logits(logits), mask(mask)).getFloat();
	}

	private NDArray logits(double[][] rows) {
		float[] flat = new float[rows.length * 4];
		for (int i = 0; i < flat.length; i++) flat[i] = (float) rows[i / 4][i % 4];
		return m.create(flat, new Shape(rows.length, 4));
	}

	private NDArray mask(boolean[][] rows) {
		boolean[] flat = new boolean[rows.length * 4];
		for (int i = 0; i < flat.length; i++) flat[i] = rows[i / 4][i % 4];
		return m.create(flat, new Shape(rows.length, 4));
	}

	@Test
	void valueMatchesReference() {
		assertEquals(reference(LOGITS, MASK), loss(LOGITS, MASK), 1e-5);
		// all allowed: the label says nothing, the loss is 0
		assertEquals(0, loss(new double[][] { LOGITS[0] }, new boolean[][] { MASK[3] }), 1e-6);
		// uniform logits, two of four allowed
		assertEquals(-Math.log(0.5), loss(new double[][] { { 0, 0, 0, 0 } }, new boolean[][] { MASK[0] }), 1e-6);
	}

	@Test
	void theNotInstanceSetIsNotInstanceLoss() {
		boolean[][] notInstance = { MASK[1], MASK[1], MASK[1], MASK[1] };
		assertEquals(NotInstanceLoss.compute(logits(LOGITS)).getFloat(), loss(LOGITS, notInstance), 1e-6);
	}

	@Test
	void confidentPredictionsOutsideTheSetGiveLargeFiniteLosses() {
		// log(p_T + p_O) = −100 + log 2 and −200 + log 2; an unshifted sum of probabilities would be log 0
		assertEquals(100 - Math.log(2), loss(new double[][] { { 120, 20, 20, 20 } }, new boolean[][] { MASK[0] }), 1e-3);
		assertEquals(200 - Math.log(2), loss(new double[][] { { 0, 0, 0, 200 } }, new boolean[][] { MASK[0] }), 1e-3);
	}

	@Test
	void gradientMatchesFiniteDifferences() {
		NDArray x = logits(LOGITS);
		x.setRequiresGradient(true);
		try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
			gc.backward(PartialLabelLoss.compute(x, mask(MASK)));
		}
		float[] autograd = x.getGradient().toFloatArray();
		double[] numeric = new double[autograd.length], actual = new double[autograd.length];
		double eps = 1e-4;
		for (int k = 0; k < autograd.length; k++) {
			double[][] plus = java.util.Arrays.stream(LOGITS).map(double[]::clone).toArray(double[][]::new);
			double[][] minus = java.util.Arrays.stream(LOGITS).map(double[]::clone).toArray(double[][]::new);
			plus[k / 4][k % 4] += eps;
			minus[k / 4][k % 4] -= eps;
			numeric[k] = (reference(plus, MASK) - reference(minus, MASK)) / (2 * eps);
			actual[k] = autograd[k];
		}
		assertArrayEquals(numeric, actual, 1e-4);
		// the pair-rule row lowers touching-overlapping as well as instance; the all-classes row learns nothing
		assertTrue(autograd[3] > 0 && autograd[0] > 0, java.util.Arrays.toString(autograd));
		for (int c = 0; c < 4; c++) assertEquals(0, autograd[12 + c], 1e-7);
	}

	@Test
	void refusesMasksThatDoNotFitOrAllowNothing() {
		NDArray x = logits(LOGITS);
		var e = assertThrows(IllegalArgumentException.class, () -> PartialLabelLoss.compute(x,
			mask(new boolean[][] { MASK[0], MASK[1], MASK[2], { F, F, F, F } })));
		assertEquals("Row 3 of the mask allows no class", e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> PartialLabelLoss.compute(x, mask(new boolean[][] { MASK[0] })));
		assertThrows(IllegalArgumentException.class, () -> PartialLabelLoss.compute(x, x));
		assertThrows(IllegalArgumentException.class, () -> PartialLabelLoss.compute(m.create(new float[] { 1, 2 },
			new Shape(1, 2)), mask(new boolean[][] { MASK[0] })));
	}
}
