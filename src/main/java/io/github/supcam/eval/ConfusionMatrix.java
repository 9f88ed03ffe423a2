package io.github.supcam.eval;

import io.github.supcam.dataset.ClusterType;

import java.util.Arrays;
import java.util.List;

/**
 * Counts of (true class, predicted class) pairs: rows are the true class, columns the predicted class. Class names
 * default to the four {@link ClusterType}s in ordinal order, but any list of names may be used.
 */
public final class ConfusionMatrix {
	private final List<String> classNames;
	private final long[][] counts;

	/** An empty matrix over the four cluster types. */
	public ConfusionMatrix() {
		this(Arrays.stream(ClusterType.values()).map(ClusterType::folderName).toList());
	}

	/** An empty matrix over the given class names (index = class index). */
	public ConfusionMatrix(List<String> classNames) {
		if (classNames == null || classNames.isEmpty()) throw new IllegalArgumentException(
			"A confusion matrix needs at least one class name");
		if (classNames.stream().distinct().count() != classNames.size()) throw new IllegalArgumentException(
			"Class names must be distinct: " + classNames);
		this.classNames = List.copyOf(classNames);
		this.counts = new long[classNames.size()][classNames.size()];
	}

	/** A matrix over the four cluster types from paired true and predicted class indices. */
	public static ConfusionMatrix of(int[] truth, int[] predicted) {
		return new ConfusionMatrix().addAll(truth, predicted);
	}

	/** A matrix over the given class names from paired true and predicted class indices. */
	public static ConfusionMatrix of(List<String> classNames, int[] truth, int[] predicted) {
		return new ConfusionMatrix(classNames).addAll(truth, predicted);
	}

	/** A matrix from a square table of counts (rows true, columns predicted); the table is copied. */
	public static ConfusionMatrix ofCounts(List<String> classNames, long[][] counts) {
		ConfusionMatrix m = new ConfusionMatrix(classNames);
		if (counts.length != m.size()) throw new IllegalArgumentException("Count table has " + counts.length +
			" rows for " + m.size() + " classes");
		for (int t = 0; t < counts.length; t++) {
			if (counts[t].length != m.size()) throw new IllegalArgumentException("Count table row " + t + " has " +
				counts[t].length + " columns for " + m.size() + " classes");
			for (int p = 0; p < counts[t].length; p++) {
				if (counts[t][p] < 0) throw new IllegalArgumentException("Negative count " + counts[t][p] +
					" at row " + t + ", column " + p);
				m.counts[t][p] = counts[t][p];
			}
		}
		return m;
	}

	/** Counts one sample. */
	public ConfusionMatrix add(int truth, int predicted) {
		counts[checkIndex(truth, "true")][checkIndex(predicted, "predicted")]++;
		return this;
	}

	/** Counts one sample of the four cluster types. */
	public ConfusionMatrix add(ClusterType truth, ClusterType predicted) {
		return add(truth.ordinal(), predicted.ordinal());
	}

	/** Counts paired samples. */
	public ConfusionMatrix addAll(int[] truth, int[] predicted) {
		if (truth.length != predicted.length) throw new IllegalArgumentException("Got " + truth.length +
			" true labels but " + predicted.length + " predictions");
		for (int i = 0; i < truth.length; i++) add(truth[i], predicted[i]);
		return this;
	}

	private int checkIndex(int c, String what) {
		if (c < 0 || c >= size()) throw new IllegalArgumentException("The " + what + " class index " + c +
			" is out of range 0.." + (size() - 1) + " " + classNames);
		return c;
	}

	public int size() {
		return classNames.size();
	}

	public List<String> classNames() {
		return classNames;
	}

	/** Number of samples of true class {@code truth} predicted as {@code predicted}. */
	public long count(int truth, int predicted) {
		return counts[truth][predicted];
	}

	/** A copy of the count table, rows true, columns predicted. */
	public long[][] counts() {
		return Arrays.stream(counts).map(long[]::clone).toArray(long[][]::new);
	}

	public long total() {
		return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
	}

	/** Number of correctly classified samples (the diagonal). */
	public long correct() {
		long s = 0;
		for (int c = 0; c < size(); c++) s += counts[c][c];
		return s;
	}

	/** Number of samples whose true class is {@code c} (its support). */
	public long trueCount(int c) {
		return Arrays.stream(counts[c]).sum();
	}

	/** Number of samples predicted as class {@code c}. */
	public long predictedCount(int c) {
		long s = 0;
		for (long[] row : counts) s += row[c];
		return s;
	}

	/**
	 * Each count as a percentage of its row (its true class), the numbers printed in the paper's confusion-matrix
	 * figure; a row without samples is all zeros.
	 */
	public double[][] rowPercentages() {
		double[][] pct = new double[size()][size()];
		for (int t = 0; t < size(); t++) {
			long n = trueCount(t);
			for (int p = 0; p < size() && n > 0; p++) pct[t][p] = 100.0 * counts[t][p] / n;
		}
		return pct;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof ConfusionMatrix m && classNames.equals(m.classNames) && Arrays.deepEquals(counts, m.counts);
	}

	@Override
	public int hashCode() {
		return 31 * classNames.hashCode() + Arrays.deepHashCode(counts);
	}

	@Override
	public String toString() {
		return "ConfusionMatrix" + classNames + Arrays.deepToString(counts);
	}
}
