package io.github.supcam.cli;

import io.github.supcam.model.BioImageIoExport;
import io.github.supcam.model.BundledModel;
import io.github.supcam.model.ModelPackage;

import java.nio.file.Files;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code supcam export-bioimageio}: a classifier package as a bioimage.io-style model folder. */
@Command(name = "export-bioimageio", mixinStandardHelpOptions = true,
	description = "Writes rdf.yaml, weights, test input/output (.npy) and the model card for sharing on bioimage.io.")
public final class ExportCommand implements Callable<Integer> {
	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Option(names = "--model", description = "Classifier package (default: the bundled model).")
	Path model;

	@Option(names = "--output", required = true, description = "Output folder (must be empty or new).")
	Path output;

	@Option(names = "--model-card", description = "Model card README to include (default: the package's README.md).")
	Path card;

	@Override
	public Integer call() throws Exception {
		Path m = model != null ? model : BundledModel.locate();
		// A package's own card, where it has one (a zip is unpacked by open()).
		Path own = ModelPackage.open(m).folder().resolve("README.md");
		BioImageIoExport.export(m, output, card != null ? card : Files.isRegularFile(own) ? own : null);
		spec.commandLine().getOut().println("Wrote " + output.resolve(BioImageIoExport.RDF));
		return SupcamCli.EXIT_OK;
	}
}
