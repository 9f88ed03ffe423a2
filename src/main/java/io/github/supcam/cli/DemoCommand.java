package io.github.supcam.cli;

import io.github.supcam.demo.Demo;
import io.github.supcam.model.BundledModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code supcam demo}: the one-command demonstration on a synthetic metaphase with known cluster types. */
@Command(name = "demo", mixinStandardHelpOptions = true,
	description = "Renders a synthetic metaphase, classifies every cluster with the bundled model, and scores it.")
public final class DemoCommand implements Callable<Integer> {
	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Option(names = "--output", defaultValue = "demo-output", description = "Output folder (default: ${DEFAULT-VALUE}).")
	Path output;

	@Option(names = "--train", description = "First pretrain and fine-tune a small model from scratch (a few minutes).")
	boolean train;

	@Option(names = "--model", description = "Classifier package to use instead of the bundled one.")
	Path model;

	@Option(names = "--overwrite", description = "Write into a non-empty folder that is not an earlier demo's output.")
	boolean overwrite;

	@Option(names = "--seed", defaultValue = "7", description = "Seed of the synthetic metaphase (default: ${DEFAULT-VALUE}).")
	long seed;

	@Override
	public Integer call() throws Exception {
		long start = System.nanoTime();
		ProgressBar bar = ProgressBar.stderr();
		Demo.Outcome o = Cancellation.run(bar, () -> new Demo(output, seed, overwrite, bar::log)
			.run(train ? null : model != null ? model : BundledModel.locate(), train, bar));
		o.summary().forEach(spec.commandLine().getOut()::println);
		spec.commandLine().getOut().printf("Demo finished in %.1f s%n", (System.nanoTime() - start) / 1e9);
		return SupcamCli.EXIT_OK;
	}
}
