package io.github.supcam.cli;

import io.github.supcam.eval.Evaluator;
import io.github.supcam.eval.MetricsReport;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code supcam evaluate}: metrics, confusion matrix and misclassifications of a classifier on labelled images. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
	description = "Evaluates a classifier package on labelled images: metrics.json (95%% bootstrap CI on accuracy), " +
		"metrics.md, confusion-matrix.png, misclassifications.png and predictions.csv.")
public final class EvaluateCommand implements Callable<Integer> {
	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Option(names = "--data", required = true, description = "Dataset folder (class folders or ChrCluster's 0/..3/).")
	Path data;

	@Option(names = "--model", required = true, description = "Classifier package (folder or .zip).")
	Path model;

	@Option(names = "--split", defaultValue = "test", description = "test (the test part of the model's own " +
		"split.csv), all (every image), or a split manifest FILE whose test part is used (default: ${DEFAULT-VALUE}).")
	String split;

	@Option(names = "--output", description = "Report folder (default: MODEL-evaluation beside the model).")
	Path output;

	@Option(names = "--overwrite", description = "Reuse a non-empty output folder.")
	boolean overwrite;

	@Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
	String device;

	@Option(names = "--tta", description = "Test-time augmentation: average over the 8 flips and quarter turns.")
	boolean tta;

	@Override
	public Integer call() throws Exception {
		Path out = output != null ? output :
			model.toAbsolutePath().resolveSibling(model.getFileName().toString().replaceFirst("\\.zip$", "") +
				"-evaluation");
		ProgressBar bar = ProgressBar.stderr();
		Evaluator.Request request = Evaluator.Request.of(data, model).withImages(split).withDevice(device).withTta(tta);
		Evaluator.Result r = Cancellation.run(bar, () -> Evaluator.run(request, out, overwrite, bar, bar::log));
		if (!r.problems().isEmpty()) spec.commandLine().getOut().println(r.problems().size() + " image(s) skipped; " +
			"they are listed in " + out.resolve(MetricsReport.MARKDOWN_FILE));
		return SupcamCli.skipped(spec, "evaluate", r.problems());
	}
}
