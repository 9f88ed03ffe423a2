package io.github.supcam.eval;

import io.github.supcam.model.Inference;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Temperature scaling (Guo et al. 2017) and the measures that judge it: one temperature T for all classes, chosen
 * to minimise the negative log-likelihood of softmax(logits / T) on held-out data. T changes how sure the model
 * says it is, never which class it picks, so accuracy is unchanged.
 */
public final class Calibration {
	private Calibration() {}

	/** Equal-width confidence bins of the expected calibration error, as in Guo et al. */
	public static final int DEFAULT_BINS = 15;
	/** The fitted temperature is searched in [MIN_T, MAX_T]; beyond it a model is broken, not miscalibrated. */
	public static final double MIN_T = 0.05;
	public static final double MAX_T = 20;

	/**
	 * The temperature minimising the mean NLL of {@code labels} under softmax(logits / T). The NLL is convex in
	 * 1/T, hence unimodal in log T, so Brent's method on log T finds its minimum.
	 *
	 * @throws IllegalArgumentException if there is no sample or a label is not a class index
	 */
	public static double fitTemperature(double[][] logits, int[] labels) {
		check(logits, labels);
		BrentOptimizer brent = new BrentOptimizer(1e-10, 1e-12);
		double logT = brent.optimize(new MaxEval(500), GoalType.MINIMIZE,
			new UnivariateObjectiveFunction(u -> nll(logits, labels, Math.exp(u))),
			new SearchInterval(Math.log(MIN_T), Math.log(MAX_T), 0)).getPoint();
		return Math.exp(logT);
	}

	/** Mean negative log-likelihood of the labels under softmax(logits / T). */
	public static double nll(double[][] logits, int[] labels, double temperature) {
		check(logits, labels);
		double sum = 0;
		for (int i = 0; i < logits.length; i++) {
			double max = Double.NEGATIVE_INFINITY;
			for (double z : logits[i]) max = Math.max(max, z / temperature);
			double lse = 0;
			for (double z : logits[i]) lse += Math.exp(z / temperature - max);
			sum += max + Math.log(lse) - logits[i][labels[i]] / temperature;
		}
		return sum / logits.length;
	}

	/** softmax(logits / T) of every row. */
	public static double[][] probabilities(double[][] logits, double temperature) {
		double[][] p = new double[logits.length][];
		for (int i = 0; i < p.length; i++) p[i] = Inference.softmax(logits[i], temperature);
		return p;
	}

	/**
	 * One confidence bin (lower, upper] of the reliability diagram.
	 *
	 * @param count predictions whose top probability falls in the bin
	 * @param meanConfidence their mean top probability (NaN if empty)
	 * @param accuracy the fraction of them that is right (NaN if empty)
	 */
	public record Bin(double lower, double upper, int count, double meanConfidence, double accuracy) {}

	/** Top-label confidences binned into {@code bins} equal-width bins over (0, 1]. */
	public static List<Bin> reliability(double[][] probabilities, int[] labels, int bins) {
		check(probabilities, labels);
		if (bins < 1) throw new IllegalArgumentException("bins must be >= 1, got " + bins);
		int[] n = new int[bins];
		int[] right = new int[bins];
		double[] conf = new double[bins];
		for (int i = 0; i < probabilities.length; i++) {
			int top = Inference.argmax(probabilities[i]);
			double c = probabilities[i][top];
			int b = Math.min(bins - 1, Math.max(0, (int) Math.ceil(c * bins) - 1));
			n[b]++;
			conf[b] += c;
			if (top == labels[i]) right[b]++;
		}
		List<Bin> out = new ArrayList<>(bins);
		for (int b = 0; b < bins; b++) out.add(new Bin((double) b / bins, (double) (b + 1) / bins, n[b],
			n[b] == 0 ? Double.NaN : conf[b] / n[b], n[b] == 0 ? Double.NaN : (double) right[b] / n[b]));
		return out;
	}

	/** Expected calibration error: the count-weighted mean of |accuracy - mean confidence| over the bins. */
	public static double ece(List<Bin> bins) {
		long total = bins.stream().mapToLong(Bin::count).sum();
		if (total == 0) throw new IllegalArgumentException("no prediction in any bin");
		double e = 0;
		for (Bin b : bins) if (b.count() > 0) e += (double) b.count() / total * Math.abs(b.accuracy() -
			b.meanConfidence());
		return e;
	}

	/**
	 * Accuracy of the predictions at or above the low-confidence threshold (trusted) and below it (flagged).
	 *
	 * @param accuracyAbove NaN if no prediction is trusted
	 * @param accuracyBelow NaN if none is flagged
	 */
	public record ConfidenceSplit(double threshold, int above, double accuracyAbove, int below, double accuracyBelow) {
		public static ConfidenceSplit of(double[][] probabilities, int[] labels, double threshold) {
			check(probabilities, labels);
			int above = 0, rightAbove = 0, below = 0, rightBelow = 0;
			for (int i = 0; i < probabilities.length; i++) {
				int top = Inference.argmax(probabilities[i]);
				boolean right = top == labels[i];
				if (probabilities[i][top] < threshold) {
					below++;
					if (right) rightBelow++;
				} else {
					above++;
					if (right) rightAbove++;
				}
			}
			return new ConfidenceSplit(threshold, above, above == 0 ? Double.NaN : (double) rightAbove / above,
				below, below == 0 ? Double.NaN : (double) rightBelow / below);
		}
	}

	/**
	 * How well the probabilities at one temperature are calibrated.
	 *
	 * @param temperature the temperature the probabilities were computed at
	 * @param ece expected calibration error over {@code bins.size()} bins
	 * @param nll mean negative log-likelihood
	 * @param accuracy top-1 accuracy (the same at every temperature)
	 * @param split accuracy above and below the low-confidence threshold
	 * @param bins the reliability diagram
	 */
	public record Measures(double temperature, double ece, double nll, double accuracy, ConfidenceSplit split,
		List<Bin> bins)
	{
		public Measures {
			bins = List.copyOf(bins);
		}

		public static Measures of(double[][] logits, int[] labels, double temperature, int bins,
			double lowConfidence)
		{
			double[][] p = probabilities(logits, temperature);
			List<Bin> diagram = reliability(p, labels, bins);
			int right = 0;
			for (int i = 0; i < p.length; i++) if (Inference.argmax(p[i]) == labels[i]) right++;
			return new Measures(temperature, Calibration.ece(diagram), Calibration.nll(logits, labels, temperature),
				(double) right / p.length, ConfidenceSplit.of(p, labels, lowConfidence), diagram);
		}
	}

	private static void check(double[][] rows, int[] labels) {
		if (rows.length == 0) throw new IllegalArgumentException("no sample to calibrate on");
		if (rows.length != labels.length) throw new IllegalArgumentException(rows.length + " predictions but " +
			labels.length + " labels");
		for (int i = 0; i < rows.length; i++) {
			if (labels[i] < 0 || labels[i] >= rows[i].length) throw new IllegalArgumentException("label " +
				labels[i] + " of sample " + i + " is not one of the " + rows[i].length + " classes");
		}
	}
}
