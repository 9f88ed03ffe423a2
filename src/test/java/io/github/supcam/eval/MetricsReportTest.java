package io.github.supcam.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsReportTest {

	@TempDir
	Path dir;

	private static MetricsReport fourByFourReport() {
		return MetricsReport.of("SupCAM test", MetricsTest.fourByFour(), BootstrapSettings.defaults());
	}

	@Test
	void jsonRoundTripKeepsEveryValue() throws IOException {
		MetricsReport r = fourByFourReport();
		Path file = dir.resolve("metrics.json");
		r.writeJson(file);
		MetricsReport back = MetricsReport.readJson(file);
		assertEquals(r, back);
		assertEquals(r.metrics().confusionMatrix(), back.metrics().confusionMatrix());
		String json = Files.readString(file);
		assertTrue(json.contains("\"macroF1\": 84.74"), json);
		assertTrue(json.contains("\"rowPercentages\""), json);
		assertTrue(json.contains("\"method\": \"percentile bootstrap\""), json);
	}

	@Test
	void jsonRoundTripKeepsWarnings() throws IOException {
		Metrics m = Metrics.of(ConfusionMatrix.ofCounts(List.of("x", "y"), new long[][] {{2, 0}, {1, 0}}));
		MetricsReport r = new MetricsReport("warned", m, null);
		Path file = dir.resolve("m.json");
		r.writeJson(file);
		assertEquals(List.of("class 'y' was never predicted: precision set to 0"),
			MetricsReport.readJson(file).metrics().warnings());
	}

	@Test
	void malformedJsonNamesTheFile() throws IOException {
		Path file = dir.resolve("bad.json");
		Files.writeString(file, "{ not json");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetricsReport.readJson(file));
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
	}

	@Test
	void markdownHoldsMetricsPerClassAndBothMatrices() {
		String md = fourByFourReport().toMarkdown();
		assertTrue(md.startsWith("# SupCAM test\n"), md);
		for (String row : List.of("| Accuracy | 85.00 |", "| Precision (macro) | 84.55 |",
			"| Sensitivity (macro) | 84.99 |", "| Specificity (macro) | 94.98 |", "| F1 (macro) | 84.75 |",
			"| touching | 50 | 50 | 80.00 | 80.00 | 93.33 | 80.00 |",
			"| True \\ Predicted | instance | touching | overlapping | touching-overlapping |",
			"| overlapping | 0 | 2 | 30 | 3 |", "| instance | 90.91 | 5.45 | 1.82 | 1.82 |"))
			assertTrue(md.contains(row), row + " missing from\n" + md);
		assertTrue(md.contains("Accuracy 95% CI ["), md);
	}

	@Test
	void runSummaryMarkdownShowsMeanAndStd() {
		Metrics a = Metrics.of(ConfusionMatrix.ofCounts(List.of("a", "b"), new long[][] {{8, 2}, {2, 8}}));
		Metrics b = Metrics.of(ConfusionMatrix.ofCounts(List.of("a", "b"), new long[][] {{10, 0}, {1, 9}}));
		String md = MarkdownReport.of("Runs", RunSummary.of(List.of(a, b)));
		// Accuracies 80 and 95: mean 87.5, sample std sqrt(2 * 7.5^2 / 1) = 10.61.
		assertTrue(md.contains("| Accuracy | 87.50 ± 10.61 |"), md);
	}

	@Test
	void writeAllWritesJsonMarkdownAndPng() throws IOException {
		fourByFourReport().writeAll(dir);
		assertTrue(Files.size(dir.resolve(MetricsReport.JSON_FILE)) > 0);
		assertTrue(Files.readString(dir.resolve(MetricsReport.MARKDOWN_FILE)).contains("| Accuracy | 85.00 |"));
		BufferedImage png = ImageIO.read(dir.resolve(MetricsReport.CONFUSION_PNG_FILE).toFile());
		assertEquals(338 + 4 * ConfusionMatrixPlot.DEFAULT_CELL, png.getWidth());
	}
}
