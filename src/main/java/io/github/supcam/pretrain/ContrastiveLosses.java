package io.github.supcam.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.supcam.nn.Scalars;

/**
 * SupCAM's pretraining loss terms as differentiable DJL NDArray expressions (paper §2.1.1, §2.3).
 * <p>
 * Conventions shared by every method: {@code q} is B×D float32 (L2-normalised queries, may require gradient);
 * {@code keys} is N×D float32 (L2-normalised keys: the batch's own keys and the queue's, no gradient);
 * labels and indices are int64 vectors. The queries are used as given (not re-normalised) so that the terms are
 * smooth functions of {@code q}. Every method returns a scalar: the mean over the B queries.
 * <p>
 * Log-softmaxes subtract the detached row maximum before exponentiating, so temperatures far below 0.07 do not
 * overflow float32. The denominator of every softmax runs over ALL columns, the positive(s) included. Numbers enter
 * the differentiated expressions through {@link Scalars} (see there why).
 */
public final class ContrastiveLosses {
	private ContrastiveLosses() {}

	/**
	 * Floor on sin²θ before the square root in {@link #arcMargin}: d sinθ/d cosθ = −cosθ/sinθ is unbounded at
	 * θ = 0, and NaN at exactly 0. Below the floor the gradient through sinθ is cut (clip has zero slope there).
	 */
	public static final float SIN_SQUARED_FLOOR = 1e-6f;

	/**
	 * Supervised contrastive loss (Khosla et al. 2020, "L_out" form) with the keys as the contrast set:
	 * L = mean_i −1/|P(i)| Σ_{p∈P(i)} log softmax_j(q_i·k_j/τ)_p, where P(i) are the keys carrying q_i's label
	 * (the query's own key included).
	 *
	 * @throws IllegalArgumentException when shapes disagree or some query has no key with its label
	 */
	public static NDArray supCon(NDArray q, NDArray keys, NDArray queryLabels, NDArray keyLabels,
		double temperature)
	{
		checkEmbeddings(q, keys);
		checkVector("queryLabels", queryLabels, q.getShape().get(0));
		checkVector("keyLabels", keyLabels, keys.getShape().get(0));
		NDArray positives = queryLabels.expandDims(1).eq(keyLabels.expandDims(0)).toType(DataType.FLOAT32, false);
		if (positives.sum(new int[] { 1 }).min().getFloat() < 1)
			throw new IllegalArgumentException("every query needs at least one key with its label; "
				+ "include the batch's own keys in the key set");
		return meanMaskedNll(Scalars.div(q.matMul(keys.transpose()), temperature), positives);
	}

	/** MoCo's InfoNCE: cross-entropy of softmax_j(q_i·k_j/τ) with the own key {@code positiveIndex[i]} as target. */
	public static NDArray infoNce(NDArray q, NDArray keys, NDArray positiveIndex, double temperature) {
		checkEmbeddings(q, keys);
		NDArray target = oneHot(positiveIndex, q.getShape().get(0), keys.getShape().get(0));
		return meanMaskedNll(Scalars.div(q.matMul(keys.transpose()), temperature), target);
	}

	/**
	 * SupCAM's self-margin: InfoNCE whose own-key logit cosθ/τ is replaced by cos(θ+m)/τ (ArcFace margin between
	 * each query and its own key only); see {@link #arcMargin}.
	 */
	public static NDArray selfMargin(NDArray q, NDArray keys, NDArray positiveIndex, double temperature,
		double margin)
	{
		checkEmbeddings(q, keys);
		return marginSoftmax(q.matMul(keys.transpose()), positiveIndex, temperature, margin);
	}

	/**
	 * ArcFace between the queries and class centres (C×D, normalised here), the query's class as target. Serves
	 * both ablations of §3.3: learned centre weights (parametric margin) and EMA centres of the queue's keys
	 * (cluster margin, see {@link ClusterCentres}). A zero centre row (class never seen) gets cosine 0.
	 */
	public static NDArray centreMargin(NDArray q, NDArray centres, NDArray queryLabels, double temperature,
		double margin)
	{
		checkEmbeddings(q, centres);
		NDArray norm = Scalars.maximum(centres.norm(new int[] { 1 }, true), 1e-12);
		return marginSoftmax(q.matMul(centres.div(norm).transpose()), queryLabels, temperature, margin);
	}

	/**
	 * Cross-entropy of softmax(cos'/τ) at {@code target}, where cos' is {@code cosines} (B×C) with each row's
	 * target entry cosθ replaced by {@link #arcMargin}(cosθ, m). The replacement goes through a one-hot mask so
	 * the gradient flows to every entry.
	 */
	public static NDArray marginSoftmax(NDArray cosines, NDArray target, double temperature, double margin) {
		if (cosines.getShape().dimension() != 2)
			throw new IllegalArgumentException("cosines must be B×C, got " + cosines.getShape());
		NDArray mask = oneHot(target, cosines.getShape().get(0), cosines.getShape().get(1));
		NDArray cosTarget = cosines.mul(mask).sum(new int[] { 1 }, true);
		NDArray shift = arcMargin(cosTarget, margin).sub(cosTarget);
		return meanMaskedNll(Scalars.div(cosines.add(mask.mul(shift)), temperature), mask);
	}

	/**
	 * cos(θ+m) for cosθ = {@code cos}, elementwise, in insightface's "easy_margin = False" form: where θ+m would
	 * pass π (cosθ ≤ cos(π−m)) cos(θ+m) would stop decreasing in θ, so it is replaced by the monotone
	 * cosθ − m·sin(π−m). sinθ = sqrt(clip(1−cos²θ, {@link #SIN_SQUARED_FLOOR}, 1)).
	 */
	public static NDArray arcMargin(NDArray cos, double margin) {
		float cosM = (float) Math.cos(margin), sinM = (float) Math.sin(margin);
		float threshold = (float) Math.cos(Math.PI - margin);
		float fallback = (float) (Math.sin(Math.PI - margin) * margin);
		NDArray sin = cos.square().neg().add(1f).clip(SIN_SQUARED_FLOOR, 1f).sqrt();
		NDArray phi = Scalars.mul(cos, cosM).sub(Scalars.mul(sin, sinM));
		return NDArrays.where(cos.gt(threshold), phi, cos.sub(fallback));
	}

	/** mean_i −Σ_j mask_ij·log softmax(logits_i)_j / Σ_j mask_ij, stabilised by the detached row maximum. */
	private static NDArray meanMaskedNll(NDArray logits, NDArray mask) {
		NDArray shifted = logits.sub(logits.max(new int[] { 1 }, true).stopGradient());
		NDArray logProb = shifted.sub(shifted.exp().sum(new int[] { 1 }, true).log());
		return logProb.mul(mask).sum(new int[] { 1 }).div(mask.sum(new int[] { 1 })).neg().mean();
	}

	private static NDArray oneHot(NDArray index, long rows, long columns) {
		checkVector("index", index, rows);
		for (long i : index.toLongArray())
			if (i < 0 || i >= columns)
				throw new IllegalArgumentException("index " + i + " outside [0, " + columns + ")");
		NDArray columnIndex = index.getManager().arange(0, columns, 1, DataType.INT64);
		return index.expandDims(1).eq(columnIndex.expandDims(0)).toType(DataType.FLOAT32, false);
	}

	private static void checkEmbeddings(NDArray q, NDArray keys) {
		Shape qs = q.getShape(), ks = keys.getShape();
		if (qs.dimension() != 2 || ks.dimension() != 2 || qs.get(1) != ks.get(1) || qs.get(0) < 1 || ks.get(0) < 1)
			throw new IllegalArgumentException("need queries B×D and keys N×D with the same D, got " + qs + " and "
				+ ks);
	}

	private static void checkVector(String name, NDArray v, long length) {
		if (v.getShape().dimension() != 1 || v.getShape().get(0) != length)
			throw new IllegalArgumentException(name + " must have shape (" + length + "), got " + v.getShape());
		if (v.getDataType() != DataType.INT64)
			throw new IllegalArgumentException(name + " must be int64, got " + v.getDataType());
	}
}
