package io.github.supcam.compose;

import io.github.supcam.image.Polarity;
import io.github.supcam.util.Json;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompositionSettingsTest {
	@Test
	void defaultsFollowThePaper() {
		CompositionSettings s = CompositionSettings.defaults();
		assertEquals(LabelTable.MIDDLE, s.table());
		assertEquals(Combine.EQUAL, s.combine());
		assertEquals(200, s.intersectionThreshold());
		assertEquals(230, s.foregroundThreshold());
		assertEquals(255, s.backgroundValue());
		assertEquals(Polarity.DARK_ON_LIGHT, s.polarity());
		assertEquals(10, s.maxAttempts());
		assertTrue(s.requireContact());
		assertEquals(224, s.size());
	}

	@Test
	void roundTripsThroughJson() {
		CompositionSettings s = CompositionSettings.defaults().withTable(LabelTable.HEAVY).withCombine(Combine.BETA)
			.withPolarity(Polarity.LIGHT_ON_DARK, 10).withRequireContact(false);
		assertEquals(35, s.foregroundThreshold());
		assertEquals(s, Json.fromJson(Json.toJson(s), CompositionSettings.class));
	}

	@Test
	void rejectsInconsistentValues() {
		CompositionSettings d = CompositionSettings.defaults();
		assertMessage("makes the background value 200 foreground", () -> d.withPolarity(Polarity.DARK_ON_LIGHT, 200)
			.withForegroundThreshold(201));
		assertMessage("0..255", () -> d.withForegroundThreshold(300));
		assertMessage("no value foreground", () -> d.withForegroundThreshold(0));
		assertMessage("Max attempts", () -> d.withMaxAttempts(0));
		assertMessage("Intersection threshold", () -> d.withIntersectionThreshold(-1));
		assertMessage("Canvas size", () -> d.withSize(1));
		assertMessage("table", () -> d.withTable(null));
		assertMessage("makes the background value 40 foreground for LIGHT_ON_DARK", () -> new CompositionSettings(
			LabelTable.MIDDLE, Combine.EQUAL, 200, 25, Polarity.LIGHT_ON_DARK, 40, 10, true, 224, false));
	}

	private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
		IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
		assertTrue(ex.getMessage().contains(part), ex.getMessage());
	}
}
