package io.github.supcam.fiji;

import ij.ImagePlus;
import io.github.supcam.TinyTraining;
import io.github.supcam.model.ModelInfo;
import io.github.supcam.model.ModelPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Pretrain and Fine-tune run headless in a SciJava Context through the CommandService. */
class TrainingCommandsTest extends HeadlessFiji {
	@Test
	void pretrainThenFineTune(@TempDir Path tmp) throws Exception {
		Path data = TinyTraining.dataset(tmp.resolve("data"), 6, 2);
		Path encoder = tmp.resolve("encoder");
		CommandModule pre = commands.run(PretrainCommand.class, true, "data", data.toFile(), "output",
			encoder.toFile(), "backbone", "resnet18-narrow-8", "epochs", 1, "batch", 8, "imageSize", 32, "device",
			"cpu", "degrade", 0.5).get();
		assertFalse(pre.isCanceled(), pre.getCancelReason());
		assertEquals(ModelInfo.ENCODER, ModelPackage.open(encoder).info().kind());
		assertNotNull(pre.getOutput("lossPlot"), "the loss plot is drawn after each epoch");
		assertEquals(0.5, ModelPackage.open(encoder).info().training().getAsJsonObject().getAsJsonObject("degradation")
			.get("probability").getAsDouble(), "the degraded share reaches the settings written with the encoder");

		Path clf = tmp.resolve("classifier");
		CommandModule ft = commands.run(FineTuneCommand.class, true, "data", data.toFile(), "output", clf.toFile(),
			"pretrained", encoder.toFile(), "epochs", 1, "batch", 8, "device", "cpu", "notInstanceFraction", 0.0,
			"pairRule", false, "degrade", 0.0).get();
		assertFalse(ft.isCanceled(), ft.getCancelReason());
		assertEquals(ModelInfo.CLASSIFIER, ModelPackage.open(clf).info().kind());
		assertTrue(((ImagePlus) ft.getOutput("lossPlot")).getWidth() > 0);

		// A wrong model file: the command is cancelled with a reason naming the problem; nothing is written.
		CommandModule bad = commands.run(FineTuneCommand.class, true, "data", data.toFile(), "output",
			tmp.resolve("x").toFile(), "pretrained", clf.toFile(), "epochs", 1, "device", "cpu", "notInstanceFraction",
			0.0, "pairRule", false, "degrade", 0.0).get();
		assertTrue(bad.isCanceled(), String.valueOf(bad.getCancelReason()));
		assertTrue(bad.getCancelReason().contains("encoder package"), bad.getCancelReason());
		assertFalse(java.nio.file.Files.exists(tmp.resolve("x")));

		// Unknown-type clusters per batch reach the settings: without a not-instance/ folder the run is refused.
		CommandModule none = commands.run(FineTuneCommand.class, true, "data", data.toFile(), "output",
			tmp.resolve("y").toFile(), "pretrained", encoder.toFile(), "epochs", 1, "batch", 8, "device", "cpu",
			"notInstanceFraction", 0.25, "pairRule", false, "degrade", 0.0).get();
		assertTrue(none.isCanceled(), String.valueOf(none.getCancelReason()));
		assertTrue(none.getCancelReason().contains("not-instance"), none.getCancelReason());

		// The pair rule reaches the settings: clusters of unknown type without their chromosome counts are refused.
		Path unknown = java.nio.file.Files.createDirectories(data.resolve("not-instance"));
		try (var files = java.nio.file.Files.list(data.resolve("touching"))) {
			for (Path f : files.toList()) java.nio.file.Files.copy(f, unknown.resolve(f.getFileName()));
		}
		CommandModule counts = commands.run(FineTuneCommand.class, true, "data", data.toFile(), "output",
			tmp.resolve("z").toFile(), "pretrained", encoder.toFile(), "epochs", 1, "batch", 8, "device", "cpu",
			"notInstanceFraction", 0.25, "pairRule", true, "degrade", 0.0).get();
		assertTrue(counts.isCanceled(), String.valueOf(counts.getCancelReason()));
		assertTrue(counts.getCancelReason().contains("chromosomes.csv"), counts.getCancelReason());
	}
}
