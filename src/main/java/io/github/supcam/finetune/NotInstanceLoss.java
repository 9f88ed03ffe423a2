package io.github.supcam.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import io.github.supcam.dataset.ClusterType;

/**
 * Partial-label cross-entropy for real clusters whose type is unknown: the label is the set "touching,
 * overlapping or touching-overlapping", so {@code loss = −mean_i log Σ_{c ≠ instance} p_i,c}, the negative log of
 * the probability the model gives to "not instance". It pushes mass away from instance without saying which cluster
 * type takes it; the {@link PartialLabelLoss} of the set {touching, overlapping, touching-overlapping}.
 */
public final class NotInstanceLoss {
	private NotInstanceLoss() {}

	/**
	 * @param logits B×4 unnormalised scores, classes in {@link ClusterType} order (instance first)
	 * @return the mean loss, a float32 scalar
	 */
	public static NDArray compute(NDArray logits) {
		if (ClusterType.INSTANCE.ordinal() != 0 || logits.getShape().get(1) != ClusterType.values().length)
			throw new IllegalArgumentException("Expected B×4 logits with instance first, got " + logits.getShape());
		// The slice, not PartialLabelLoss's mask: the same operations as always, so the same bytes.
		return PartialLabelLoss.logSumExp(logits.logSoftmax(1).get(new NDIndex(":, 1:"))).neg().mean();
	}
}
