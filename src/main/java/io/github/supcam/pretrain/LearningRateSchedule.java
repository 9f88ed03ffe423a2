package io.github.supcam.pretrain;

import java.util.List;

/**
 * Learning rate as a function of training progress. Epochs and steps are 0-based: {@code epoch} in
 * [0, total epochs), {@code stepInEpoch} in [0, stepsPerEpoch).
 */
public interface LearningRateSchedule {
	double lr(int epoch, int stepInEpoch, int stepsPerEpoch);

	/**
	 * Linear warm-up then cosine annealing, updated every step. With s the global step (epoch·stepsPerEpoch +
	 * stepInEpoch), W the warm-up steps and T the total steps: lr = base·(s+1)/W while s &lt; W (so the first step
	 * already moves and the last warm-up step reaches base), then lr = base·½·(1 + cos(π·(s−W)/(T−W))), which
	 * reaches 0 at the end of the last epoch (the last step still gets a tiny positive rate).
	 */
	record WarmupCosine(double baseLr, int warmupEpochs, int totalEpochs) implements LearningRateSchedule {
		public WarmupCosine {
			if (!(baseLr > 0) || Double.isInfinite(baseLr))
				throw new IllegalArgumentException("base learning rate must be finite and > 0, got " + baseLr);
			if (warmupEpochs < 0 || totalEpochs <= warmupEpochs)
				throw new IllegalArgumentException("need 0 <= warm-up epochs < total epochs, got " + warmupEpochs
					+ " and " + totalEpochs);
		}

		@Override
		public double lr(int epoch, int stepInEpoch, int stepsPerEpoch) {
			checkProgress(epoch, stepInEpoch, stepsPerEpoch, totalEpochs);
			long s = (long) epoch * stepsPerEpoch + stepInEpoch;
			long warmup = (long) warmupEpochs * stepsPerEpoch;
			if (s < warmup) return baseLr * (s + 1) / warmup;
			long cosineSteps = (long) totalEpochs * stepsPerEpoch - warmup;
			return baseLr * 0.5 * (1 + Math.cos(Math.PI * (s - warmup) / cosineSteps));
		}
	}

	/**
	 * Piecewise-constant decay per epoch (PyTorch MultiStepLR): lr = base·factor^k, k = number of milestones
	 * &lt;= epoch. With milestones 8 and 12: epochs 0–7 at base, 8–11 at base·factor, 12 on at base·factor².
	 */
	record StepDecay(double baseLr, double factor, List<Integer> milestones) implements LearningRateSchedule {
		public StepDecay {
			if (!(baseLr > 0) || Double.isInfinite(baseLr))
				throw new IllegalArgumentException("base learning rate must be finite and > 0, got " + baseLr);
			if (!(factor > 0 && factor <= 1))
				throw new IllegalArgumentException("decay factor must be in (0, 1], got " + factor);
			milestones = List.copyOf(milestones);
			for (int i = 0; i < milestones.size(); i++)
				if (milestones.get(i) < 1 || i > 0 && milestones.get(i) <= milestones.get(i - 1))
					throw new IllegalArgumentException("milestones must be increasing epochs >= 1, got " + milestones);
		}

		@Override
		public double lr(int epoch, int stepInEpoch, int stepsPerEpoch) {
			checkProgress(epoch, stepInEpoch, stepsPerEpoch, Integer.MAX_VALUE);
			int passed = (int) milestones.stream().filter(m -> m <= epoch).count();
			return baseLr * Math.pow(factor, passed);
		}
	}

	private static void checkProgress(int epoch, int stepInEpoch, int stepsPerEpoch, int totalEpochs) {
		if (stepsPerEpoch < 1 || stepInEpoch < 0 || stepInEpoch >= stepsPerEpoch || epoch < 0 || epoch >= totalEpochs)
			throw new IllegalArgumentException("need 0 <= epoch < " + totalEpochs + " and 0 <= step < steps per epoch"
				+ ", got epoch " + epoch + ", step " + stepInEpoch + " of " + stepsPerEpoch);
	}
}
