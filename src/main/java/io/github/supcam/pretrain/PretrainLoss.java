package io.github.supcam.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * SupCAM's total pretraining loss as configured by {@link PretrainLossSettings}: the contrastive term (SupCon or
 * InfoNCE) plus, when enabled, the margin term (self, parametric or cluster). Holds no state.
 * <p>
 * A training step: {@code ContrastSet set = ContrastSet.of(kBatch, batchLabels, queue, manager)}, then
 * {@code compute(q, set, queryLabels, centres)} inside the gradient collector, then
 * {@code queue.enqueue(kBatch, labels)} (MoCo enqueues after the loss, so a key never contrasts with itself twice).
 */
public final class PretrainLoss {
	private final PretrainLossSettings settings;

	public PretrainLoss(PretrainLossSettings settings) {
		this.settings = settings;
	}

	public PretrainLossSettings settings() {
		return settings;
	}

	/** The terms of one step, each a float32 scalar NDArray; {@code margin} is 0 when the margin is disabled. */
	public record Terms(NDArray total, NDArray contrastive, NDArray margin) {}

	/**
	 * The keys one step contrasts against: the batch's keys first, then the queue's (oldest first).
	 *
	 * @param keys N×D float32
	 * @param labels N int64
	 * @param positiveIndex B int64: row of each query's own key in {@code keys} (0..B−1)
	 */
	public record ContrastSet(NDArray keys, NDArray labels, NDArray positiveIndex) {
		/**
		 * Batch keys (B×D; detached, no gradient reaches the key encoder) and their labels, followed by the
		 * queue's content. New arrays go to {@code manager} (the step's).
		 */
		public static ContrastSet of(NDArray batchKeys, long[] batchLabels, LabelledQueue queue,
			NDManager manager)
		{
			return of(batchKeys, batchLabels, batchLabels.length, queue, manager);
		}

		/**
		 * Like {@link #of(NDArray, long[], LabelledQueue, NDManager)} for a batch with more keys than queries:
		 * SupCAM's keys are the B own keys k+ followed by the B composed keys k_g, and query i's own key is row i.
		 */
		public static ContrastSet of(NDArray batchKeys, long[] batchLabels, int queries, LabelledQueue queue,
			NDManager manager)
		{
			int b = batchLabels.length;
			if (batchKeys.getShape().dimension() != 2 || batchKeys.getShape().get(0) != b)
				throw new IllegalArgumentException(b + " labels for keys of shape " + batchKeys.getShape());
			if (queries < 1 || queries > b) throw new IllegalArgumentException(queries + " queries for " + b + " keys");
			NDArray ownLabels = manager.create(batchLabels, new Shape(b));
			NDArray index = manager.arange(0, queries, 1, DataType.INT64);
			NDArray own = batchKeys.stopGradient();
			if (queue.size() == 0) return new ContrastSet(own, ownLabels, index);
			return new ContrastSet(NDArrays.concat(new NDList(own, queue.keys(manager))),
				NDArrays.concat(new NDList(ownLabels, queue.labels(manager))), index);
		}
	}

	/**
	 * @param q B×D normalised queries
	 * @param set keys, their labels and each query's own-key index
	 * @param queryLabels B int64 class labels of the queries
	 * @param centres C×D class centres for {@link PretrainLossSettings.MarginKind#PARAMETRIC} (the learned
	 *        weights) or {@code CLUSTER} ({@link ClusterCentres#centres}); ignored, may be null, for {@code SELF}
	 *        or when the margin is disabled
	 */
	public Terms compute(NDArray q, ContrastSet set, NDArray queryLabels, NDArray centres) {
		double tau = settings.temperature();
		NDArray contrastive = switch (settings.lossType()) {
			case SUPCON -> ContrastiveLosses.supCon(q, set.keys(), queryLabels, set.labels(), tau);
			case INFONCE -> ContrastiveLosses.infoNce(q, set.keys(), set.positiveIndex(), tau);
		};
		NDArray margin;
		if (!settings.marginEnabled()) margin = q.getManager().create(0f);
		else if (settings.marginKind() == PretrainLossSettings.MarginKind.SELF)
			margin = ContrastiveLosses.selfMargin(q, set.keys(), set.positiveIndex(), tau, settings.margin());
		else {
			if (centres == null)
				throw new IllegalArgumentException(settings.marginKind() + " margin needs class centres");
			margin = ContrastiveLosses.centreMargin(q, centres, queryLabels, tau, settings.margin());
		}
		return new Terms(contrastive.add(margin), contrastive, margin);
	}
}
