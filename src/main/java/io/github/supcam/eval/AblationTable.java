package io.github.supcam.eval;

import io.github.supcam.util.AtomicFiles;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The ablation table like the paper's Table 2: one line per row, mean ± sample standard deviation of accuracy,
 * macro precision, sensitivity, specificity and F1 over its runs (percent).
 */
public final class AblationTable {
	private AblationTable() {}

	public static final String TABLE_MD = "table.md";
	public static final String TABLE_CSV = "table.csv";
	public static final String RUNS_CSV = "runs.csv";

	/** Metric columns, in table order. */
	public static final List<String> METRICS = List.of("Accuracy", "Precision", "Sensitivity", "Specificity", "F1");

	private static final List<Function<RunSummary, MeanStd>> SUMMARY = List.of(RunSummary::accuracy,
		RunSummary::macroPrecision, RunSummary::macroSensitivity, RunSummary::macroSpecificity, RunSummary::macroF1);
	private static final List<Function<Metrics, Double>> VALUE = List.of(Metrics::accuracy, Metrics::macroPrecision,
		Metrics::macroSensitivity, Metrics::macroSpecificity, Metrics::macroF1);

	/** Writes {@value #TABLE_MD}, {@value #TABLE_CSV} and {@value #RUNS_CSV} into {@code dir}. */
	public static void write(AblationResult result, Path dir) throws IOException {
		AtomicFiles.writeString(dir.resolve(TABLE_MD), markdown(result));
		AtomicFiles.writeString(dir.resolve(TABLE_CSV), csv(result));
		AtomicFiles.writeString(dir.resolve(RUNS_CSV), runsCsv(result));
	}

	/** The table in Markdown; cells read {@code mean ± std}, a row without successful runs says so. */
	public static String markdown(AblationResult result) {
		StringBuilder sb = new StringBuilder("# ").append(result.title()).append("\n\n")
			.append("Test-set metrics in percent, mean ± sample standard deviation over runs (macro averages ")
			.append("over the four classes).\n\n| Method | Runs |");
		METRICS.forEach(m -> sb.append(' ').append(m).append(" |"));
		sb.append("\n|---|---:|").append("---:|".repeat(METRICS.size())).append('\n');
		for (AblationResult.RowSummary r : result.rows()) {
			int n = r.summary() == null ? 0 : r.summary().runs().size();
			sb.append("| ").append(r.name().replace("|", "\\|")).append(" | ").append(n)
				.append(r.failures() > 0 ? " (" + r.failures() + " failed)" : "").append(" |");
			for (Function<RunSummary, MeanStd> f : SUMMARY)
				sb.append(' ').append(r.summary() == null ? "–" : f.apply(r.summary()).format()).append(" |");
			sb.append('\n');
		}
		List<AblationResult.Run> failed = result.runs().stream().filter(AblationResult.Run::failed).toList();
		if (!failed.isEmpty()) {
			sb.append("\nFailed runs:\n\n");
			failed.forEach(f -> sb.append("- ").append(f.row()).append(" repeat ").append(f.repeat()).append(": ")
				.append(f.error()).append('\n'));
		}
		return sb.toString();
	}

	/** One line per row: method, runs, failed, then mean and std of each metric. */
	public static String csv(AblationResult result) throws IOException {
		List<String> header = new ArrayList<>(List.of("method", "runs", "failed"));
		for (String m : METRICS) {
			header.add(m.toLowerCase(Locale.ROOT) + "_mean");
			header.add(m.toLowerCase(Locale.ROOT) + "_std");
		}
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = printer(out, header)) {
			for (AblationResult.RowSummary r : result.rows()) {
				List<String> line = new ArrayList<>(List.of(r.name(),
					String.valueOf(r.summary() == null ? 0 : r.summary().runs().size()), String.valueOf(r.failures())));
				for (Function<RunSummary, MeanStd> f : SUMMARY) {
					line.add(r.summary() == null ? "" : number(f.apply(r.summary()).mean()));
					line.add(r.summary() == null ? "" : number(f.apply(r.summary()).std()));
				}
				csv.printRecord(line);
			}
		}
		return out.toString();
	}

	/** One line per run: method, repeat, status, best epoch, the metrics, and the error of a failed run. */
	public static String runsCsv(AblationResult result) throws IOException {
		List<String> header = new ArrayList<>(List.of("method", "repeat", "status", "best_epoch"));
		METRICS.forEach(m -> header.add(m.toLowerCase(Locale.ROOT)));
		header.add("error");
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = printer(out, header)) {
			for (AblationResult.Run r : result.runs()) {
				List<String> line = new ArrayList<>(List.of(r.row(), String.valueOf(r.repeat()),
					r.failed() ? "failed" : "ok", String.valueOf(r.bestEpoch())));
				for (Function<Metrics, Double> f : VALUE) line.add(r.failed() ? "" : number(f.apply(r.test())));
				line.add(r.failed() ? r.error() : "");
				csv.printRecord(line);
			}
		}
		return out.toString();
	}

	private static CSVPrinter printer(StringWriter out, List<String> header) throws IOException {
		return new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
			.setHeader(header.toArray(String[]::new)).get());
	}

	private static String number(double v) {
		return String.format(Locale.ROOT, "%.4f", v);
	}
}
