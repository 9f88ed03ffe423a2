package io.github.supcam.eval;

import io.github.supcam.util.AtomicFiles;
import io.github.supcam.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything reported for one test set: the metrics (with per-class values, confusion matrix, row percentages and
 * warnings) and the bootstrap confidence interval on accuracy. This record is what {@code metrics.json} holds.
 *
 * @param title what was evaluated, e.g. "SupCAM on ChrCluster test set"
 * @param metrics the metrics
 * @param accuracyCi confidence interval on accuracy, or null if none was computed
 */
public record MetricsReport(String title, Metrics metrics, ConfidenceInterval accuracyCi) {

	public static final String JSON_FILE = "metrics.json";
	public static final String MARKDOWN_FILE = "metrics.md";
	public static final String CONFUSION_PNG_FILE = "confusion-matrix.png";

	public MetricsReport {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(metrics, "metrics");
	}

	/** Computes the metrics and the bootstrap interval on accuracy of a confusion matrix. */
	public static MetricsReport of(String title, ConfusionMatrix cm, BootstrapSettings bootstrap) {
		return new MetricsReport(title, Metrics.of(cm), ConfidenceInterval.bootstrapAccuracy(cm, bootstrap));
	}

	public void writeJson(Path file) throws IOException {
		Json.write(file, this);
	}

	/** Reads a {@code metrics.json}; the message names the file if it is missing or malformed. */
	public static MetricsReport readJson(Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new IllegalArgumentException("No metrics file " + file);
		MetricsReport r;
		try {
			r = Json.fromJson(Files.readString(file), MetricsReport.class);
		} catch (RuntimeException e) {
			throw new IllegalArgumentException("Cannot read metrics file " + file + ": " + e.getMessage(), e);
		}
		if (r == null) throw new IllegalArgumentException("Metrics file " + file + " is empty");
		return r;
	}

	/** The report as Markdown: metrics table, per-class table and confusion matrix (counts and row %). */
	public String toMarkdown() {
		return MarkdownReport.of(this);
	}

	/**
	 * Writes {@value #JSON_FILE}, {@value #MARKDOWN_FILE} and {@value #CONFUSION_PNG_FILE} into a folder; the
	 * caller decides whether the folder may be reused ({@link AtomicFiles#prepareOutputDir}).
	 */
	public void writeAll(Path dir) throws IOException {
		writeJson(dir.resolve(JSON_FILE));
		AtomicFiles.writeString(dir.resolve(MARKDOWN_FILE), toMarkdown());
		ConfusionMatrixPlot.write(metrics.confusionMatrix(), title, dir.resolve(CONFUSION_PNG_FILE));
	}
}
