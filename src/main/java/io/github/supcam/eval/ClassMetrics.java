package io.github.supcam.eval;

/**
 * One class's one-vs-rest counts and scores; scores are percentages (0..100).
 *
 * @param name the class name
 * @param support number of samples whose true class is this one
 * @param predicted number of samples predicted as this class
 * @param truePositives samples of this class predicted as this class
 * @param precision TP / (TP + FP); 0 (with a warning) when the class was never predicted
 * @param sensitivity recall, TP / (TP + FN); 0 (with a warning) when the class has no true samples
 * @param specificity TN / (TN + FP); 0 (with a warning) when every sample belongs to this class
 * @param f1 2TP / (2TP + FP + FN), the harmonic mean of precision and sensitivity; 0 when 0/0
 */
public record ClassMetrics(String name, long support, long predicted, long truePositives, double precision,
	double sensitivity, double specificity, double f1) {}
