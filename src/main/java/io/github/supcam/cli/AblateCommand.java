package io.github.supcam.cli;

import io.github.supcam.eval.AblationConfig;
import io.github.supcam.eval.AblationResult;
import io.github.supcam.eval.AblationRunner;
import io.github.supcam.eval.AblationTable;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code supcam ablate}: a grid of training configurations, each with several seeds, summarised as a table. */
@Command(name = "ablate", mixinStandardHelpOptions = true,
	description = "Runs every row of an ablation config with R seeds on shared seeded splits and writes table.md, " +
		"table.csv (mean ± std per row) and runs.csv. Rerun the same command to continue an interrupted ablation.")
public final class AblateCommand implements Callable<Integer> {
	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--data", required = true, description = "Dataset folder.")
	Path data;

	@Option(names = "--config", required = true, description = "Ablation JSON (see ablations/README.md).")
	Path config;

	@Option(names = "--repeats", description = "Seeds per row (default: the config's \"repeats\", else 3).")
	Integer repeats;

	@Option(names = "--split", description = "A split manifest (e.g. split by case) for every repeat, instead of " +
		"a new seeded split per repeat; the repeats then differ only in their seeds.")
	Path split;

	@Option(names = "--output", required = true, description = "Output folder; runs stay under OUTPUT/runs/.")
	Path output;

	@Override
	public Integer call() throws Exception {
		AblationConfig c = AblationConfig.read(config);
		ProgressBar bar = ProgressBar.stderr();
		AblationResult r = Cancellation.run(bar, () -> AblationRunner.run(data, c, repeats != null ? repeats :
			c.repeats(), split, output, bar, bar::log));
		bar.log("Table: " + output.resolve(AblationTable.TABLE_MD));
		long failed = r.runs().stream().filter(run -> run.error() != null).count();
		if (failed == 0) return SupcamCli.EXIT_OK;
		spec.commandLine().getErr().println("supcam ablate: " + failed + " of " + r.runs().size() +
			" runs failed; see " + output.resolve(AblationTable.TABLE_MD));
		return SupcamCli.EXIT_FAILURE;
	}
}
