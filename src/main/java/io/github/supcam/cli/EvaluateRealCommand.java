package io.github.supcam.cli;

import io.github.supcam.dataset.Split;
import io.github.supcam.eval.BootstrapSettings;
import io.github.supcam.eval.RealDataReport;
import io.github.supcam.image.Perturbation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code supcam evaluate-real}: classifiers judged side by side on real data. */
@Command(name = "evaluate-real", mixinStandardHelpOptions = true,
	description = "Judges one or more classifiers on real data: instance vs cluster on every harvested component " +
		"of a case split (with the all-instance baseline), 4-type accuracy on hand-labelled real clusters, and " +
		"instance recall on single chromosomes from elsewhere; 95%% intervals by a bootstrap over cases. Writes " +
		"report.md, predictions per model and the most confident mistakes.")
public final class EvaluateRealCommand implements Callable<Integer> {
	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--harvest", required = true, paramLabel = "DIR", description = "Output folder of 'supcam harvest'.")
	Path harvest;

	@Option(names = "--model", required = true, paramLabel = "MODEL", description = "Classifier package; repeat to compare.")
	List<Path> models;

	@Option(names = "--split", defaultValue = "test", paramLabel = "PART", description = "Case split to judge on: " +
		"train, val or test (default: ${DEFAULT-VALUE}).")
	String split;

	@Option(names = "--hand-labels", paramLabel = "CSV", description = "Hand labels: image,x,y,width,height,label " +
		"rows naming harvested components.")
	Path handLabels;

	@Option(names = "--singles", paramLabel = "DIR", description = "Single-chromosome crops from elsewhere, " +
		"grouped by parent folder; repeatable.")
	List<Path> singles = List.of();

	@Option(names = "--invert-singles", description = "Invert the --singles crops first (light on dark to dark on light).")
	boolean invertSingles;

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "DIR", description = "Report folder (must be empty or new).")
	Path output;

	@Option(names = "--overwrite", description = "Reuse a non-empty output folder.")
	boolean overwrite;

	@Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
	String device;

	@Option(names = "--tta", description = "Test-time augmentation: average each prediction over the 8 flips and " +
		"quarter turns of the crop (8x slower).")
	boolean tta;

	@Option(names = "--perturb", paramLabel = "SPEC", description = "Change every crop before classification, to " +
		"measure robustness on real data: e.g. scale=0.5 (half the resolution), blur=1.5 (Gaussian sigma in " +
		"pixels), contrast=0.7 (stain density x0.7), or several: scale=0.5,blur=1.")
	String perturb;

	@Override
	public Integer call() throws Exception {
		RealDataReport.Request request = new RealDataReport.Request(harvest, Split.parse(split), handLabels, singles,
			invertSingles, models, device, tta, perturb == null ? null : Perturbation.parse(perturb),
			BootstrapSettings.defaults());
		ProgressBar bar = ProgressBar.stderr();
		String md = Cancellation.run(bar, () -> RealDataReport.run(request, output, overwrite, bar, bar::log));
		spec.commandLine().getOut().print(md);
		return SupcamCli.EXIT_OK;
	}
}
