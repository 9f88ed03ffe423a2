package io.github.supcam.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The runs of an ablation and their per-row summaries.
 *
 * @param title heading of the table
 * @param rows one per configuration row, in table order
 * @param runs every run, in the order they were visited
 */
public record AblationResult(String title, List<RowSummary> rows, List<Run> runs) {

	/**
	 * One run of one row.
	 *
	 * @param row the row's name
	 * @param repeat repeat index (split and training seed)
	 * @param test test metrics, or null if the run failed
	 * @param bestEpoch the fine-tuning epoch kept
	 * @param reused true if an earlier invocation had finished it
	 * @param error why it failed, or null
	 */
	public record Run(String row, int repeat, Metrics test, int bestEpoch, boolean reused, String error) {
		public boolean failed() {
			return test == null;
		}
	}

	/**
	 * @param name the row's name
	 * @param summary mean ± std over its successful runs, or null if none succeeded
	 * @param failures how many of its runs failed
	 */
	public record RowSummary(String name, RunSummary summary, int failures) {}

	public AblationResult {
		rows = List.copyOf(rows);
		runs = List.copyOf(runs);
	}

	/** Groups runs by row, in the order of {@code rowNames}. */
	public static AblationResult of(String title, List<String> rowNames, List<Run> runs) {
		List<RowSummary> rows = new ArrayList<>();
		for (String name : rowNames) {
			List<Metrics> ok = runs.stream().filter(r -> r.row().equals(name) && !r.failed()).map(Run::test).toList();
			int failed = (int) runs.stream().filter(r -> r.row().equals(name) && r.failed()).count();
			rows.add(new RowSummary(name, ok.isEmpty() ? null : RunSummary.of(ok), failed));
		}
		return new AblationResult(title, rows, runs);
	}
}
