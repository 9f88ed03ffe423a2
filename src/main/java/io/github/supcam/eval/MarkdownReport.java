package io.github.supcam.eval;

import java.util.List;
import java.util.function.BiFunction;

/** Renders metrics reports and run summaries as Markdown tables (values in percent, two decimals). */
public final class MarkdownReport {
	private MarkdownReport() {}

	/** Metrics table, per-class table, confusion matrix as counts and as row percentages, and any warnings. */
	public static String of(MetricsReport report) {
		Metrics m = report.metrics();
		StringBuilder sb = new StringBuilder();
		sb.append("# ").append(report.title()).append("\n\n");
		sb.append("Test samples: ").append(m.total()).append(", correctly classified: ").append(m.correct())
			.append(".\n\n");
		sb.append("| Metric | Value (%) |\n|---|---:|\n");
		row(sb, "Accuracy", Metrics.format(m.accuracy()));
		row(sb, "Precision (macro)", Metrics.format(m.macroPrecision()));
		row(sb, "Sensitivity (macro)", Metrics.format(m.macroSensitivity()));
		row(sb, "Specificity (macro)", Metrics.format(m.macroSpecificity()));
		row(sb, "F1 (macro)", Metrics.format(m.macroF1()));
		ConfidenceInterval ci = report.accuracyCi();
		if (ci != null) sb.append("\nAccuracy ").append(ci.format()).append(" (").append(ci.method()).append(", ")
			.append(ci.resamples()).append(" resamples, seed ").append(ci.seed()).append(").\n");
		sb.append("\nMacro values are unweighted means of the per-class values; macro F1 is the mean of the ")
			.append("per-class F1 scores.\n\n## Per class\n\n")
			.append("| Class | Support | Predicted | Precision | Sensitivity | Specificity | F1 |\n")
			.append("|---|---:|---:|---:|---:|---:|---:|\n");
		for (ClassMetrics c : m.perClass())
			row(sb, cell(c.name()), String.valueOf(c.support()), String.valueOf(c.predicted()),
				Metrics.format(c.precision()), Metrics.format(c.sensitivity()), Metrics.format(c.specificity()),
				Metrics.format(c.f1()));
		long[][] counts = m.counts();
		double[][] pct = m.rowPercentages();
		sb.append("\n## Confusion matrix (counts)\n\nRows: true class; columns: predicted class.\n\n");
		matrix(sb, m.classNames(), (t, p) -> String.valueOf(counts[t][p]));
		sb.append("\n## Confusion matrix (row %)\n\nEach row sums to 100% of that true class.\n\n");
		matrix(sb, m.classNames(), (t, p) -> Metrics.format(pct[t][p]));
		if (!m.warnings().isEmpty()) {
			sb.append("\n## Warnings\n\n");
			for (String w : m.warnings()) sb.append("- ").append(w).append('\n');
		}
		return sb.toString();
	}

	/** Mean ± sample standard deviation of each metric over the runs, overall and per class. */
	public static String of(String title, RunSummary s) {
		StringBuilder sb = new StringBuilder();
		sb.append("# ").append(title).append("\n\n").append(s.runs().size())
			.append(" runs; mean ± sample standard deviation.\n\n");
		sb.append("| Metric | Mean ± SD (%) |\n|---|---:|\n");
		row(sb, "Accuracy", s.accuracy().format());
		row(sb, "Precision (macro)", s.macroPrecision().format());
		row(sb, "Sensitivity (macro)", s.macroSensitivity().format());
		row(sb, "Specificity (macro)", s.macroSpecificity().format());
		row(sb, "F1 (macro)", s.macroF1().format());
		sb.append("\n## Per class\n\n| Class | Precision | Sensitivity | Specificity | F1 |\n")
			.append("|---|---:|---:|---:|---:|\n");
		for (RunSummary.ClassSummary c : s.perClass())
			row(sb, cell(c.name()), c.precision().format(), c.sensitivity().format(), c.specificity().format(),
				c.f1().format());
		return sb.toString();
	}

	private static void matrix(StringBuilder sb, List<String> names, BiFunction<Integer, Integer, String> value) {
		sb.append("| True \\ Predicted |");
		for (String n : names) sb.append(' ').append(cell(n)).append(" |");
		sb.append("\n|---|").append("---:|".repeat(names.size())).append('\n');
		for (int t = 0; t < names.size(); t++) {
			sb.append("| ").append(cell(names.get(t))).append(" |");
			for (int p = 0; p < names.size(); p++) sb.append(' ').append(value.apply(t, p)).append(" |");
			sb.append('\n');
		}
	}

	private static void row(StringBuilder sb, String... cells) {
		sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
	}

	/** Keeps a name from breaking the table. */
	private static String cell(String text) {
		return text.replace("|", "\\|");
	}
}
