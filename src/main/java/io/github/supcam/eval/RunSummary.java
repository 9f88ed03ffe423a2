package io.github.supcam.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Mean ± sample standard deviation of the metrics of repeated runs (e.g. several seeds or folds), as the paper
 * reports them.
 *
 * @param classNames class names shared by all runs
 * @param runs the metrics of each run
 * @param accuracy accuracy over runs
 * @param macroPrecision macro precision over runs
 * @param macroSensitivity macro sensitivity over runs
 * @param macroSpecificity macro specificity over runs
 * @param macroF1 macro F1 over runs
 * @param perClass per-class values over runs, in class-index order
 */
public record RunSummary(List<String> classNames, List<Metrics> runs, MeanStd accuracy, MeanStd macroPrecision,
	MeanStd macroSensitivity, MeanStd macroSpecificity, MeanStd macroF1, List<ClassSummary> perClass) {

	/** One class's values over runs. */
	public record ClassSummary(String name, MeanStd precision, MeanStd sensitivity, MeanStd specificity, MeanStd f1) {}

	public RunSummary {
		classNames = List.copyOf(classNames);
		runs = List.copyOf(runs);
		perClass = List.copyOf(perClass);
	}

	/**
	 * Summarises runs over the same classes.
	 *
	 * @throws IllegalArgumentException if there is no run or the runs' class names differ
	 */
	public static RunSummary of(List<Metrics> runs) {
		if (runs.isEmpty()) throw new IllegalArgumentException("No runs to summarise");
		List<String> names = runs.get(0).classNames();
		for (int i = 1; i < runs.size(); i++) if (!runs.get(i).classNames().equals(names))
			throw new IllegalArgumentException("Run " + (i + 1) + " has classes " + runs.get(i).classNames() +
				" but run 1 has " + names);
		List<ClassSummary> perClass = new ArrayList<>();
		for (int c = 0; c < names.size(); c++) {
			int k = c;
			perClass.add(new ClassSummary(names.get(c), over(runs, m -> m.perClass().get(k).precision()),
				over(runs, m -> m.perClass().get(k).sensitivity()), over(runs, m -> m.perClass().get(k).specificity()),
				over(runs, m -> m.perClass().get(k).f1())));
		}
		return new RunSummary(names, runs, over(runs, Metrics::accuracy), over(runs, Metrics::macroPrecision),
			over(runs, Metrics::macroSensitivity), over(runs, Metrics::macroSpecificity), over(runs, Metrics::macroF1),
			perClass);
	}

	private static MeanStd over(List<Metrics> runs, ToDoubleFunction<Metrics> value) {
		return MeanStd.of(runs.stream().mapToDouble(value).toArray());
	}
}
