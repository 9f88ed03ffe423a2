package io.github.supcam.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.supcam.TinyTraining;
import io.github.supcam.cli.SupcamCli;
import io.github.supcam.dataset.DatasetReader;
import io.github.supcam.dataset.Split;
import io.github.supcam.dataset.SplitFractions;
import io.github.supcam.dataset.SplitManifest;
import io.github.supcam.dataset.Splitter;
import io.github.supcam.finetune.FineTuner;
import io.github.supcam.model.ModelPackage;
import io.github.supcam.util.Json;
import io.github.supcam.util.Progress;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluates a tiny classifier trained from scratch for one epoch. */
class EvaluatorTest {
	@TempDir
	static Path tmp;
	static Path data;
	static Path model;

	@BeforeAll
	static void train() throws Exception {
		data = TinyTraining.dataset(tmp.resolve("data"), 8, 11);
		model = TinyTraining.scratchClassifier(data, tmp.resolve("model"));
	}

	@Test
	void testSplitReproducesTheTrainersTestMetricsAndWritesEveryFile() throws Exception {
		Path out = tmp.resolve("eval-test");
		Evaluator.Result r = Evaluator.run(Evaluator.Request.of(data, model).withDevice("cpu"), out, false,
			Progress.NONE, m -> {});
		FineTuner.Report trained = Json.fromJson(Files.readString(model.resolve(ModelPackage.METRICS_JSON)),
			FineTuner.Report.class);
		int testSize = SplitManifest.read(model.resolve(ModelPackage.SPLIT_CSV), data).part(Split.TEST).size();
		assertEquals(testSize, r.predictions().size());
		assertEquals(trained.test().confusionMatrix(), r.report().metrics().confusionMatrix(),
			"same model, same test images, same preprocessing");
		MetricsReport read = MetricsReport.readJson(out.resolve(MetricsReport.JSON_FILE));
		assertEquals(r.report(), read);
		ConfidenceInterval ci = read.accuracyCi();
		assertEquals(0.95, ci.level());
		assertTrue(ci.lower() <= ci.estimate() && ci.estimate() <= ci.upper(), ci.toString());

		// predictions.csv: one line per image, probabilities summing to 1, argmax = predicted, counts = matrix.
		List<String> lines = Files.readAllLines(out.resolve(Evaluator.PREDICTIONS_CSV));
		assertEquals("file,truth,predicted,p_instance,p_touching,p_overlapping,p_touching-overlapping", lines.get(0));
		assertEquals(testSize + 1, lines.size());
		ConfusionMatrix fromCsv = new ConfusionMatrix();
		List<String> names = fromCsv.classNames();
		for (String l : lines.subList(1, lines.size())) {
			String[] c = l.split(",");
			double sum = 0, best = -1;
			int arg = -1;
			for (int k = 0; k < 4; k++) {
				double p = Double.parseDouble(c[3 + k]);
				sum += p;
				if (p > best) {
					best = p;
					arg = k;
				}
			}
			assertEquals(1.0, sum, 1e-4, l);
			assertEquals(names.get(arg), c[2], l);
			assertTrue(c[0].startsWith(c[1] + "/"), "the class folder is the truth: " + l);
			fromCsv.add(names.indexOf(c[1]), names.indexOf(c[2]));
		}
		assertEquals(r.report().metrics().confusionMatrix(), fromCsv);

		assertTrue(Files.readString(out.resolve(MetricsReport.MARKDOWN_FILE)).contains("## Confusion matrix (counts)"));
		assertEquals(r.confusion().getWidth(), ImageIO.read(out.resolve(MetricsReport.CONFUSION_PNG_FILE).toFile())
			.getWidth());
		assertTrue(Files.size(out.resolve(Evaluator.MISCLASSIFICATIONS_PNG)) > 0);

		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Evaluator.run(
			Evaluator.Request.of(data, model).withDevice("cpu"), out, false, Progress.NONE, m -> {}));
		assertTrue(e.getMessage().contains("not empty"), e.getMessage());
	}

	@Test
	void allImagesOrAManifestsTestPartAndUnreadableImagesAreSkipped() throws Exception {
		Path copy = tmp.resolve("data-copy");
		AblationRunnerTest.copyTree(data, copy);
		Path broken = copy.resolve("touching/touching-00001.png");
		Files.writeString(broken, "not an image");
		List<String> log = new java.util.ArrayList<>();
		Evaluator.Result all = Evaluator.evaluate(Evaluator.Request.of(copy, model).withImages("all")
			.withDevice("cpu"), Progress.NONE, log::add);
		assertEquals(31, all.predictions().size(), "32 images, one unreadable");
		assertEquals(1, all.problems().size());
		assertTrue(all.problems().get(0).contains("touching-00001.png"), all.problems().toString());
		assertTrue(log.stream().anyMatch(l -> l.contains("touching-00001.png")), log.toString());
		// The command says so, in its summary and its exit code.
		StringWriter out = new StringWriter(), err = new StringWriter();
		var cl = SupcamCli.commandLine();
		cl.setOut(new PrintWriter(out));
		cl.setErr(new PrintWriter(err));
		assertEquals(SupcamCli.EXIT_BAD_INPUT, cl.execute("evaluate", "--data", copy.toString(), "--model",
			model.toString(), "--output", tmp.resolve("skipping").toString(), "--split", "all", "--device", "cpu"));
		assertTrue(out.toString().contains("1 image(s) skipped"), out.toString());
		assertTrue(err.toString().contains("1 input(s) skipped") && err.toString().contains("touching-00001.png"),
			err.toString());

		SplitManifest other = Splitter.split(DatasetReader.read(data), new SplitFractions(0.5, 0.25, 0.25), 9);
		Path manifest = tmp.resolve("other-split.csv");
		other.write(manifest);
		Evaluator.Result part = Evaluator.evaluate(Evaluator.Request.of(data, model).withImages(manifest.toString())
			.withDevice("cpu").withTta(true), Progress.NONE, m -> {});
		assertEquals(other.part(Split.TEST).stream().map(i -> i.relativePath()).toList(),
			part.predictions().stream().map(p -> p.image().relativePath()).toList());
		assertTrue(part.report().title().contains("TTA"));
	}

	@Test
	void cliWritesTheReportAndRejectsABadSplit() throws Exception {
		Path out = tmp.resolve("cli-out");
		assertEquals(SupcamCli.EXIT_OK, SupcamCli.commandLine().execute("evaluate", "--data", data.toString(),
			"--model", model.toString(), "--output", out.toString(), "--device", "cpu"));
		assertTrue(Files.isRegularFile(out.resolve(Evaluator.PREDICTIONS_CSV)));
		StringWriter err = new StringWriter();
		var cl = SupcamCli.commandLine();
		cl.setErr(new PrintWriter(err));
		assertEquals(SupcamCli.EXIT_BAD_INPUT, cl.execute("evaluate", "--data", data.toString(), "--model",
			model.toString(), "--output", tmp.resolve("x").toString(), "--split", "nonsense"));
		assertTrue(err.toString().contains("--split must be test, all or a split manifest file"), err.toString());
	}
}
