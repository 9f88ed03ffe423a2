package io.github.supcam.pretrain;

import io.github.supcam.compose.CompositionSettings;
import io.github.supcam.image.Degradation;
import io.github.supcam.model.PreprocessSettings;
import io.github.supcam.nn.Backbones;

/**
 * Every setting of SupCAM's pretraining step (paper §2.1.1, §3.3), with the paper's values as defaults. Written
 * into the encoder package, so a run can be audited and repeated.
 *
 * @param backbone backbone name (see {@link Backbones#create})
 * @param epochs training epochs (paper: 200)
 * @param batchSize primaries per step (paper: 32)
 * @param learningRate base learning rate (paper: 0.03)
 * @param warmupEpochs linear warm-up epochs before cosine annealing (paper: 20); must be below {@code epochs}
 * @param momentum SGD momentum (0.9)
 * @param weightDecay SGD weight decay (1e-4)
 * @param cropScaleMin smallest area fraction RandomResizedCrop keeps
 * @param noise largest standard deviation of the Gaussian noise added to every view (input units; 0: none)
 * @param useComposition add the category-variant composed view x_g (off: MoCo-style views only)
 * @param loss loss, queue and key-encoder settings
 * @param composition category-variant composition settings
 * @param preprocess how images become network input
 * @param seed seed of every random choice
 * @param device {@code auto}, {@code cpu} or {@code gpu}
 * @param loaderThreads threads preparing batches in the background while the network computes
 * @param degradation random changes of scale, focus and stain density made to an image before each of its two views
 *   is cut, each view its own ({@link Degradation#NONE}: none, the paper)
 */
public record PretrainSettings(String backbone, int epochs, int batchSize, double learningRate, int warmupEpochs,
	double momentum, double weightDecay, double cropScaleMin, double noise, boolean useComposition, PretrainLossSettings loss,
	CompositionSettings composition, PreprocessSettings preprocess, long seed, String device, int loaderThreads,
	Degradation degradation)
{
	public PretrainSettings {
		backbone = Backbones.canonicalName(backbone);
		if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
		if (batchSize < 2) throw new IllegalArgumentException("batch size must be >= 2, got " + batchSize);
		if (!(learningRate > 0) || Double.isInfinite(learningRate)) throw new IllegalArgumentException(
			"learning rate must be > 0, got " + learningRate);
		if (warmupEpochs < 0 || warmupEpochs >= epochs) throw new IllegalArgumentException("warm-up epochs must be in 0.." +
			(epochs - 1) + " (below the number of epochs), got " + warmupEpochs);
		if (momentum < 0 || momentum >= 1) throw new IllegalArgumentException("momentum must be in [0, 1), got " +
			momentum);
		if (weightDecay < 0) throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
		if (!(cropScaleMin > 0 && cropScaleMin <= 1)) throw new IllegalArgumentException(
			"crop scale must be in (0, 1], got " + cropScaleMin);
		if (!(noise >= 0 && noise <= 1)) throw new IllegalArgumentException("noise must be in [0, 1], got " + noise);
		if (loss == null || composition == null || preprocess == null) throw new IllegalArgumentException(
			"loss, composition and preprocessing settings are required");
		if (loaderThreads < 1) throw new IllegalArgumentException("loader threads must be >= 1, got " + loaderThreads);
		if (device == null) device = "auto";
		// null: settings written before degradation existed
		if (degradation == null) degradation = Degradation.NONE;
	}

	/** The paper's settings: ResNet-18, 200 epochs, batch 32, lr 0.03 with 20 warm-up epochs, 224-pixel input. */
	public static PretrainSettings defaults() {
		return new PretrainSettings("resnet18", 200, 32, 0.03, 20, 0.9, 1e-4, 0.2, 0.05, true,
			PretrainLossSettings.defaults(), CompositionSettings.defaults(), PreprocessSettings.paper(), 42, "auto", 2,
			Degradation.NONE);
	}

	public PretrainSettings withBackbone(String b) {
		return new PretrainSettings(b, epochs, batchSize, learningRate, warmupEpochs, momentum, weightDecay,
			cropScaleMin, noise, useComposition, loss, composition, preprocess, seed, device, loaderThreads,
			degradation);
	}

	/** Sets the epochs with the paper's share of warm-up epochs (20 of 200: a tenth). */
	public PretrainSettings withEpochs(int e) {
		return new PretrainSettings(backbone, e, batchSize, learningRate, (int) Math.round(e * 0.1), momentum,
			weightDecay, cropScaleMin, noise, useComposition, loss, composition, preprocess, seed, device, loaderThreads,
			degradation);
	}

	public PretrainSettings withBatchSize(int b) {
		return new PretrainSettings(backbone, epochs, b, learningRate, warmupEpochs, momentum, weightDecay,
			cropScaleMin, noise, useComposition, loss, composition, preprocess, seed, device, loaderThreads,
			degradation);
	}

	public PretrainSettings withLearningRate(double lr) {
		return new PretrainSettings(backbone, epochs, batchSize, lr, warmupEpochs, momentum, weightDecay, cropScaleMin, noise,
			useComposition, loss, composition, preprocess, seed, device, loaderThreads, degradation);
	}

	public PretrainSettings withUseComposition(boolean c) {
		return new PretrainSettings(backbone, epochs, batchSize, learningRate, warmupEpochs, momentum, weightDecay,
			cropScaleMin, noise, c, loss, composition, preprocess, seed, device, loaderThreads, degradation);
	}

	public PretrainSettings withLoss(PretrainLossSettings l) {
		return new PretrainSettings(backbone, epochs, batchSize, learningRate, warmupEpochs, momentum, weightDecay,
			cropScaleMin, noise, useComposition, l, composition, preprocess, seed, device, loaderThreads, degradation);
	}

	public PretrainSettings withComposition(CompositionSettings c) {
		return new PretrainSettings(backbone, epochs, batchSize, learningRate, warmupEpochs, momentum, weightDecay,
			cropScaleMin, noise, useComposition, loss, c, preprocess, seed, device, loaderThreads, degradation);
	}

	public PretrainSettings withPreprocess(PreprocessSettings p) {
		return new PretrainSettings(backbone, epochs, batchSize, learningRate, warmupEpochs, momentum, weightDecay,
			cropScaleMin, noise, useComposition, loss, composition, p, seed, device, loaderThreads, degradation);
	}

	public PretrainSettings withSeed(long s) {
		return new PretrainSettings(backbone, epochs, batchSize, learningRate, warmupEpochs, momentum, weightDecay,
			cropScaleMin, noise, useComposition, loss, composition, preprocess, s, device, loaderThreads, degradation);
	}

	public PretrainSettings withDevice(String d) {
		return new PretrainSettings(backbone, epochs, batchSize, learningRate, warmupEpochs, momentum, weightDecay,
			cropScaleMin, noise, useComposition, loss, composition, preprocess, seed, d, loaderThreads, degradation);
	}

	public LearningRateSchedule schedule() {
		return new LearningRateSchedule.WarmupCosine(learningRate, warmupEpochs, epochs);
	}

	/** With random changes of scale, focus and stain density before each view. */
	public PretrainSettings withDegradation(Degradation d) {
		return new PretrainSettings(backbone, epochs, batchSize, learningRate, warmupEpochs, momentum, weightDecay,
			cropScaleMin, noise, useComposition, loss, composition, preprocess, seed, device, loaderThreads, d);
	}
}
