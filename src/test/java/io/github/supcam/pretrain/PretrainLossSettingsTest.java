package io.github.supcam.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.supcam.pretrain.PretrainLossSettings.LossType;
import io.github.supcam.pretrain.PretrainLossSettings.MarginKind;
import io.github.supcam.util.Json;

import org.junit.jupiter.api.Test;

class PretrainLossSettingsTest {
	@Test
	void defaultsAreThePapers() {
		PretrainLossSettings s = PretrainLossSettings.defaults();
		assertEquals(0.07, s.temperature());
		assertEquals(0.2, s.margin());
		assertTrue(s.marginEnabled());
		assertEquals(LossType.SUPCON, s.lossType());
		assertEquals(MarginKind.SELF, s.marginKind());
		assertEquals(1024, s.queueSize());
		assertEquals(128, s.embeddingDim());
		assertEquals(0.999, s.keyMomentum());
		assertTrue(s.warnings().isEmpty());
	}

	@Test
	void jsonRoundTrip() {
		PretrainLossSettings s = PretrainLossSettings.defaults().withLossType(LossType.INFONCE)
			.withMarginKind(MarginKind.CLUSTER).withQueueSize(64).withTemperature(0.2);
		assertEquals(s, Json.fromJson(Json.toJson(s), PretrainLossSettings.class));
	}

	@Test
	void validation() {
		PretrainLossSettings s = PretrainLossSettings.defaults();
		assertThrows(IllegalArgumentException.class, () -> s.withTemperature(0));
		assertThrows(IllegalArgumentException.class, () -> s.withTemperature(Double.NaN));
		assertThrows(IllegalArgumentException.class, () -> s.withMargin(-0.1));
		assertThrows(IllegalArgumentException.class, () -> s.withMargin(Math.PI / 2));
		assertThrows(IllegalArgumentException.class, () -> s.withLossType(null));
		assertThrows(IllegalArgumentException.class, () -> s.withQueueSize(0));
		assertThrows(IllegalArgumentException.class, () -> s.withKeyMomentum(1));
		// Gson wraps the constructor's exception; an incomplete file is refused, not filled with nulls
		RuntimeException partial = assertThrows(RuntimeException.class, () -> Json.fromJson(
			"{\"temperature\": 0.07}", PretrainLossSettings.class));
		assertTrue(partial.getCause() instanceof IllegalArgumentException);
	}

	@Test
	void warnsAtTheDivergingMargin() {
		PretrainLossSettings s = PretrainLossSettings.defaults().withMargin(0.5);
		assertEquals(1, s.warnings().size());
		assertTrue(s.warnings().get(0).contains("diverge"));
		assertTrue(s.withMarginEnabled(false).warnings().isEmpty());
	}
}
