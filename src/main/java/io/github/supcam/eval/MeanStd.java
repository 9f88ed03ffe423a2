package io.github.supcam.eval;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Mean and sample standard deviation of one metric over repeated runs.
 *
 * @param mean the mean
 * @param std the sample standard deviation (n - 1 denominator; 0 for a single run)
 * @param n number of runs
 */
public record MeanStd(double mean, double std, int n) {

	public static MeanStd of(double... values) {
		if (values.length == 0) throw new IllegalArgumentException("No values to summarise");
		DescriptiveStatistics stats = new DescriptiveStatistics(values);
		return new MeanStd(stats.getMean(), stats.getStandardDeviation(), values.length);
	}

	/** E.g. {@code 97.12 ± 0.53}. */
	public String format() {
		return Metrics.format(mean) + " ± " + Metrics.format(std);
	}
}
