package io.github.supcam.eval;

/**
 * Settings of the percentile-bootstrap confidence interval on accuracy.
 *
 * @param resamples number of bootstrap resamples (at least 100)
 * @param level confidence level, strictly between 0 and 1 (0.95 for a 95% interval)
 * @param seed seed of the resampling generator; the same seed gives the same interval
 */
public record BootstrapSettings(int resamples, double level, long seed) {

	public BootstrapSettings {
		if (resamples < 100) throw new IllegalArgumentException("Bootstrap resamples must be at least 100, got " +
			resamples);
		if (!(level > 0 && level < 1)) throw new IllegalArgumentException(
			"Confidence level must be strictly between 0 and 1 (e.g. 0.95), got " + level);
	}

	/** 2000 resamples, 95% level, seed 42. */
	public static BootstrapSettings defaults() {
		return new BootstrapSettings(2000, 0.95, 42);
	}

	public BootstrapSettings withResamples(int resamples) {
		return new BootstrapSettings(resamples, level, seed);
	}

	public BootstrapSettings withLevel(double level) {
		return new BootstrapSettings(resamples, level, seed);
	}

	public BootstrapSettings withSeed(long seed) {
		return new BootstrapSettings(resamples, level, seed);
	}
}
