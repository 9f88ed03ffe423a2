package io.github.supcam.finetune;

import io.github.supcam.image.Degradation;
import io.github.supcam.model.PreprocessSettings;
import io.github.supcam.nn.Backbones;

import java.util.List;
import java.util.Locale;

/**
 * Every setting of SupCAM's fine-tuning step (paper §2.1.2, §3.3), with the paper's values as defaults.
 *
 * @param mode fine-tune a pretrained backbone, train from scratch, or a linear probe on a frozen backbone
 * @param backbone backbone for {@link Mode#SCRATCH}; otherwise the pretrained package's backbone is used
 * @param epochs epochs (paper: 15)
 * @param batchSize batch size (paper: 16)
 * @param learningRate base learning rate (paper: 0.01)
 * @param milestones epochs (1-based count of finished epochs) after which the rate is multiplied by {@code gamma}
 * @param gamma learning-rate decay factor (0.1)
 * @param momentum SGD momentum (0.9)
 * @param weightDecay SGD weight decay (1e-4)
 * @param labelSmoothing cross-entropy label smoothing (0.1)
 * @param rotateDegrees RandomRotate range, ± degrees
 * @param noise largest standard deviation of the Gaussian noise added to every input (0: none)
 * @param preprocess preprocessing for {@link Mode#SCRATCH}; otherwise the pretrained package's is used
 * @param seed seed of every random choice
 * @param device {@code auto}, {@code cpu} or {@code gpu}
 * @param loaderThreads threads preparing batches in the background
 * @param notInstanceFraction real clusters of unknown type ({@link io.github.supcam.dataset.DatasetReader#NOT_INSTANCE_FOLDER})
 *   added to every batch, as a fraction of the batch size; they are trained with {@link NotInstanceLoss}
 *   (0: none, the paper)
 * @param notInstanceWeight weight of {@link NotInstanceLoss} against the labelled loss
 * @param twoChromosomePairRule a real cluster of exactly two chromosomes cannot be touching-overlapping (that needs
 *   a touching and an overlapping pair, so three chromosomes): not-instance clusters of two chromosomes (from the
 *   folder's {@link io.github.supcam.dataset.DatasetReader#NOT_INSTANCE_CHROMOSOMES}) get the label set "touching
 *   or overlapping" ({@link PartialLabelLoss}), the others keep "not instance" (false: all keep it, as before)
 */
public record FineTuneSettings(Mode mode, String backbone, int epochs, int batchSize, double learningRate,
	List<Integer> milestones, double gamma, double momentum, double weightDecay, double labelSmoothing,
	double rotateDegrees, double noise, PreprocessSettings preprocess, long seed, String device, int loaderThreads,
	double notInstanceFraction, double notInstanceWeight, boolean twoChromosomePairRule, Degradation degradation)
{
	/** How the backbone is trained. */
	public enum Mode {
		FINETUNE, SCRATCH, LINEAR_PROBE;

		public static Mode parse(String s) {
			try {
				return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("Unknown mode '" + s + "': use finetune, scratch or linear-probe");
			}
		}
	}

	public FineTuneSettings {
		if (mode == null) throw new IllegalArgumentException("mode is required");
		backbone = Backbones.canonicalName(backbone);
		if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
		if (batchSize < 2) throw new IllegalArgumentException("batch size must be >= 2, got " + batchSize);
		if (!(learningRate > 0) || Double.isInfinite(learningRate)) throw new IllegalArgumentException(
			"learning rate must be > 0, got " + learningRate);
		milestones = List.copyOf(milestones);
		for (int i = 0; i < milestones.size(); i++) {
			if (milestones.get(i) < 1 || i > 0 && milestones.get(i) <= milestones.get(i - 1))
				throw new IllegalArgumentException("milestones must be increasing epochs >= 1, got " + milestones);
		}
		if (!(gamma > 0 && gamma <= 1)) throw new IllegalArgumentException("gamma must be in (0, 1], got " + gamma);
		if (momentum < 0 || momentum >= 1) throw new IllegalArgumentException("momentum must be in [0, 1), got " +
			momentum);
		if (weightDecay < 0) throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
		if (labelSmoothing < 0 || labelSmoothing >= 1) throw new IllegalArgumentException(
			"label smoothing must be in [0, 1), got " + labelSmoothing);
		if (rotateDegrees < 0 || rotateDegrees > 180) throw new IllegalArgumentException(
			"rotation must be in 0..180 degrees, got " + rotateDegrees);
		if (!(noise >= 0 && noise <= 1)) throw new IllegalArgumentException("noise must be in [0, 1], got " + noise);
		if (preprocess == null) throw new IllegalArgumentException("preprocessing settings are required");
		if (loaderThreads < 1) throw new IllegalArgumentException("loader threads must be >= 1, got " + loaderThreads);
		if (device == null) device = "auto";
		if (!(notInstanceFraction >= 0 && notInstanceFraction <= 1)) throw new IllegalArgumentException(
			"not-instance fraction must be in [0, 1], got " + notInstanceFraction);
		if (!(notInstanceWeight >= 0) || Double.isInfinite(notInstanceWeight)) throw new IllegalArgumentException(
			"not-instance weight must be >= 0, got " + notInstanceWeight);
		if (twoChromosomePairRule && notInstanceFraction == 0) throw new IllegalArgumentException("The " +
			"two-chromosome pair rule labels not-instance clusters; it needs a not-instance fraction above 0");
		// null: settings written before degradation existed
		if (degradation == null) degradation = Degradation.NONE;
	}

	/** The paper's fine-tuning: 15 epochs, batch 16, lr 0.01 ×0.1 at epochs 8 and 12, label smoothing 0.1. */
	public static FineTuneSettings defaults() {
		return new FineTuneSettings(Mode.FINETUNE, "resnet18", 15, 16, 0.01, List.of(8, 12), 0.1, 0.9, 1e-4, 0.1,
			180, 0.05, PreprocessSettings.paper(), 42, "auto", 2, 0, 1, false, Degradation.NONE);
	}

	public FineTuneSettings withMode(Mode m) {
		return new FineTuneSettings(m, backbone, epochs, batchSize, learningRate, milestones, gamma, momentum,
			weightDecay, labelSmoothing, rotateDegrees, noise, preprocess, seed, device, loaderThreads,
			notInstanceFraction, notInstanceWeight, twoChromosomePairRule, degradation);
	}

	public FineTuneSettings withBackbone(String b) {
		return new FineTuneSettings(mode, b, epochs, batchSize, learningRate, milestones, gamma, momentum,
			weightDecay, labelSmoothing, rotateDegrees, noise, preprocess, seed, device, loaderThreads,
			notInstanceFraction, notInstanceWeight, twoChromosomePairRule, degradation);
	}

	/** Sets the epochs; milestones beyond the new length are dropped. */
	public FineTuneSettings withEpochs(int e) {
		return new FineTuneSettings(mode, backbone, e, batchSize, learningRate,
			milestones.stream().filter(m -> m < e).toList(), gamma, momentum, weightDecay, labelSmoothing,
			rotateDegrees, noise, preprocess, seed, device, loaderThreads,
			notInstanceFraction, notInstanceWeight, twoChromosomePairRule, degradation);
	}

	/** Sets the epochs after which the learning rate is multiplied by {@code gamma}. */
	public FineTuneSettings withMilestones(List<Integer> m) {
		return new FineTuneSettings(mode, backbone, epochs, batchSize, learningRate, m, gamma, momentum,
			weightDecay, labelSmoothing, rotateDegrees, noise, preprocess, seed, device, loaderThreads,
			notInstanceFraction, notInstanceWeight, twoChromosomePairRule, degradation);
	}

	public FineTuneSettings withBatchSize(int b) {
		return new FineTuneSettings(mode, backbone, epochs, b, learningRate, milestones, gamma, momentum,
			weightDecay, labelSmoothing, rotateDegrees, noise, preprocess, seed, device, loaderThreads,
			notInstanceFraction, notInstanceWeight, twoChromosomePairRule, degradation);
	}

	public FineTuneSettings withLearningRate(double lr) {
		return new FineTuneSettings(mode, backbone, epochs, batchSize, lr, milestones, gamma, momentum,
			weightDecay, labelSmoothing, rotateDegrees, noise, preprocess, seed, device, loaderThreads,
			notInstanceFraction, notInstanceWeight, twoChromosomePairRule, degradation);
	}

	public FineTuneSettings withPreprocess(PreprocessSettings p) {
		return new FineTuneSettings(mode, backbone, epochs, batchSize, learningRate, milestones, gamma, momentum,
			weightDecay, labelSmoothing, rotateDegrees, noise, p, seed, device, loaderThreads,
			notInstanceFraction, notInstanceWeight, twoChromosomePairRule, degradation);
	}

	public FineTuneSettings withSeed(long s) {
		return new FineTuneSettings(mode, backbone, epochs, batchSize, learningRate, milestones, gamma, momentum,
			weightDecay, labelSmoothing, rotateDegrees, noise, preprocess, s, device, loaderThreads,
			notInstanceFraction, notInstanceWeight, twoChromosomePairRule, degradation);
	}

	public FineTuneSettings withDevice(String d) {
		return new FineTuneSettings(mode, backbone, epochs, batchSize, learningRate, milestones, gamma, momentum,
			weightDecay, labelSmoothing, rotateDegrees, noise, preprocess, seed, d, loaderThreads,
			notInstanceFraction, notInstanceWeight, twoChromosomePairRule, degradation);
	}

	/** Real clusters of unknown type per batch (fraction of the batch) and the weight of their loss. */
	public FineTuneSettings withNotInstance(double fraction, double weight) {
		return new FineTuneSettings(mode, backbone, epochs, batchSize, learningRate, milestones, gamma, momentum,
			weightDecay, labelSmoothing, rotateDegrees, noise, preprocess, seed, device, loaderThreads, fraction, weight,
			twoChromosomePairRule, degradation);
	}

	/** With or without the two-chromosome pair rule for not-instance clusters. */
	public FineTuneSettings withPairRule(boolean on) {
		return new FineTuneSettings(mode, backbone, epochs, batchSize, learningRate, milestones, gamma, momentum,
			weightDecay, labelSmoothing, rotateDegrees, noise, preprocess, seed, device, loaderThreads,
			notInstanceFraction, notInstanceWeight, on, degradation);
	}

	/** With random changes of scale, focus and stain density of the labelled training images. */
	public FineTuneSettings withDegradation(Degradation d) {
		return new FineTuneSettings(mode, backbone, epochs, batchSize, learningRate, milestones, gamma, momentum,
			weightDecay, labelSmoothing, rotateDegrees, noise, preprocess, seed, device, loaderThreads,
			notInstanceFraction, notInstanceWeight, twoChromosomePairRule, d);
	}

	/** The step decay: the base rate multiplied by {@code gamma} at each milestone epoch. */
	public io.github.supcam.pretrain.LearningRateSchedule schedule() {
		return new io.github.supcam.pretrain.LearningRateSchedule.StepDecay(learningRate, gamma, milestones);
	}
}
