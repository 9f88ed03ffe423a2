package io.github.supcam.synth;

import io.github.supcam.image.Polarity;
import io.github.supcam.synth.SynthSettings.Range;
import io.github.supcam.util.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynthSettingsTest {
	private static String message(Runnable r) {
		return assertThrows(IllegalArgumentException.class, r::run).getMessage();
	}

	@Test
	void reversedRangeNamesTheSetting() {
		String m = message(() -> SynthSettings.defaults().withWidthPx(Range.of(20, 5)));
		assertTrue(m.contains("widthPx") && m.contains("min is larger than max"), m);
	}

	@Test
	void outOfBoundsRangeNamesTheLimits() {
		String m = message(() -> SynthSettings.defaults().withNoiseSigma(Range.of(-1, 3)));
		assertTrue(m.contains("noiseSigma") && m.contains("[0.0, 50.0]"), m);
		m = message(() -> SynthSettings.defaults().withNoiseSigma(Range.of(0, Double.NaN)));
		assertTrue(m.contains("noiseSigma") && m.contains("finite"), m);
	}

	@Test
	void otherFieldsAreChecked() {
		assertTrue(message(() -> SynthSettings.defaults().withMaxAttempts(0)).contains("maxAttempts"));
		assertTrue(message(() -> SynthSettings.defaults().withPolarity(null)).contains("polarity"));
		assertTrue(message(() -> SynthSettings.defaults().withWidthPx(null)).contains("widthPx is missing"));
	}

	@Test
	void defaultsRoundTripThroughJson() {
		SynthSettings s = SynthSettings.defaults().withPolarity(Polarity.LIGHT_ON_DARK);
		assertEquals(s, Json.fromJson(Json.toJson(s), SynthSettings.class));
	}

	@Test
	void aSingleValueRangeAlwaysDrawsThatValue() {
		var rng = new org.apache.commons.math3.random.Well19937c(1);
		assertEquals(7.5, Range.of(7.5, 7.5).draw(rng));
	}
}
