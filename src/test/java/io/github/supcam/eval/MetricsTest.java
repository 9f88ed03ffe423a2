package io.github.supcam.eval;

import io.github.supcam.util.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {

	/** Asserts a percentage to two decimals, as reports print it. */
	static void assertPct(String expected, double actual) {
		assertEquals(expected, Metrics.format(actual));
	}

	static void assertClass(ClassMetrics c, String precision, String sensitivity, String specificity, String f1) {
		assertPct(precision, c.precision());
		assertPct(sensitivity, c.sensitivity());
		assertPct(specificity, c.specificity());
		assertPct(f1, c.f1());
	}

	/**
	 * Two classes, 100 samples: true a → 40 a, 10 b; true b → 5 a, 45 b.
	 * accuracy = 85/100 = 85.00.
	 * a: TP 40, FP 5, FN 10, TN 45 → P 40/45 = 88.89, R 40/50 = 80.00, S 45/50 = 90.00, F1 80/95 = 84.21.
	 * b: TP 45, FP 10, FN 5, TN 40 → P 45/55 = 81.82, R 45/50 = 90.00, S 40/50 = 80.00, F1 90/105 = 85.71.
	 * macro: P (88.889 + 81.818)/2 = 85.35, R 85.00, S 85.00, F1 (84.211 + 85.714)/2 = 84.96.
	 */
	@Test
	void twoByTwoMatchesHandComputedValues() {
		List<Integer> truth = new ArrayList<>(), pred = new ArrayList<>();
		addPairs(truth, pred, 0, 0, 40);
		addPairs(truth, pred, 0, 1, 10);
		addPairs(truth, pred, 1, 0, 5);
		addPairs(truth, pred, 1, 1, 45);
		Metrics m = Metrics.of(ConfusionMatrix.of(List.of("a", "b"),
			truth.stream().mapToInt(Integer::intValue).toArray(), pred.stream().mapToInt(Integer::intValue).toArray()));
		assertEquals(100, m.total());
		assertEquals(85, m.correct());
		assertPct("85.00", m.accuracy());
		assertClass(m.perClass().get(0), "88.89", "80.00", "90.00", "84.21");
		assertClass(m.perClass().get(1), "81.82", "90.00", "80.00", "85.71");
		assertPct("85.35", m.macroPrecision());
		assertPct("85.00", m.macroSensitivity());
		assertPct("85.00", m.macroSpecificity());
		assertPct("84.96", m.macroF1());
		assertArrayEquals(new double[] {80, 20}, m.rowPercentages()[0], 1e-12);
		assertArrayEquals(new double[] {10, 90}, m.rowPercentages()[1], 1e-12);
		assertTrue(m.warnings().isEmpty());
	}

	private static void addPairs(List<Integer> truth, List<Integer> pred, int t, int p, int times) {
		for (int i = 0; i < times; i++) {
			truth.add(t);
			pred.add(p);
		}
	}

	/** The four cluster types, 200 samples, rows true I, T, O, TO; column sums 55, 50, 37, 58. */
	static ConfusionMatrix fourByFour() {
		return ConfusionMatrix.ofCounts(new ConfusionMatrix().classNames(), new long[][] {
			{50, 3, 1, 1},
			{4, 40, 2, 4},
			{0, 2, 30, 3},
			{1, 5, 4, 50}});
	}

	/**
	 * accuracy = (50 + 40 + 30 + 50)/200 = 85.00.
	 * I:  TP 50, FP 5, FN 5,  TN 140 → P 50/55 = 90.91, R 50/55 = 90.91, S 140/145 = 96.55, F1 100/110 = 90.91.
	 * T:  TP 40, FP 10, FN 10, TN 140 → P 40/50 = 80.00, R 40/50 = 80.00, S 140/150 = 93.33, F1 80/100 = 80.00.
	 * O:  TP 30, FP 7, FN 5,  TN 158 → P 30/37 = 81.08, R 30/35 = 85.71, S 158/165 = 95.76, F1 60/72 = 83.33.
	 * TO: TP 50, FP 8, FN 10, TN 132 → P 50/58 = 86.21, R 50/60 = 83.33, S 132/140 = 94.29, F1 100/118 = 84.75.
	 * macro P = (90.909 + 80 + 81.081 + 86.207)/4 = 84.55; R = (90.909 + 80 + 85.714 + 83.333)/4 = 84.99;
	 * S = (96.552 + 93.333 + 95.758 + 94.286)/4 = 94.98; F1 = (90.909 + 80 + 83.333 + 84.746)/4 = 84.75.
	 */
	@Test
	void fourByFourMatchesHandComputedValues() {
		Metrics m = Metrics.of(fourByFour());
		assertPct("85.00", m.accuracy());
		assertClass(m.perClass().get(0), "90.91", "90.91", "96.55", "90.91");
		assertClass(m.perClass().get(1), "80.00", "80.00", "93.33", "80.00");
		assertClass(m.perClass().get(2), "81.08", "85.71", "95.76", "83.33");
		assertClass(m.perClass().get(3), "86.21", "83.33", "94.29", "84.75");
		assertPct("84.55", m.macroPrecision());
		assertPct("84.99", m.macroSensitivity());
		assertPct("94.98", m.macroSpecificity());
		assertPct("84.75", m.macroF1());
		assertEquals(35, m.perClass().get(2).support());
		assertEquals(37, m.perClass().get(2).predicted());
		// Row of 'instance': 50/55, 3/55, 1/55, 1/55.
		assertPct("90.91", m.rowPercentages()[0][0]);
		assertPct("5.45", m.rowPercentages()[0][1]);
		assertPct("1.82", m.rowPercentages()[0][3]);
		assertTrue(m.warnings().isEmpty());
	}

	/**
	 * Class z is never predicted. Counts x: [5, 1, 0], y: [2, 4, 0], z: [1, 1, 0]; accuracy 9/14 = 64.29.
	 * x: TP 5, FP 3, FN 1, TN 5 → P 62.50, R 83.33, S 62.50, F1 10/14 = 71.43.
	 * y: TP 4, FP 2, FN 2, TN 6 → P 66.67, R 66.67, S 75.00, F1 8/12 = 66.67.
	 * z: TP 0, FP 0, FN 2, TN 12 → P 0/0 → 0 (warning), R 0.00, S 100.00, F1 0/2 = 0.00.
	 * macro P 43.06, R 50.00, S 79.17, F1 46.03.
	 */
	@Test
	void neverPredictedClassHasPrecisionZeroWithAWarning() {
		Metrics m = Metrics.of(ConfusionMatrix.ofCounts(List.of("x", "y", "z"),
			new long[][] {{5, 1, 0}, {2, 4, 0}, {1, 1, 0}}));
		assertPct("64.29", m.accuracy());
		assertClass(m.perClass().get(0), "62.50", "83.33", "62.50", "71.43");
		assertClass(m.perClass().get(1), "66.67", "66.67", "75.00", "66.67");
		assertClass(m.perClass().get(2), "0.00", "0.00", "100.00", "0.00");
		assertPct("43.06", m.macroPrecision());
		assertPct("50.00", m.macroSensitivity());
		assertPct("79.17", m.macroSpecificity());
		assertPct("46.03", m.macroF1());
		assertEquals(List.of("class 'z' was never predicted: precision set to 0"), m.warnings());
	}

	@Test
	void absentClassGivesZerosAndWarningsButNoNaNAnywhere() {
		// Class z has neither true samples nor predictions: precision, sensitivity and F1 are all 0/0.
		Metrics m = Metrics.of(ConfusionMatrix.ofCounts(List.of("x", "y", "z"),
			new long[][] {{5, 1, 0}, {2, 4, 0}, {0, 0, 0}}));
		assertEquals(List.of("class 'z' was never predicted: precision set to 0",
			"class 'z' has no true samples: sensitivity set to 0"), m.warnings());
		assertClass(m.perClass().get(2), "0.00", "0.00", "100.00", "0.00");
		String json = Json.toJson(new MetricsReport("t", m, null));
		assertFalse(json.contains("NaN"), json);
		assertFalse(json.contains("Infinity"), json);
	}

	@Test
	void singleClassDataHasUndefinedSpecificityReportedAsZero() {
		Metrics m = Metrics.of(ConfusionMatrix.ofCounts(List.of("x", "y"), new long[][] {{3, 1}, {0, 0}}));
		assertPct("0.00", m.perClass().get(0).specificity());
		assertTrue(m.warnings().contains("every sample belongs to class 'x': specificity set to 0"), m.warnings()
			.toString());
	}

	@Test
	void emptyMatrixIsRejected() {
		assertThrows(IllegalArgumentException.class, () -> Metrics.of(new ConfusionMatrix()));
	}
}
