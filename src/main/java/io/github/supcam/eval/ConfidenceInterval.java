package io.github.supcam.eval;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.math.BigDecimal;

/**
 * A confidence interval on a percentage.
 *
 * @param estimate the value measured on the full test set
 * @param lower lower bound
 * @param upper upper bound
 * @param level confidence level, e.g. 0.95
 * @param resamples bootstrap resamples it was computed from
 * @param seed seed of the resampling
 * @param method how it was computed
 */
public record ConfidenceInterval(double estimate, double lower, double upper, double level, int resamples,
	long seed, String method) {

	/**
	 * Percentile-bootstrap interval on the accuracy of one test set: the samples are drawn with replacement
	 * {@code resamples} times, and the interval spans the central {@code level} fraction of the resampled
	 * accuracies. Only whether each sample is correct matters, so the matrix's total and diagonal suffice.
	 *
	 * @throws IllegalArgumentException if the matrix holds no sample
	 */
	public static ConfidenceInterval bootstrapAccuracy(ConfusionMatrix cm, BootstrapSettings settings) {
		long total = cm.total();
		if (total == 0) throw new IllegalArgumentException("The confusion matrix holds no sample; no interval");
		if (total > Integer.MAX_VALUE) throw new IllegalArgumentException("Too many samples to bootstrap: " + total);
		int n = (int) total;
		long correct = cm.correct();
		RandomGenerator rng = new Well19937c(settings.seed());
		double[] accuracies = new double[settings.resamples()];
		for (int b = 0; b < accuracies.length; b++) {
			int hits = 0;
			// Samples 0..correct-1 are the correct ones; drawing an index picks a sample with replacement.
			for (int i = 0; i < n; i++) if (rng.nextInt(n) < correct) hits++;
			accuracies[b] = 100.0 * hits / n;
		}
		double tail = 50 * (1 - settings.level());
		Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
		percentile.setData(accuracies);
		return new ConfidenceInterval(100.0 * correct / n, percentile.evaluate(tail), percentile.evaluate(100 - tail),
			settings.level(), settings.resamples(), settings.seed(), "percentile bootstrap");
	}

	/** E.g. {@code 95% CI [93.10, 97.40]}. */
	public String format() {
		String percent = new BigDecimal(Metrics.format(100 * level)).stripTrailingZeros().toPlainString();
		return percent + "% CI [" + Metrics.format(lower) + ", " + Metrics.format(upper) + "]";
	}
}
