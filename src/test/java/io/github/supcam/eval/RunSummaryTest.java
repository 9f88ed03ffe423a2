package io.github.supcam.eval;

import io.github.supcam.util.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.supcam.eval.MetricsTest.assertPct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RunSummaryTest {

	private static Metrics run(long[][] counts) {
		return Metrics.of(ConfusionMatrix.ofCounts(List.of("a", "b"), counts));
	}

	/**
	 * Three runs of 20 samples with accuracies 80, 85 and 95:
	 * mean 86.667; deviations -6.667, -1.667, 8.333; squares 44.444 + 2.778 + 69.444 = 116.667; / (3 - 1) = 58.333;
	 * sample std sqrt(58.333) = 7.64.
	 * Macro precision: run 1 (8/10 + 8/10)/2 = 80; run 2 (9/11 + 8/9)/2 = 85.354; run 3 (10/11 + 9/9)/2 = 95.455;
	 * mean 86.94; squares 48.11 + 2.50 + 72.57 = 123.18; / 2 = 61.59; std 7.85.
	 */
	@Test
	void meanAndSampleStdMatchHandValues() {
		RunSummary s = RunSummary.of(List.of(run(new long[][] {{8, 2}, {2, 8}}), run(new long[][] {{9, 1}, {2, 8}}),
			run(new long[][] {{10, 0}, {1, 9}})));
		assertEquals(3, s.accuracy().n());
		assertPct("86.67", s.accuracy().mean());
		assertPct("7.64", s.accuracy().std());
		assertEquals("86.67 ± 7.64", s.accuracy().format());
		assertPct("86.94", s.macroPrecision().mean());
		assertPct("7.85", s.macroPrecision().std());
		// Class a's precision: 80, 81.82, 90.91 → mean 84.24.
		assertPct("84.24", s.perClass().get(0).precision().mean());
	}

	@Test
	void jsonRoundTrip() {
		RunSummary s = RunSummary.of(List.of(run(new long[][] {{8, 2}, {2, 8}}), run(new long[][] {{9, 1}, {2, 8}})));
		assertEquals(s, Json.fromJson(Json.toJson(s), RunSummary.class));
	}

	@Test
	void singleRunHasZeroStd() {
		RunSummary s = RunSummary.of(List.of(run(new long[][] {{8, 2}, {2, 8}})));
		assertPct("80.00", s.accuracy().mean());
		assertEquals(0.0, s.accuracy().std());
	}

	@Test
	void runsOverDifferentClassesAreRejected() {
		Metrics other = Metrics.of(ConfusionMatrix.ofCounts(List.of("a", "c"), new long[][] {{1, 0}, {0, 1}}));
		assertThrows(IllegalArgumentException.class, () -> RunSummary.of(List.of(run(new long[][] {{1, 0}, {0, 1}}),
			other)));
		assertThrows(IllegalArgumentException.class, () -> RunSummary.of(List.of()));
	}
}
