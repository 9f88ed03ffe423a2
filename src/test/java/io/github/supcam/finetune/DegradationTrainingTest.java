package io.github.supcam.finetune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.supcam.TinyTraining;
import io.github.supcam.dataset.SplitFractions;
import io.github.supcam.image.Degradation;
import io.github.supcam.model.ModelPackage;
import io.github.supcam.pretrain.PretrainJob;
import io.github.supcam.pretrain.PretrainSettings;
import io.github.supcam.util.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fine-tuning and pretraining with {@link Degradation}: seeded, and recorded in the package. */
class DegradationTrainingTest {
	@Test
	void degradationChangesTrainingReproduciblyAndIsWrittenWithTheModel(@TempDir Path tmp) throws Exception {
		Path data = TinyTraining.dataset(tmp.resolve("data"), 6, 2);
		FineTuneSettings plain = TinyTraining.finetune().withMode(FineTuneSettings.Mode.SCRATCH).withEpochs(1);
		FineTuneSettings degraded = plain.withDegradation(Degradation.robustness(1));
		byte[] a = train(data, plain, tmp.resolve("plain"));
		byte[] b = train(data, degraded, tmp.resolve("degraded"));
		byte[] c = train(data, degraded, tmp.resolve("again"));
		assertFalse(Arrays.equals(a, b), "degraded inputs reach the training");
		assertArrayEquals(b, c, "the same seed gives the same weights");
		var recorded = ModelPackage.open(tmp.resolve("degraded")).info().training().getAsJsonObject()
			.getAsJsonObject("degradation");
		assertEquals(1.0, recorded.get("probability").getAsDouble());
		assertEquals(0.5, recorded.get("minScale").getAsDouble());
		assertNotEquals(recorded, ModelPackage.open(tmp.resolve("plain")).info().training().getAsJsonObject()
			.getAsJsonObject("degradation"));
	}

	@Test
	void pretrainingDegradesEachViewReproducibly(@TempDir Path tmp) throws Exception {
		Path data = TinyTraining.dataset(tmp.resolve("data"), 6, 2);
		PretrainSettings plain = TinyTraining.pretrain();
		PretrainSettings degraded = plain.withDegradation(Degradation.robustness(0.5));
		byte[] a = pretrain(data, plain, tmp.resolve("plain"));
		byte[] b = pretrain(data, degraded, tmp.resolve("degraded"));
		assertFalse(Arrays.equals(a, b), "degraded views reach the pretraining");
		assertArrayEquals(b, pretrain(data, degraded, tmp.resolve("again")), "the same seed gives the same weights");
		assertEquals(0.5, ModelPackage.open(tmp.resolve("degraded")).info().training().getAsJsonObject()
			.getAsJsonObject("degradation").get("probability").getAsDouble());
	}

	private static byte[] pretrain(Path data, PretrainSettings s, Path out) throws Exception {
		PretrainJob.run(data, null, SplitFractions.PAPER_ABLATION, s, out, false, Progress.NONE, m -> {});
		return Files.readAllBytes(out.resolve(ModelPackage.WEIGHTS));
	}

	private static byte[] train(Path data, FineTuneSettings s, Path out) throws Exception {
		FineTuneJob.run(data, null, null, SplitFractions.PAPER_ABLATION, s, out, false, Progress.NONE, m -> {});
		return Files.readAllBytes(out.resolve(ModelPackage.WEIGHTS));
	}
}
