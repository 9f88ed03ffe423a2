package io.github.supcam.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfidenceIntervalTest {

	/** n samples of which 85% are correct, in a 2-class matrix. */
	private static ConfusionMatrix eightyFivePercentOf(int n) {
		long right = Math.round(0.85 * n);
		return ConfusionMatrix.ofCounts(List.of("a", "b"), new long[][] {{right, n - right}, {0, 0}});
	}

	@Test
	void intervalContainsAccuracyAndLiesWithinPercentRange() {
		ConfidenceInterval ci = ConfidenceInterval.bootstrapAccuracy(eightyFivePercentOf(200),
			BootstrapSettings.defaults());
		assertEquals(85.0, ci.estimate(), 1e-12);
		assertTrue(ci.lower() < 85 && ci.upper() > 85, ci.format());
		assertTrue(ci.lower() >= 0 && ci.upper() <= 100, ci.format());
		// Normal approximation: 1.96 * sqrt(0.85 * 0.15 / 200) = 4.95 points on each side.
		assertEquals(85 - 4.95, ci.lower(), 1.0);
		assertEquals(85 + 4.95, ci.upper(), 1.0);
		assertEquals(0.95, ci.level());
		assertEquals(2000, ci.resamples());
	}

	@Test
	void intervalNarrowsWithMoreSamples() {
		BootstrapSettings s = BootstrapSettings.defaults();
		ConfidenceInterval small = ConfidenceInterval.bootstrapAccuracy(eightyFivePercentOf(40), s);
		ConfidenceInterval large = ConfidenceInterval.bootstrapAccuracy(eightyFivePercentOf(4000), s);
		assertTrue(large.upper() - large.lower() < (small.upper() - small.lower()) / 5,
			small.format() + " vs " + large.format());
	}

	@Test
	void sameSeedGivesSameIntervalAndOtherSeedAnother() {
		ConfusionMatrix cm = eightyFivePercentOf(97);
		BootstrapSettings s = BootstrapSettings.defaults().withSeed(7);
		assertEquals(ConfidenceInterval.bootstrapAccuracy(cm, s), ConfidenceInterval.bootstrapAccuracy(cm, s));
		assertNotEquals(ConfidenceInterval.bootstrapAccuracy(cm, s),
			ConfidenceInterval.bootstrapAccuracy(cm, s.withSeed(8)));
	}

	@Test
	void perfectAccuracyHasADegenerateInterval() {
		ConfidenceInterval ci = ConfidenceInterval.bootstrapAccuracy(ConfusionMatrix.ofCounts(List.of("a", "b"),
			new long[][] {{5, 0}, {0, 5}}), BootstrapSettings.defaults().withResamples(200));
		assertEquals(100.0, ci.lower());
		assertEquals(100.0, ci.upper());
		assertEquals("95% CI [100.00, 100.00]", ci.format());
	}

	@Test
	void settingsAreValidated() {
		assertThrows(IllegalArgumentException.class, () -> BootstrapSettings.defaults().withLevel(1));
		assertThrows(IllegalArgumentException.class, () -> BootstrapSettings.defaults().withResamples(10));
	}
}
