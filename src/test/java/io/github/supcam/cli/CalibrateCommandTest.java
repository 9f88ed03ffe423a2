package io.github.supcam.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.supcam.TinyTraining;
import io.github.supcam.dataset.ImageCache;
import io.github.supcam.dataset.Split;
import io.github.supcam.dataset.SplitManifest;
import io.github.supcam.eval.Calibration;
import io.github.supcam.eval.Calibrator;
import io.github.supcam.model.ClusterModel;
import io.github.supcam.model.Inference;
import io.github.supcam.model.ModelPackage;
import io.github.supcam.util.Json;
import io.github.supcam.util.Progress;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calibrates a tiny classifier trained from scratch for one epoch. */
class CalibrateCommandTest {
	static int run(StringWriter out, String... args) {
		return MetaphaseCommandTest.run(out, args);
	}

	@Test
	void writesACalibratedPackageThatGivesCalibratedProbabilities(@TempDir Path tmp) throws Exception {
		Path data = TinyTraining.dataset(tmp.resolve("data"), 8, 13);
		Path model = TinyTraining.scratchClassifier(data, tmp.resolve("model"));
		Path calibrated = tmp.resolve("calibrated");
		StringWriter out = new StringWriter();
		assertEquals(SupcamCli.EXIT_OK, run(out, "calibrate", "--model", model.toString(), "--data", data.toString(),
			"--output", calibrated.toString(), "--device", "cpu"), out.toString());

		Calibrator.Report report = Json.fromJson(Files.readString(calibrated.resolve(Calibrator.JSON_FILE)),
			Calibrator.Report.class);
		int val = SplitManifest.read(model.resolve(ModelPackage.SPLIT_CSV), data).part(Split.VAL).size();
		assertEquals(val, report.count(), "the validation part of the model's own split");
		assertEquals(1.0, report.before().temperature());
		double t = report.temperature();
		assertTrue(t > Calibration.MIN_T && t < Calibration.MAX_T, "T " + t);
		assertEquals(report.before().accuracy(), report.after().accuracy(), 0.0);
		assertTrue(report.after().nll() <= report.before().nll() + 1e-12);
		assertTrue(Files.readString(calibrated.resolve(Calibrator.MARKDOWN_FILE)).contains("| after |"));
		assertTrue(Files.size(calibrated.resolve(Calibrator.PNG_FILE)) > 1000);
		for (String kept : List.of(ModelPackage.SPLIT_CSV, ModelPackage.METRICS_JSON, ModelPackage.WEIGHTS))
			assertArrayEquals(Files.readAllBytes(model.resolve(kept)), Files.readAllBytes(calibrated.resolve(kept)));

		try (ClusterModel original = ClusterModel.load(model, "cpu");
			ClusterModel loaded = ClusterModel.load(calibrated, "cpu"))
		{
			assertEquals(t, loaded.info().temperature());
			assertEquals(1.0, original.info().temperature());
			ImageCache cache = ImageCache.load(SplitManifest.read(model.resolve(ModelPackage.SPLIT_CSV), data)
				.part(Split.TEST), 32, loaded.preprocessor(), Progress.NONE);
			List<float[]> inputs = cache.entries().stream().map(ImageCache.Entry::input).toList();
			double[][] z = original.logits(inputs, 8);
			double[][] p = loaded.predict(inputs, 8);
			for (int i = 0; i < inputs.size(); i++) assertArrayEquals(Inference.softmax(z[i], t), p[i], 1e-5);
		}

		// Never overwritten silently; the test part is not for calibration.
		StringWriter refused = new StringWriter();
		assertEquals(SupcamCli.EXIT_BAD_INPUT, run(refused, "calibrate", "--model", model.toString(), "--data",
			data.toString(), "--output", calibrated.toString(), "--device", "cpu"));
		assertTrue(refused.toString().contains("already exists"), refused.toString());
		StringWriter test = new StringWriter();
		assertEquals(SupcamCli.EXIT_BAD_INPUT, run(test, "calibrate", "--model", model.toString(), "--data",
			data.toString(), "--split", "test", "--output", tmp.resolve("other").toString(), "--device", "cpu"));
		assertTrue(test.toString().contains("--split must be val, all or a split manifest file"), test.toString());
	}
}
