package io.github.supcam.pretrain;

import static io.github.supcam.pretrain.LossReference.K;
import static io.github.supcam.pretrain.LossReference.KD;
import static io.github.supcam.pretrain.LossReference.K_LABELS;
import static io.github.supcam.pretrain.LossReference.MARGIN;
import static io.github.supcam.pretrain.LossReference.POSITIVE;
import static io.github.supcam.pretrain.LossReference.Q;
import static io.github.supcam.pretrain.LossReference.QD;
import static io.github.supcam.pretrain.LossReference.Q_LABELS;
import static io.github.supcam.pretrain.LossReference.TAU;
import static io.github.supcam.pretrain.LossReference.array;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

/** Loss values and gradients against the double-precision loops of {@link LossReference}. */
class ContrastiveLossesTest extends WithNDManager {
	/** Unnormalised class centres (as the learned weights of the parametric margin are). */
	private static final float[][] CENTRES = { { 2, 0.5f, -0.5f, 1 }, { -1, 3, 0.2f, -0.5f },
		{ 0.1f, -0.2f, 0.3f, 0.4f } };

	static void assertClose(double expected, NDArray actual, double tolerance) {
		assertEquals(0, actual.getShape().dimension(), "loss must be a scalar");
		assertEquals(expected, actual.getFloat(), tolerance * Math.max(1, Math.abs(expected)));
	}

	@Test
	void fixtureExercisesBothMarginBranches() {
		double threshold = Math.cos(Math.PI - MARGIN);
		assertTrue(LossReference.dot(QD[0], KD[0]) > threshold);
		assertTrue(LossReference.dot(QD[1], KD[1]) > threshold);
		assertTrue(LossReference.dot(QD[2], KD[2]) < threshold, "q2 must sit in the θ+m > π branch");
	}

	@Test
	void supConMatchesReference() {
		double expected = LossReference.supCon(QD, KD, Q_LABELS, K_LABELS, TAU);
		NDArray loss = ContrastiveLosses.supCon(array(m, Q), array(m, K), array(m, Q_LABELS), array(m, K_LABELS),
			TAU);
		assertClose(expected, loss, 1e-5);
	}

	@Test
	void infoNceMatchesReference() {
		double expected = LossReference.infoNce(QD, KD, POSITIVE, TAU);
		assertClose(expected, ContrastiveLosses.infoNce(array(m, Q), array(m, K), array(m, POSITIVE), TAU), 1e-5);
	}

	@Test
	void selfMarginMatchesReferenceIncludingSafeBranch() {
		double expected = LossReference.margin(QD, KD, POSITIVE, TAU, MARGIN);
		assertClose(expected, ContrastiveLosses.selfMargin(array(m, Q), array(m, K), array(m, POSITIVE), TAU,
			MARGIN), 1e-5);
		// the margin makes the own key harder: the loss rises above plain InfoNCE
		assertTrue(expected > LossReference.infoNce(QD, KD, POSITIVE, TAU) + 0.1);
	}

	@Test
	void selfMarginWithZeroMarginIsInfoNce() {
		NDArray withZero = ContrastiveLosses.selfMargin(array(m, Q), array(m, K), array(m, POSITIVE), TAU, 0);
		assertClose(LossReference.infoNce(QD, KD, POSITIVE, TAU), withZero, 1e-5);
	}

	@Test
	void arcMarginBranchValues() {
		double m02 = 0.2;
		float[] cos = { 0.5f, 0f, -0.9f, -0.99f, -1f };
		float[] phi = ContrastiveLosses.arcMargin(m.create(cos), m02).toFloatArray();
		assertEquals(Math.cos(Math.acos(0.5) + m02), phi[0], 1e-6);
		assertEquals(-Math.sin(m02), phi[1], 1e-6);
		assertEquals(Math.cos(Math.acos(-0.9) + m02), phi[2], 1e-6);
		// cos(π−0.2) = −0.98007: below it, cos θ − sin(π−m)·m
		assertEquals(-0.99 - Math.sin(Math.PI - m02) * m02, phi[3], 1e-6);
		assertEquals(-1 - Math.sin(Math.PI - m02) * m02, phi[4], 1e-6);
	}

	@Test
	void centreMarginMatchesReferenceWithUnnormalisedCentres() {
		double expected = LossReference.margin(QD, LossReference.normalised(LossReference.wide(CENTRES)), Q_LABELS,
			TAU, MARGIN);
		assertClose(expected, ContrastiveLosses.centreMargin(array(m, Q), array(m, CENTRES), array(m, Q_LABELS), TAU,
			MARGIN), 1e-5);
	}

	@Test
	void largeLogitsStayFinite() {
		// τ = 0.002 gives logits up to 500: exp overflows float32 without the max shift
		double tau = 0.002;
		double expected = LossReference.supCon(QD, KD, Q_LABELS, K_LABELS, tau);
		NDArray loss = ContrastiveLosses.supCon(array(m, Q), array(m, K), array(m, Q_LABELS), array(m, K_LABELS),
			tau);
		assertTrue(Float.isFinite(loss.getFloat()));
		assertClose(expected, loss, 1e-4);
		NDArray margin = ContrastiveLosses.selfMargin(array(m, Q), array(m, K), array(m, POSITIVE), tau, MARGIN);
		assertClose(LossReference.margin(QD, KD, POSITIVE, tau, MARGIN), margin, 1e-4);
	}

	@Test
	void supConGradientMatchesFiniteDifferences() {
		assertGradient(q -> ContrastiveLosses.supCon(q, array(m, K), array(m, Q_LABELS), array(m, K_LABELS), TAU),
			q -> LossReference.supCon(q, KD, Q_LABELS, K_LABELS, TAU));
	}

	@Test
	void selfMarginGradientMatchesFiniteDifferences() {
		assertGradient(q -> ContrastiveLosses.selfMargin(q, array(m, K), array(m, POSITIVE), TAU, MARGIN),
			q -> LossReference.margin(q, KD, POSITIVE, TAU, MARGIN));
	}

	@Test
	void infoNceGradientMatchesFiniteDifferences() {
		assertGradient(q -> ContrastiveLosses.infoNce(q, array(m, K), array(m, POSITIVE), TAU),
			q -> LossReference.infoNce(q, KD, POSITIVE, TAU));
	}

	@Test
	void centreMarginGradientWrtCentresMatchesFiniteDifferences() {
		assertGradient(CENTRES, c -> ContrastiveLosses.centreMargin(array(m, Q), c, array(m, Q_LABELS), TAU, MARGIN),
			c -> LossReference.margin(QD, LossReference.normalised(c), Q_LABELS, TAU, MARGIN));
	}

	private void assertGradient(Function<NDArray, NDArray> loss, ToDoubleFunction<double[][]> reference) {
		assertGradient(Q, loss, reference);
	}

	/** DJL autograd w.r.t. x against central differences (eps 1e-3) of the double reference, 1% relative. */
	private void assertGradient(float[][] x, Function<NDArray, NDArray> loss,
		ToDoubleFunction<double[][]> reference)
	{
		NDArray input = array(m, x);
		input.setRequiresGradient(true);
		try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
			gc.backward(loss.apply(input));
		}
		float[] autograd = input.getGradient().toFloatArray();
		double[][] numeric = LossReference.gradient(x, reference, 1e-3);
		double largest = 0;
		for (double[] row : numeric)
			for (double v : row)
				largest = Math.max(largest, Math.abs(v));
		assertTrue(largest > 0.1, "gradient of the fixture must not vanish");
		int dim = x[0].length;
		for (int i = 0; i < x.length; i++)
			for (int d = 0; d < dim; d++) {
				double expected = numeric[i][d];
				double tolerance = 1e-2 * Math.max(Math.abs(expected), 0.01 * largest);
				assertEquals(expected, autograd[i * dim + d], tolerance, "dL/dx[" + i + "][" + d + "]");
			}
	}

	@Test
	void selfMarginGradientStaysFiniteWhenQueryEqualsItsKey() {
		// cos θ = 1 exactly: d sqrt(1 − cos²)/d cos is infinite there without the floor on sin²
		float[][] same = { { 1, 0, 0, 0 }, { 0, 1, 0, 0 } };
		NDArray q = array(m, same);
		q.setRequiresGradient(true);
		try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
			gc.backward(ContrastiveLosses.selfMargin(q, array(m, same), array(m, new long[] { 0, 1 }), TAU, MARGIN));
		}
		for (float g : q.getGradient().toFloatArray())
			assertTrue(Float.isFinite(g));
	}

	@Test
	void rejectsQueryWithoutPositiveAndBadIndex() {
		long[] strangers = { 0, 1, 7 };
		assertThrows(IllegalArgumentException.class, () -> ContrastiveLosses.supCon(array(m, Q), array(m, K),
			array(m, strangers), array(m, K_LABELS), TAU));
		long[] outside = { 0, 1, 6 };
		assertThrows(IllegalArgumentException.class, () -> ContrastiveLosses.selfMargin(array(m, Q), array(m, K),
			array(m, outside), TAU, MARGIN));
		assertThrows(IllegalArgumentException.class, () -> ContrastiveLosses.infoNce(array(m, Q),
			array(m, K).get(":, :3"), array(m, POSITIVE), TAU));
	}
}
