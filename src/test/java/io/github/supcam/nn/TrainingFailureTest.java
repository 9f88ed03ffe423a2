package io.github.supcam.nn;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TrainingFailureTest {
	@Test
	void outOfMemorySuggestsSmallerBatchOrImage() {
		for (Throwable oom : new Throwable[] { new OutOfMemoryError("Java heap space"),
			new EngineException("CUDA out of memory. Tried to allocate 2.00 GiB"),
			new EngineException("[enforce fail at alloc_cpu.cpp:117] DefaultCPUAllocator: can't allocate memory") }) {
			RuntimeException e = TrainingFailure.translate(oom, 32, 224);
			assertInstanceOf(TrainingFailure.class, e);
			assertTrue(e.getMessage().contains("--batch") && e.getMessage().contains("--image-size") &&
				e.getMessage().contains("32") && e.getMessage().contains("224"), e.getMessage());
			assertSame(oom, e.getCause());
		}
		IllegalStateException other = new IllegalStateException("something else");
		assertSame(other, TrainingFailure.translate(other, 32, 224));
	}

	@Test
	void nonFiniteLossStopsWithAdvice() {
		try (NDManager m = NDManager.newBaseManager()) {
			assertEquals(1.5f, TrainingFailure.requireFinite(m.create(1.5f), 0, 0, "x"));
			TrainingFailure f = assertThrows(TrainingFailure.class,
				() -> TrainingFailure.requireFinite(m.create(Float.NaN), 2, 4, "a smaller margin"));
			assertEquals("The loss became NaN at epoch 3, step 5: training diverged. Try a smaller margin.",
				f.getMessage());
		}
	}
}
