package io.github.supcam.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.supcam.TinyTraining;
import io.github.supcam.dataset.Split;
import io.github.supcam.dataset.SplitManifest;
import io.github.supcam.eval.Evaluator;
import io.github.supcam.eval.MetricsReport;
import io.github.supcam.model.ModelPackage;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

/** Evaluate Model runs headless through the CommandService, as Fiji runs it. */
class EvaluateModelCommandTest extends HeadlessFiji {
	@TempDir
	static Path tmp;
	static Path data;
	static Path model;

	@BeforeAll
	static void train() throws Exception {
		data = TinyTraining.dataset(tmp.resolve("data"), 8, 21);
		model = TinyTraining.scratchClassifier(data, tmp.resolve("model"));
	}

	/** Every parameter given: Fiji remembers earlier values of those left out. */
	static CommandModule run(String images, Path output) throws Exception {
		return commands.run(EvaluateModelCommand.class, true, "data", data.toFile(), "model", model.toFile(),
			"images", images, "splitFile", null, "tta", false, "device", "cpu", "output",
			output == null ? null : output.toFile(), "overwrite", false).get();
	}

	@Test
	void tablesAndFiguresMatchTheWrittenReport() throws Exception {
		Path out = tmp.resolve("report");
		CommandModule m = run("test split of the model", out);
		assertFalse(m.isCanceled(), m.getCancelReason());
		MetricsReport written = MetricsReport.readJson(out.resolve(MetricsReport.JSON_FILE));
		assertTrue(Files.isRegularFile(out.resolve(Evaluator.PREDICTIONS_CSV)));

		ResultsTable metrics = ((EvaluateModelCommand) m.getCommand()).metricsTable();
		assertEquals("Accuracy", metrics.getLabel(0));
		assertEquals(written.metrics().accuracy(), metrics.getValue("Value", 0), 1e-9);
		assertEquals(written.accuracyCi().upper(), metrics.getValue("Value", 6), 1e-9);
		assertEquals(7 + 4 * 4 + 2, metrics.size());

		ResultsTable confusion = ((EvaluateModelCommand) m.getCommand()).confusionTable();
		assertEquals(4, confusion.size());
		long[][] counts = written.metrics().counts();
		long total = 0;
		for (int t = 0; t < 4; t++) for (int p = 0; p < 4; p++) {
			assertEquals(counts[t][p], (long) confusion.getValueAsDouble(p, t), "row " + t + " column " + p);
			total += counts[t][p];
		}
		assertEquals(SplitManifest.read(model.resolve(ModelPackage.SPLIT_CSV), data).part(Split.TEST).size(), total);
		assertEquals("touching", confusion.getLabel(1));

		ImagePlus figure = (ImagePlus) m.getOutput("confusionMatrix");
		assertEquals(ImagePlus.COLOR_RGB, figure.getType());
		assertTrue(figure.getWidth() > 400);
		assertTrue(((ImagePlus) m.getOutput("misclassifications")).getWidth() > 0);
	}

	@Test
	void allImagesWithoutWritingAnything() throws Exception {
		CommandModule m = run("all images", null);
		assertFalse(m.isCanceled(), m.getCancelReason());
		ResultsTable metrics = ((EvaluateModelCommand) m.getCommand()).metricsTable();
		assertEquals("Images evaluated", metrics.getLabel(metrics.size() - 2));
		assertEquals(32, metrics.getValue("Value", metrics.size() - 2));
	}

	@Test
	void aMissingSplitFileCancelsWithAReason() throws Exception {
		CommandModule m = run("test part of a split file", null);
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("split file"), m.getCancelReason());
	}
}
