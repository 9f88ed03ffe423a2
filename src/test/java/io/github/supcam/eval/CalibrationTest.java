package io.github.supcam.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.supcam.model.Inference;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CalibrationTest {
	/** Logits of an over-confident model: labels are drawn from softmax(logits / trueT). */
	static double[][] logits(int n, long seed) {
		SplittableRandom rng = new SplittableRandom(seed);
		double[][] z = new double[n][4];
		for (double[] row : z) for (int c = 0; c < 4; c++) row[c] = 4 * rng.nextGaussian();
		return z;
	}

	static int[] labelsAt(double[][] z, double trueT, long seed) {
		SplittableRandom rng = new SplittableRandom(seed);
		int[] y = new int[z.length];
		for (int i = 0; i < z.length; i++) {
			double[] p = Inference.softmax(z[i], trueT);
			double u = rng.nextDouble(), acc = 0;
			int c = 0;
			while (c < p.length - 1 && (acc += p[c]) < u) c++;
			y[i] = c;
		}
		return y;
	}

	@Test
	void fitRecoversTheTemperatureTheLabelsWereDrawnWith() {
		for (double trueT : new double[] { 0.7, 2.5 }) {
			double[][] z = logits(20000, 3);
			int[] y = labelsAt(z, trueT, 5);
			double t = Calibration.fitTemperature(z, y);
			assertEquals(trueT, t, 0.05 * trueT, "fitted " + t);
			double best = Calibration.nll(z, y, t);
			assertTrue(best < Calibration.nll(z, y, t * 1.1) && best < Calibration.nll(z, y, t / 1.1));
			assertTrue(best < Calibration.nll(z, y, 1.0));
		}
	}

	@Test
	void calibratingAnOverconfidentModelLowersEceAndKeepsAccuracy() {
		double[][] z = logits(5000, 8);
		int[] y = labelsAt(z, 3, 9);
		double t = Calibration.fitTemperature(z, y);
		Calibration.Measures before = Calibration.Measures.of(z, y, 1, 15, 0.5);
		Calibration.Measures after = Calibration.Measures.of(z, y, t, 15, 0.5);
		assertEquals(before.accuracy(), after.accuracy(), 0.0);
		assertTrue(before.ece() > 0.1, "over-confident by construction: " + before.ece());
		assertTrue(after.ece() < 0.03, "after " + after.ece());
		assertTrue(after.split().below() > before.split().below(), "softer probabilities flag more");
	}

	@Test
	void eceAndConfidenceSplitMatchAHandComputation() {
		double[][] p = {
			{ 0.9, 0.05, 0.05 }, // conf 0.90, right, bin (0.8, 1.0]
			{ 0.75, 0.15, 0.1 }, // conf 0.75, wrong, bin (0.6, 0.8]
			{ 0.2, 0.5, 0.3 }, // conf 0.50, right, bin (0.4, 0.6]
			{ 0.45, 0.35, 0.2 } }; // conf 0.45, wrong, bin (0.4, 0.6]
		int[] y = { 0, 1, 1, 2 };
		List<Calibration.Bin> bins = Calibration.reliability(p, y, 5);
		assertEquals(List.of(0, 0, 2, 1, 1), bins.stream().map(Calibration.Bin::count).toList());
		assertEquals(0.475, bins.get(2).meanConfidence(), 1e-12);
		assertEquals(0.5, bins.get(2).accuracy(), 1e-12);
		// (1 * |1 - 0.9| + 1 * |0 - 0.75| + 2 * |0.5 - 0.475|) / 4
		assertEquals(0.225, Calibration.ece(bins), 1e-12);
		// With 15 bins every sample has its own bin: (0.1 + 0.75 + 0.5 + 0.45) / 4.
		assertEquals(0.45, Calibration.ece(Calibration.reliability(p, y, 15)), 1e-12);

		Calibration.ConfidenceSplit s = Calibration.ConfidenceSplit.of(p, y, 0.5);
		assertEquals(3, s.above());
		assertEquals(2.0 / 3, s.accuracyAbove(), 1e-12);
		assertEquals(1, s.below());
		assertEquals(0.0, s.accuracyBelow(), 0.0);
		assertTrue(Double.isNaN(Calibration.ConfidenceSplit.of(p, y, 0.0).accuracyBelow()));
	}

	@Test
	void badInputIsRefusedWithTheReason() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Calibration.fitTemperature(new double[0][],
			new int[0])).getMessage().contains("no sample"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Calibration.fitTemperature(
			new double[][] { { 1, 2 } }, new int[] { 2 })).getMessage().contains("label 2"));
	}
}
