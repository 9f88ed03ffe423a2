package io.github.supcam.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Hand-computed rates: 200 epochs of 10 steps, so warm-up is steps 0–199 and the cosine spans 1800 steps. */
class LearningRateScheduleTest {
	private final LearningRateSchedule pre = PretrainSettings.defaults().schedule();

	@Test
	void warmUpRisesLinearlyToTheBaseRate() {
		assertEquals(0.03 / 200, pre.lr(0, 0, 10), 1e-15);
		assertEquals(0.015, pre.lr(9, 9, 10), 1e-15);
		assertEquals(0.03, pre.lr(19, 9, 10), 1e-15);
	}

	@Test
	void cosineAnnealsToZeroByTheEnd() {
		assertEquals(0.03, pre.lr(20, 0, 10), 1e-15);
		// a quarter of the way: 0.015·(1 + √½)
		assertEquals(0.0256066017177982, pre.lr(65, 0, 10), 1e-12);
		assertEquals(0.015, pre.lr(110, 0, 10), 1e-15);
		// last step, 1799/1800 of the cosine: 0.015·(1 − cos(π/1800)) ≈ 2.28e-8
		double last = pre.lr(199, 9, 10);
		assertEquals(2.2846e-8, last, 1e-12);
		assertTrue(last > 0);
		assertThrows(IllegalArgumentException.class, () -> pre.lr(200, 0, 10));
		assertThrows(IllegalArgumentException.class, () -> pre.lr(5, 10, 10));
	}

	@Test
	void fineTuningStepsDownAtEpochs8And12() {
		LearningRateSchedule ft = io.github.supcam.finetune.FineTuneSettings.defaults().schedule();
		assertEquals(0.01, ft.lr(0, 0, 5), 1e-15);
		assertEquals(0.01, ft.lr(7, 4, 5), 1e-15);
		assertEquals(0.001, ft.lr(8, 0, 5), 1e-15);
		assertEquals(0.001, ft.lr(11, 4, 5), 1e-15);
		assertEquals(0.0001, ft.lr(12, 0, 5), 1e-15);
		assertEquals(0.0001, ft.lr(40, 2, 5), 1e-15);
	}

	@Test
	void rejectsBadSchedules() {
		assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule.WarmupCosine(0.03, 20, 20));
		assertThrows(IllegalArgumentException.class,
			() -> new LearningRateSchedule.StepDecay(0.01, 0.1, List.of(12, 8)));
		assertThrows(IllegalArgumentException.class,
			() -> new LearningRateSchedule.WarmupCosine(0, 0, 10));
	}
}
