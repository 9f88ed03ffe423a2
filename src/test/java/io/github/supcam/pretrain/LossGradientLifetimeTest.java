package io.github.supcam.pretrain;

import static io.github.supcam.pretrain.LossReference.K;
import static io.github.supcam.pretrain.LossReference.K_LABELS;
import static io.github.supcam.pretrain.LossReference.MARGIN;
import static io.github.supcam.pretrain.LossReference.POSITIVE;
import static io.github.supcam.pretrain.LossReference.Q;
import static io.github.supcam.pretrain.LossReference.Q_LABELS;
import static io.github.supcam.pretrain.LossReference.TAU;
import static io.github.supcam.pretrain.LossReference.array;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import io.github.supcam.finetune.LabelSmoothingLoss;
import io.github.supcam.nn.FreedNativeMemory;

import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * Regression test of the rare NaN in pretraining: the gradients of every training loss must be the same whether or
 * not the garbage collector ran, and freed native memory was reused, between the forward and the backward pass.
 * Before the fix, the temporary arrays DJL makes of numbers (τ, cos m, sin m, ε) were read after being freed.
 */
class LossGradientLifetimeTest extends WithNDManager {
	private float[] gradient(float[][] x, Function<NDArray, NDArray> loss, boolean stress) {
		NDArray input = array(m, x);
		input.setRequiresGradient(true);
		try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
			NDArray value = loss.apply(input);
			if (stress) FreedNativeMemory.reuseWithNaN();
			gc.backward(value);
		}
		return input.getGradient().toFloatArray();
	}

	private void assertUnaffected(float[][] x, Function<NDArray, NDArray> loss) {
		float[] plain = gradient(x, loss, false);
		for (float g : plain) assertTrue(Float.isFinite(g));
		assertArrayEquals(plain, gradient(x, loss, true));
	}

	@Test
	void supCon() {
		assertUnaffected(Q, q -> ContrastiveLosses.supCon(q, array(m, K), array(m, Q_LABELS), array(m, K_LABELS), TAU));
	}

	@Test
	void selfMargin() {
		assertUnaffected(Q, q -> ContrastiveLosses.selfMargin(q, array(m, K), array(m, POSITIVE), TAU, MARGIN));
	}

	@Test
	void infoNce() {
		assertUnaffected(Q, q -> ContrastiveLosses.infoNce(q, array(m, K), array(m, POSITIVE), TAU));
	}

	@Test
	void centreMarginWithLearnedCentres() {
		float[][] centres = { { 2, 0.5f, -0.5f, 1 }, { -1, 3, 0.2f, -0.5f }, { 0.1f, -0.2f, 0.3f, 0.4f } };
		assertUnaffected(centres, c -> ContrastiveLosses.centreMargin(array(m, Q), c, array(m, Q_LABELS), TAU, MARGIN));
	}

	@Test
	void labelSmoothing() {
		assertUnaffected(Q, logits -> LabelSmoothingLoss.compute(logits, array(m, new long[] { 0, 1, 3 }), 0.1));
	}
}
