package io.github.supcam.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The classification metrics of SupCAM §3.2, computed from one confusion matrix. All scores are percentages
 * (0..100) kept at full precision; reports print them with two decimals ({@link #format}).
 * <p>
 * Precision, sensitivity (recall), specificity and F1 are macro averages: the unweighted mean over classes of
 * the one-vs-rest per-class values, as in the paper's tables. Macro-F1 is the mean of the per-class F1 scores
 * (not the harmonic mean of macro precision and macro sensitivity). An undefined ratio (0/0) never becomes NaN:
 * it is set to 0 and, except for F1, a message is added to {@link #warnings()}.
 *
 * @param classNames class names, index = class index
 * @param counts confusion-matrix counts, rows true class, columns predicted class
 * @param rowPercentages each count as a percentage of its row
 * @param total number of samples
 * @param correct number of correctly classified samples
 * @param accuracy correct / total
 * @param macroPrecision mean per-class precision
 * @param macroSensitivity mean per-class sensitivity (recall)
 * @param macroSpecificity mean per-class specificity
 * @param macroF1 mean per-class F1
 * @param perClass per-class values, in class-index order
 * @param warnings why some per-class value was set to 0
 */
public record Metrics(List<String> classNames, long[][] counts, double[][] rowPercentages, long total, long correct,
	double accuracy, double macroPrecision, double macroSensitivity, double macroSpecificity, double macroF1,
	List<ClassMetrics> perClass, List<String> warnings) {

	public Metrics {
		classNames = List.copyOf(classNames);
		perClass = List.copyOf(perClass);
		warnings = List.copyOf(warnings);
		counts = Arrays.stream(counts).map(long[]::clone).toArray(long[][]::new);
		rowPercentages = Arrays.stream(rowPercentages).map(double[]::clone).toArray(double[][]::new);
	}

	/**
	 * Computes the metrics of a confusion matrix.
	 *
	 * @throws IllegalArgumentException if the matrix holds no sample
	 */
	public static Metrics of(ConfusionMatrix cm) {
		long total = cm.total();
		if (total == 0) throw new IllegalArgumentException("The confusion matrix holds no sample; nothing to evaluate");
		int n = cm.size();
		List<ClassMetrics> perClass = new ArrayList<>(n);
		List<String> warnings = new ArrayList<>();
		double sumP = 0, sumR = 0, sumS = 0, sumF = 0;
		for (int c = 0; c < n; c++) {
			String name = cm.classNames().get(c);
			long tp = cm.count(c, c);
			long fp = cm.predictedCount(c) - tp;
			long fn = cm.trueCount(c) - tp;
			long tn = total - tp - fp - fn;
			double p = ratio(tp, tp + fp, warnings, "class '" + name + "' was never predicted: precision set to 0");
			double r = ratio(tp, tp + fn, warnings, "class '" + name + "' has no true samples: sensitivity set to 0");
			double s = ratio(tn, tn + fp, warnings,
				"every sample belongs to class '" + name + "': specificity set to 0");
			double f = ratio(2 * tp, 2 * tp + fp + fn, null, null);
			perClass.add(new ClassMetrics(name, tp + fn, tp + fp, tp, p, r, s, f));
			sumP += p;
			sumR += r;
			sumS += s;
			sumF += f;
		}
		return new Metrics(cm.classNames(), cm.counts(), cm.rowPercentages(), total, cm.correct(),
			100.0 * cm.correct() / total, sumP / n, sumR / n, sumS / n, sumF / n, perClass, warnings);
	}

	/** 100 * num / den, or 0 with an optional warning when den is 0. */
	private static double ratio(long num, long den, List<String> warnings, String warning) {
		if (den > 0) return 100.0 * num / den;
		if (warnings != null) warnings.add(warning);
		return 0;
	}

	/** The confusion matrix these metrics were computed from. */
	public ConfusionMatrix confusionMatrix() {
		return ConfusionMatrix.ofCounts(classNames, counts);
	}

	/** A value with two decimals and a '.' decimal point, e.g. {@code 97.35}. */
	public static String format(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	@Override
	public long[][] counts() {
		return Arrays.stream(counts).map(long[]::clone).toArray(long[][]::new);
	}

	@Override
	public double[][] rowPercentages() {
		return Arrays.stream(rowPercentages).map(double[]::clone).toArray(double[][]::new);
	}

	// Records compare arrays by identity; metrics read back from JSON must equal the originals.
	@Override
	public boolean equals(Object o) {
		return o instanceof Metrics m && classNames.equals(m.classNames) && Arrays.deepEquals(counts, m.counts) &&
			Arrays.deepEquals(rowPercentages, m.rowPercentages) && total == m.total && correct == m.correct &&
			Double.compare(accuracy, m.accuracy) == 0 && Double.compare(macroPrecision, m.macroPrecision) == 0 &&
			Double.compare(macroSensitivity, m.macroSensitivity) == 0 &&
			Double.compare(macroSpecificity, m.macroSpecificity) == 0 && Double.compare(macroF1, m.macroF1) == 0 &&
			perClass.equals(m.perClass) && warnings.equals(m.warnings);
	}

	@Override
	public int hashCode() {
		return Objects.hash(classNames, Arrays.deepHashCode(counts), total, correct, accuracy, macroF1, perClass);
	}

	@Override
	public String toString() {
		return "Metrics[accuracy=" + format(accuracy) + ", precision=" + format(macroPrecision) + ", sensitivity=" +
			format(macroSensitivity) + ", specificity=" + format(macroSpecificity) + ", F1=" + format(macroF1) + "]";
	}
}
