package io.github.supcam.fiji;

import io.github.supcam.eval.ConfidenceInterval;
import io.github.supcam.eval.Evaluator;
import io.github.supcam.eval.Metrics;
import io.github.supcam.util.ErrorMessages;
import io.github.supcam.util.Progress;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Fiji: evaluates a classifier package on a labelled dataset folder. Shows the metrics and the confusion matrix as
 * ResultsTables and the confusion-matrix and misclassification figures as images; with an output folder it also
 * writes the full report. Thin: all work is in {@link Evaluator}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Chromosome Clusters (SupCAM)>Evaluate Model")
public class EvaluateModelCommand extends SupcamCommand {
	public static final String METRICS_TABLE = "SupCAM Metrics";
	public static final String CONFUSION_TABLE = "SupCAM Confusion Matrix";

	@Parameter(label = "Dataset folder", style = "directory")
	File data;

	@Parameter(label = "Model package (folder or .zip)", style = "file")
	File model;

	@Parameter(label = "Images", choices = { "test split of the model", "all images", "test part of a split file" })
	String images = "test split of the model";

	@Parameter(label = "Split file (for 'test part of a split file')", style = "file", required = false, persist = false)
	File splitFile;

	@Parameter(label = "Test-time augmentation (8 flips/rotations)")
	boolean tta = false;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" })
	String device = "auto";

	@Parameter(label = "Report folder (optional)", style = "directory", required = false, persist = false)
	File output;

	@Parameter(label = "Overwrite a non-empty report folder")
	boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT)
	ImagePlus confusionMatrix;

	@Parameter(type = ItemIO.OUTPUT)
	ImagePlus misclassifications;

	// Tables are no outputs: SciJava's headless UI drops ImageJ 1.x tables; headless runs get the report folder.
	private ResultsTable metricsTable;
	private ResultsTable confusionTable;

	/** The metrics of the last run (null before a successful run). */
	public ResultsTable metricsTable() {
		return metricsTable;
	}

	/** The confusion matrix of the last run as counts and row percentages (null before a successful run). */
	public ResultsTable confusionTable() {
		return confusionTable;
	}

	@Override
	public void run() {
		String which = switch (images) {
			case "all images" -> "all";
			case "test part of a split file" -> {
				if (splitFile == null) {
					fail("Choose the split file whose test part to evaluate");
					yield null;
				}
				yield splitFile.getPath();
			}
			default -> "test";
		};
		if (which == null) return;
		Evaluator.Request request = Evaluator.Request.of(data.toPath(), model.toPath()).withImages(which)
			.withDevice(device).withTta(tta);
		try (FijiProgress progress = progress("Evaluate Model")) {
			Evaluator.Result r = output == null ? Evaluator.evaluate(request, progress, this::info) :
				Evaluator.run(request, output.toPath(), overwrite, progress, this::info);
			metricsTable = metricsTable(r);
			confusionTable = confusionTable(r.report().metrics());
			confusionMatrix = new ImagePlus("Confusion matrix", r.confusion());
			misclassifications = new ImagePlus("Most confident misclassifications", r.misclassifications());
			if (!GraphicsEnvironment.isHeadless()) {
				metricsTable.show(METRICS_TABLE);
				confusionTable.show(CONFUSION_TABLE);
			}
			if (output != null) report("Evaluation report in " + output);
			if (!r.problems().isEmpty()) report(r.problems().size() + " image(s) skipped; the metrics leave them out");
		} catch (IOException | IllegalArgumentException | Progress.CancelledException e) {
			fail(e);
		} catch (RuntimeException e) {
			// Engine errors and out-of-memory arrive here, with advice in their message.
			fail("Failed: " + ErrorMessages.describe(e));
		}
	}

	/** Overall and per-class metrics in percent, and the accuracy's confidence interval. */
	static ResultsTable metricsTable(Evaluator.Result r) {
		Metrics m = r.report().metrics();
		ResultsTable t = new ResultsTable();
		t.setPrecision(2);
		add(t, "Accuracy", m.accuracy());
		add(t, "Precision (macro)", m.macroPrecision());
		add(t, "Sensitivity (macro)", m.macroSensitivity());
		add(t, "Specificity (macro)", m.macroSpecificity());
		add(t, "F1 (macro)", m.macroF1());
		ConfidenceInterval ci = r.report().accuracyCi();
		add(t, "Accuracy CI lower (" + Metrics.format(100 * ci.level()) + "%)", ci.lower());
		add(t, "Accuracy CI upper (" + Metrics.format(100 * ci.level()) + "%)", ci.upper());
		for (var c : m.perClass()) {
			add(t, c.name() + " precision", c.precision());
			add(t, c.name() + " sensitivity", c.sensitivity());
			add(t, c.name() + " specificity", c.specificity());
			add(t, c.name() + " F1", c.f1());
		}
		add(t, "Images evaluated", m.total());
		add(t, "Images skipped", r.problems().size());
		return t;
	}

	/** Rows: true class; columns: counts per predicted class, then row percentages. */
	static ResultsTable confusionTable(Metrics m) {
		ResultsTable t = new ResultsTable();
		t.setPrecision(2);
		List<String> names = m.classNames();
		long[][] counts = m.counts();
		double[][] pct = m.rowPercentages();
		for (int row = 0; row < names.size(); row++) {
			t.incrementCounter();
			t.addLabel(names.get(row));
			for (int p = 0; p < names.size(); p++) t.addValue(names.get(p), counts[row][p]);
			for (int p = 0; p < names.size(); p++) t.addValue(names.get(p) + " %", pct[row][p]);
		}
		return t;
	}

	private static void add(ResultsTable t, String label, double value) {
		t.incrementCounter();
		t.addLabel(label);
		t.addValue("Value", value);
	}
}
