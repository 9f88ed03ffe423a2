package io.github.supcam.finetune;

import ai.djl.ndarray.NDArray;
import io.github.supcam.nn.Scalars;

/**
 * Cross-entropy with label smoothing, as PyTorch's {@code CrossEntropyLoss(label_smoothing=ε)}: the target puts
 * 1−ε on the true class and ε/C on every class, so
 * {@code loss = −mean_i[(1−ε)·log p_i,y_i + (ε/C)·Σ_c log p_i,c]}. Numbers enter through {@link Scalars}.
 */
public final class LabelSmoothingLoss {
	private LabelSmoothingLoss() {}

	/**
	 * @param logits B×C unnormalised scores
	 * @param labels B int64 class indices
	 * @param epsilon smoothing ε in [0, 1)
	 * @return the mean loss, a float32 scalar
	 */
	public static NDArray compute(NDArray logits, NDArray labels, double epsilon) {
		long classes = logits.getShape().get(1);
		NDArray logp = logits.logSoftmax(1);
		NDArray picked = logp.gather(labels.reshape(-1, 1), 1).reshape(-1);
		NDArray uniform = Scalars.div(logp.sum(new int[] { 1 }), classes);
		return Scalars.mul(picked, 1 - epsilon).add(Scalars.mul(uniform, epsilon)).neg().mean();
	}
}
