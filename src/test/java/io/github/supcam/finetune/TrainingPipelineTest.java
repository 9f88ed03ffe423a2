package io.github.supcam.finetune;

import com.google.gson.JsonObject;
import io.github.supcam.TinyTraining;
import io.github.supcam.cli.SupcamCli;
import io.github.supcam.dataset.DatasetReader;
import io.github.supcam.dataset.ImageCache;
import io.github.supcam.dataset.Split;
import io.github.supcam.dataset.SplitFractions;
import io.github.supcam.dataset.SplitManifest;
import io.github.supcam.dataset.Splitter;
import io.github.supcam.model.ClusterModel;
import io.github.supcam.model.Inference;
import io.github.supcam.model.ModelInfo;
import io.github.supcam.model.ModelPackage;
import io.github.supcam.nn.Backbones;
import io.github.supcam.nn.Blocks;
import io.github.supcam.nn.Checkpoint;
import io.github.supcam.nn.Classifier;
import io.github.supcam.nn.Encoder;
import io.github.supcam.pretrain.PretrainJob;
import io.github.supcam.pretrain.PretrainLossSettings;
import io.github.supcam.pretrain.PretrainSettings;
import io.github.supcam.util.Json;
import io.github.supcam.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/** Pretrains and fine-tunes a tiny network for a few steps, end to end, through the core and the CLI. */
class TrainingPipelineTest {
	@TempDir
	static Path tmp;
	static Path data;
	static Path encoder;

	@BeforeAll
	static void pretrainOnce() throws Exception {
		data = TinyTraining.dataset(tmp.resolve("data"), 8, 5);
		encoder = tmp.resolve("encoder");
		PretrainJob.run(data, null, SplitFractions.PAPER_ABLATION, TinyTraining.pretrain(), encoder, false,
			Progress.NONE, m -> {});
	}

	@Test
	void pretrainingWritesACompleteEncoderPackage() throws Exception {
		ModelPackage p = ModelPackage.open(encoder);
		assertEquals(ModelInfo.ENCODER, p.info().kind());
		assertEquals("resnet18-narrow-8", p.info().backbone());
		assertEquals(16, p.info().embeddingDim());
		for (String f : List.of(ModelPackage.TRAINING_CSV, ModelPackage.TRAINING_PNG, ModelPackage.SPLIT_CSV))
			assertTrue(Files.isRegularFile(encoder.resolve(f)), f);
		JsonObject training = p.info().training().getAsJsonObject();
		assertEquals(2, training.get("epochs").getAsInt());
		assertEquals(0.2, training.getAsJsonObject("loss").get("margin").getAsDouble());
		SplitManifest split = SplitManifest.read(encoder.resolve(ModelPackage.SPLIT_CSV), data);
		assertEquals(split.sha256(), p.info().manifestHash());
		assertFalse(Files.exists(Checkpoint.folderFor(encoder)), "checkpoint removed after success");
		List<String> lines = Files.readAllLines(encoder.resolve(ModelPackage.TRAINING_CSV));
		assertEquals(3, lines.size(), "header + one row per epoch");
	}

	@Test
	void everyMarginSchemeTrains() throws Exception {
		for (PretrainLossSettings.MarginKind kind : PretrainLossSettings.MarginKind.values()) {
			PretrainSettings s = TinyTraining.pretrain().withEpochs(1);
			s = s.withLoss(s.loss().withMarginKind(kind));
			List<String> log = new ArrayList<>();
			Path out = tmp.resolve("margin-" + kind);
			PretrainJob.run(data, encoder.resolve(ModelPackage.SPLIT_CSV), null, s, out, false, Progress.NONE, log::add);
			assertTrue(log.stream().anyMatch(l -> l.matches("pretrain epoch 1/1: loss [0-9.]+,.*")), kind + ": " + log);
			assertEquals(kind.name(), ModelPackage.open(out).info().training().getAsJsonObject().getAsJsonObject("loss")
				.get("marginKind").getAsString());
		}
	}

	@Test
	void pretrainingNeverReadsTheTestSplit() throws Exception {
		Path copy = tmp.resolve("leak");
		copyTree(data, copy);
		SplitManifest split = Splitter.split(DatasetReader.read(copy), SplitFractions.PAPER_ABLATION, 3);
		Path manifest = tmp.resolve("leak-split.csv");
		split.write(manifest);
		// Every test image becomes unreadable: any attempt to load one would be reported.
		for (var li : split.part(Split.TEST)) Files.writeString(li.file(), "not an image");
		List<String> log = new ArrayList<>();
		PretrainJob.run(copy, manifest, null, TinyTraining.pretrain().withEpochs(1), tmp.resolve("leak-model"), false,
			Progress.NONE, log::add);
		assertTrue(log.stream().noneMatch(l -> l.startsWith("Skipped")), String.join("\n", log));
		// Fine-tuning only opens them for the final test metrics, after training, and reports them as skipped.
		List<String> ftLog = new ArrayList<>();
		FineTuneJob.run(copy, tmp.resolve("leak-model"), null, null, TinyTraining.finetune().withEpochs(1),
			tmp.resolve("leak-clf"), false, Progress.NONE, ftLog::add);
		assertEquals(split.part(Split.TEST).size(), ftLog.stream().filter(l -> l.startsWith("Skipped (test)")).count());
	}

	@Test
	void fineTunedPackageReloadsAndPredictsLikeTheTrainedModel() throws Exception {
		Path clf = tmp.resolve("classifier.zip");
		FineTuneJob.run(data, encoder, null, null, TinyTraining.finetune(), clf, false, Progress.NONE, m -> {});
		ModelPackage p = ModelPackage.open(clf);
		assertEquals(ModelInfo.CLASSIFIER, p.info().kind());
		assertTrue(p.info().bestEpoch() >= 1 && p.info().bestEpoch() <= 2);
		assertEquals(ModelPackage.open(encoder).info().manifestHash(), p.info().manifestHash(), "same split reused");
		FineTuner.Report report = Json.fromJson(Files.readString(p.folder().resolve(ModelPackage.METRICS_JSON)),
			FineTuner.Report.class);
		assertNotNull(report.validation());
		assertNotNull(report.test());

		// The reloaded model's predictions on the validation images reproduce the in-memory model's metrics.
		SplitManifest split = SplitManifest.read(p.folder().resolve(ModelPackage.SPLIT_CSV), data);
		try (ClusterModel model = ClusterModel.load(clf, "cpu")) {
			ImageCache val = ImageCache.load(split.part(Split.VAL), TinyTraining.CANVAS, model.preprocessor(),
				Progress.NONE);
			double[][] probs = model.predict(val.entries().stream().map(ImageCache.Entry::input).toList(), 3);
			long[][] counts = new long[4][4];
			for (int i = 0; i < probs.length; i++) {
				counts[val.get(i).image().label().ordinal()][Inference.argmax(probs[i])]++;
				assertEquals(1.0, java.util.Arrays.stream(probs[i]).sum(), 1e-5);
			}
			assertArrayEquals(report.validation().counts(), counts);
		}
	}

	@Test
	void fineTuningTrainsTheBackboneAndALinearProbeFreezesIt() throws Exception {
		Path tuned = tmp.resolve("tuned"), probe = tmp.resolve("probe");
		FineTuneSettings s = TinyTraining.finetune().withEpochs(1);
		FineTuneJob.run(data, encoder, null, null, s, tuned, false, Progress.NONE, m -> {});
		FineTuneJob.run(data, encoder, null, null, s.withMode(FineTuneSettings.Mode.LINEAR_PROBE), probe, false,
			Progress.NONE, m -> {});
		float[] pretrained = firstConvolution(new Encoder(Backbones.create("resnet18-narrow-8"), 16), "encoder", encoder);
		float[] afterTuning = firstConvolution(new Classifier(Backbones.create("resnet18-narrow-8"), 4), "classifier",
			tuned);
		float[] afterProbe = firstConvolution(new Classifier(Backbones.create("resnet18-narrow-8"), 4), "classifier",
			probe);
		assertFalse(java.util.Arrays.equals(pretrained, afterTuning), "fine-tuning must update the backbone");
		assertArrayEquals(pretrained, afterProbe, "a linear probe must leave the backbone as pretrained");
	}

	static float[] firstConvolution(ai.djl.nn.Block block, String kind, Path pkg) throws Exception {
		try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
			Blocks.initialize(block, m, 1, new ai.djl.ndarray.types.Shape(1, 1, 32, 32));
			Blocks.loadParameters(block, kind + ":resnet18-narrow-8", m, ModelPackage.open(pkg).weights());
			return block.getParameters().valueAt(0).getArray().toFloatArray();
		}
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.EnumSource(PretrainLossSettings.MarginKind.class)
	void resumedRunEqualsUninterruptedRun(PretrainLossSettings.MarginKind kind) throws Exception {
		PretrainSettings tiny = TinyTraining.pretrain();
		PretrainSettings s = tiny.withLoss(tiny.loss().withMarginKind(kind));
		Path whole = tmp.resolve("whole-" + kind);
		PretrainJob.run(data, encoder.resolve(ModelPackage.SPLIT_CSV), null, s, whole, false, Progress.NONE, m -> {});

		Path resumed = tmp.resolve("resumed-" + kind);
		AtomicLong updates = new AtomicLong();
		Progress cancelMidway = new Progress() {
			@Override
			public void update(long done, long total, String message) {
				if (message.startsWith("pretrain")) updates.incrementAndGet();
			}

			@Override
			public boolean isCancelled() {
				return updates.get() >= 3; // in the second epoch: the tiny split makes 2 steps per epoch
			}
		};
		assertThrows(Progress.CancelledException.class, () -> PretrainJob.run(data,
			encoder.resolve(ModelPackage.SPLIT_CSV), null, s, resumed, false, cancelMidway, m -> {}));
		assertTrue(Files.isDirectory(Checkpoint.folderFor(resumed)));
		assertFalse(Files.exists(resumed));
		// Without --resume the leftover checkpoint is not silently discarded.
		var e = assertThrows(IllegalArgumentException.class, () -> PretrainJob.run(data,
			encoder.resolve(ModelPackage.SPLIT_CSV), null, s, resumed, false, Progress.NONE, m -> {}));
		assertTrue(e.getMessage().contains("--resume"), e.getMessage());
		PretrainJob.run(data, encoder.resolve(ModelPackage.SPLIT_CSV), null, s, resumed, true, Progress.NONE, m -> {});

		assertArrayEquals(Files.readAllBytes(whole.resolve(ModelPackage.WEIGHTS)),
			Files.readAllBytes(resumed.resolve(ModelPackage.WEIGHTS)));
		// The loss plot too: the resumed history must not be the rounded one of training.csv.
		assertArrayEquals(Files.readAllBytes(whole.resolve(ModelPackage.TRAINING_PNG)),
			Files.readAllBytes(resumed.resolve(ModelPackage.TRAINING_PNG)));
	}

	@Test
	void cliTrainsAndRefusesBadInput() throws Exception {
		Path out = tmp.resolve("cli-encoder");
		int rc = SupcamCli.commandLine().execute("pretrain", "--data", data.toString(), "--output", out.toString(),
			"--backbone", "resnet18-narrow-8", "--epochs", "1", "--batch", "8", "--image-size", "32", "--device", "cpu",
			"--split", encoder.resolve(ModelPackage.SPLIT_CSV).toString(), "--queue-size", "32", "--embedding-dim", "16");
		// The CLI's composition canvas is the default 224; the dataset's 96-pixel images are padded onto it.
		assertEquals(SupcamCli.EXIT_OK, rc);
		Path clf = tmp.resolve("cli-classifier");
		rc = SupcamCli.commandLine().execute("finetune", "--data", data.toString(), "--pretrained", out.toString(),
			"--output", clf.toString(), "--epochs", "1", "--batch", "8", "--device", "cpu");
		assertEquals(SupcamCli.EXIT_OK, rc);
		assertEquals(32, ModelPackage.open(clf).info().preprocess().inputSize(), "preprocessing follows the encoder");

		assertEquals(SupcamCli.EXIT_BAD_INPUT, SupcamCli.commandLine().execute("pretrain", "--data",
			tmp.resolve("missing").toString(), "--output", tmp.resolve("x").toString()));
		assertEquals(SupcamCli.EXIT_BAD_INPUT, SupcamCli.commandLine().execute("finetune", "--data", data.toString(),
			"--output", tmp.resolve("y").toString(), "--mode", "finetune"), "fine-tuning needs --pretrained");
		assertEquals(SupcamCli.EXIT_BAD_INPUT, SupcamCli.commandLine().execute("pretrain", "--data", data.toString(),
			"--output", out.toString()), "an existing output is never overwritten");
	}

	static void copyTree(Path from, Path to) throws Exception {
		try (var s = Files.walk(from)) {
			for (Path f : (Iterable<Path>) s::iterator) {
				Path t = to.resolve(from.relativize(f).toString());
				if (Files.isDirectory(f)) Files.createDirectories(t);
				else Files.copy(f, t);
			}
		}
	}
}
