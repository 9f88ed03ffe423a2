package io.github.supcam.dataset;

/**
 * The fractions of each class that go to the train, validation and test parts.
 *
 * @param train fraction for training, &gt; 0
 * @param val fraction for validation (early stopping / model choice), &ge; 0
 * @param test fraction held out for testing, &ge; 0
 */
public record SplitFractions(double train, double val, double test) {
	/** 60/10/30, the SupCAM paper's ablation setting. */
	public static final SplitFractions PAPER_ABLATION = new SplitFractions(0.6, 0.1, 0.3);
	/** 80/10/10, the paper's comparison setting (the split of Lin et al.). */
	public static final SplitFractions LIN_COMPARISON = new SplitFractions(0.8, 0.1, 0.1);

	public SplitFractions {
		if (!(train > 0) || !(val >= 0) || !(test >= 0) || Double.isInfinite(train + val + test))
			throw new IllegalArgumentException("Split fractions must be finite, train > 0, val and test >= 0; got " +
				train + "/" + val + "/" + test);
		if (Math.abs(train + val + test - 1) > 1e-9) throw new IllegalArgumentException("Split fractions " + train +
			"/" + val + "/" + test + " must add up to 1");
	}

	/** The paper's ablation setting, 60/10/30. */
	public static SplitFractions defaults() {
		return PAPER_ABLATION;
	}

	/** The fraction of a part. */
	public double of(Split part) {
		switch (part) {
			case TRAIN: return train;
			case VAL: return val;
			default: return test;
		}
	}

	/**
	 * Parses {@code 60/10/30}, {@code 0.8,0.1,0.1} or {@code 80:10:10}: three numbers separated by '/', ',' or ':'.
	 * Percentages (a sum near 100) are divided by 100.
	 */
	public static SplitFractions parse(String text) {
		String[] parts = text == null ? new String[0] : text.trim().split("\\s*[/,:]\\s*");
		if (parts.length != 3) throw new IllegalArgumentException("Bad split '" + text +
			"': expected train/val/test, e.g. 60/10/30 or 0.8,0.1,0.1");
		double[] f = new double[3];
		try {
			for (int i = 0; i < 3; i++) f[i] = Double.parseDouble(parts[i]);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("Bad split '" + text + "': " + e.getMessage());
		}
		double sum = f[0] + f[1] + f[2];
		double unit = Math.abs(sum - 100) < 1e-6 ? 100 : 1;
		return new SplitFractions(f[0] / unit, f[1] / unit, f[2] / unit);
	}

	@Override
	public String toString() {
		return train + "/" + val + "/" + test;
	}
}
