package io.github.supcam.finetune;

import io.github.supcam.TinyTraining;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.nn.TrainingFailure;
import io.github.supcam.pretrain.PretrainJob;
import io.github.supcam.util.AtomicFiles;
import io.github.supcam.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Training refuses data it cannot learn from, and stops with advice when the loss diverges. */
class TrainingFailuresTest {
	@Test
	void aSingleClassIsRefusedBeforeTraining(@TempDir Path tmp) throws Exception {
		Path data = TinyTraining.dataset(tmp.resolve("data"), 4, 1);
		for (ClusterType t : List.of(ClusterType.TOUCHING, ClusterType.OVERLAPPING, ClusterType.TOUCHING_OVERLAPPING))
			AtomicFiles.deleteRecursively(data.resolve(t.folderName()));
		var e = assertThrows(IllegalArgumentException.class, () -> PretrainJob.run(data, null, null,
			TinyTraining.pretrain(), tmp.resolve("out"), false, Progress.NONE, m -> {}));
		assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
		assertFalse(Files.exists(tmp.resolve("out")));
	}

	@Test
	void divergenceStopsWithAdvice(@TempDir Path tmp) throws Exception {
		Path data = TinyTraining.dataset(tmp.resolve("data"), 6, 1);
		FineTuneSettings s = TinyTraining.finetune().withMode(FineTuneSettings.Mode.SCRATCH).withLearningRate(1e30);
		var e = assertThrows(TrainingFailure.class, () -> FineTuneJob.run(data, null, null,
			io.github.supcam.dataset.SplitFractions.PAPER_ABLATION, s, tmp.resolve("out"), false, Progress.NONE,
			m -> {}));
		assertTrue(e.getMessage().contains("diverged") && e.getMessage().contains("learning rate"), e.getMessage());
		assertFalse(Files.exists(tmp.resolve("out")), "no model is written for a diverged run");
	}
}
