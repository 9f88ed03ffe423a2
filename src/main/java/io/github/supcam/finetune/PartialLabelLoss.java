package io.github.supcam.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.github.supcam.dataset.ClusterType;

/**
 * Partial-label cross-entropy: each row's label is a set of classes, one of which is true without saying which,
 * so {@code loss = −mean_i log Σ_{c allowed in row i} p_i,c}. It moves probability into the allowed set without
 * choosing within it. {@link NotInstanceLoss} is the case where every row allows the three cluster types.
 */
public final class PartialLabelLoss {
	private PartialLabelLoss() {}

	/**
	 * @param logits B×4 unnormalised scores, classes in {@link ClusterType} order
	 * @param allowed B×4 booleans, the classes each row's label allows (at least one per row)
	 * @return the mean loss, a float32 scalar
	 */
	public static NDArray compute(NDArray logits, NDArray allowed) {
		int classes = ClusterType.values().length;
		if (logits.getShape().dimension() != 2 || logits.getShape().get(1) != classes) throw new IllegalArgumentException(
			"Expected B×" + classes + " logits, got " + logits.getShape());
		if (allowed.getDataType() != DataType.BOOLEAN || !allowed.getShape().equals(logits.getShape()))
			throw new IllegalArgumentException("Expected a boolean mask shaped like the logits " + logits.getShape() +
				", got " + allowed.getDataType() + " " + allowed.getShape());
		boolean[] mask = allowed.toBooleanArray();
		for (int i = 0; i < mask.length; i += classes) {
			boolean any = false;
			for (int c = 0; c < classes; c++) any |= mask[i + c];
			if (!any) throw new IllegalArgumentException("Row " + i / classes + " of the mask allows no class");
		}
		// log 1 = 0 keeps an allowed entry as it is; log 0 = −inf drops the others from the sum (exp(−inf) = 0).
		NDArray logMask = allowed.toType(DataType.FLOAT32, false).log();
		return logSumExp(logits.logSoftmax(1).add(logMask)).neg().mean();
	}

	/**
	 * {@code log Σ_j exp x_ij} per row (B×1), shifted by the row maximum so that entries far below it (a confident
	 * prediction outside the set) do not underflow to log 0. Entries of −inf contribute nothing.
	 */
	static NDArray logSumExp(NDArray x) {
		NDArray max = x.max(new int[] { 1 }, true);
		return x.sub(max).exp().sum(new int[] { 1 }, true).log().add(max);
	}
}
