package io.github.supcam.pretrain;

import java.util.List;

/**
 * Settings of SupCAM's contrastive pretraining objective (paper §2.1.1, §2.3, §3.3).
 * <p>
 * The total loss is the contrastive term chosen by {@link #lossType()} plus, when {@link #marginEnabled()}, the
 * ArcFace-style margin term chosen by {@link #marginKind()}. Plain MoCo is {@code INFONCE} with the margin off.
 *
 * @param temperature softmax temperature τ of every term (paper: 0.07)
 * @param margin additive angular margin m in radians (paper: 0.2; it reports divergence at 0.5)
 * @param marginEnabled whether the margin term is added to the contrastive term
 * @param lossType contrastive term: SupCon over the keys, or InfoNCE with the own key as the only positive
 * @param marginKind what the margin is applied against (the paper's method: {@code SELF})
 * @param centreMomentum EMA momentum of the class centres for {@link MarginKind#CLUSTER} (not given in the paper)
 * @param queueSize number of past keys kept in the {@link LabelledQueue} (paper: 1024)
 * @param embeddingDim length of the L2-normalised embeddings (paper: 128)
 * @param keyMomentum momentum of the key encoder update (paper: 0.999)
 */
public record PretrainLossSettings(double temperature, double margin, boolean marginEnabled, LossType lossType,
	MarginKind marginKind, double centreMomentum, int queueSize, int embeddingDim, double keyMomentum)
{
	/** Contrastive term. */
	public enum LossType {
		/** Supervised contrastive loss: every key with the query's label is a positive. */
		SUPCON,
		/** MoCo's InfoNCE: only the query's own key is a positive. */
		INFONCE
	}

	/** What the additive angular margin separates the query from (ablations of paper §3.3). */
	public enum MarginKind {
		/** The query's own key among all keys (SupCAM's self-margin). */
		SELF,
		/** Learned class-centre weights after the projection head, class label as target. */
		PARAMETRIC,
		/** Class centres averaged from the queue's keys by EMA, class label as target. */
		CLUSTER
	}

	/** Margin from which the paper observed training to diverge. */
	public static final double DIVERGENCE_MARGIN = 0.5;

	public PretrainLossSettings {
		if (!(temperature > 0) || Double.isInfinite(temperature))
			throw new IllegalArgumentException("temperature must be a finite number > 0, got " + temperature);
		if (!(margin >= 0 && margin < Math.PI / 2))
			throw new IllegalArgumentException("margin must be in [0, π/2) radians, got " + margin);
		if (lossType == null) throw new IllegalArgumentException("lossType must be given (SUPCON or INFONCE)");
		if (marginKind == null)
			throw new IllegalArgumentException("marginKind must be given (SELF, PARAMETRIC or CLUSTER)");
		if (!(centreMomentum >= 0 && centreMomentum < 1))
			throw new IllegalArgumentException("centreMomentum must be in [0, 1), got " + centreMomentum);
		if (queueSize < 1) throw new IllegalArgumentException("queueSize must be >= 1, got " + queueSize);
		if (embeddingDim < 1) throw new IllegalArgumentException("embeddingDim must be >= 1, got " + embeddingDim);
		if (!(keyMomentum >= 0 && keyMomentum < 1))
			throw new IllegalArgumentException("keyMomentum must be in [0, 1), got " + keyMomentum);
	}

	/** The paper's settings: SupCon + self-margin, τ 0.07, m 0.2, queue 1024, 128-d embeddings, momentum 0.999. */
	public static PretrainLossSettings defaults() {
		return new PretrainLossSettings(0.07, 0.2, true, LossType.SUPCON, MarginKind.SELF, 0.9, 1024, 128, 0.999);
	}

	/** Human-readable cautions about valid but risky values; empty when none apply. */
	public List<String> warnings() {
		if (marginEnabled && margin >= DIVERGENCE_MARGIN)
			return List.of("margin " + margin + " >= " + DIVERGENCE_MARGIN
				+ ": the SupCAM paper observed pretraining to diverge at m = 0.5");
		return List.of();
	}

	public PretrainLossSettings withTemperature(double v) {
		return new PretrainLossSettings(v, margin, marginEnabled, lossType, marginKind, centreMomentum, queueSize,
			embeddingDim, keyMomentum);
	}

	public PretrainLossSettings withMargin(double v) {
		return new PretrainLossSettings(temperature, v, marginEnabled, lossType, marginKind, centreMomentum,
			queueSize, embeddingDim, keyMomentum);
	}

	public PretrainLossSettings withMarginEnabled(boolean v) {
		return new PretrainLossSettings(temperature, margin, v, lossType, marginKind, centreMomentum, queueSize,
			embeddingDim, keyMomentum);
	}

	public PretrainLossSettings withLossType(LossType v) {
		return new PretrainLossSettings(temperature, margin, marginEnabled, v, marginKind, centreMomentum,
			queueSize, embeddingDim, keyMomentum);
	}

	public PretrainLossSettings withMarginKind(MarginKind v) {
		return new PretrainLossSettings(temperature, margin, marginEnabled, lossType, v, centreMomentum, queueSize,
			embeddingDim, keyMomentum);
	}

	public PretrainLossSettings withCentreMomentum(double v) {
		return new PretrainLossSettings(temperature, margin, marginEnabled, lossType, marginKind, v, queueSize,
			embeddingDim, keyMomentum);
	}

	public PretrainLossSettings withQueueSize(int v) {
		return new PretrainLossSettings(temperature, margin, marginEnabled, lossType, marginKind, centreMomentum, v,
			embeddingDim, keyMomentum);
	}

	public PretrainLossSettings withEmbeddingDim(int v) {
		return new PretrainLossSettings(temperature, margin, marginEnabled, lossType, marginKind, centreMomentum,
			queueSize, v, keyMomentum);
	}

	public PretrainLossSettings withKeyMomentum(double v) {
		return new PretrainLossSettings(temperature, margin, marginEnabled, lossType, marginKind, centreMomentum,
			queueSize, embeddingDim, v);
	}
}
