package io.github.supcam.cli;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.Polarity;
import io.github.supcam.synth.Morphology;
import io.github.supcam.synth.SynthDatasetWriter;
import io.github.supcam.synth.SynthSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code supcam synth}: writes a synthetic ChrCluster-style dataset. */
@Command(name = "synth", mixinStandardHelpOptions = true,
	description = "Writes a synthetic dataset of chromosome clusters: one folder per cluster type with 8-bit PNGs, " +
		"labels.csv with the measured geometry and synth.json with the settings and seed.")
public final class SynthCommand implements Callable<Integer> {
	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "DIR", description = "Output folder (must be empty or new).")
	Path output;

	@Option(names = "--per-class", defaultValue = "100", paramLabel = "N", description = "Images per cluster type (default: ${DEFAULT-VALUE}).")
	int perClass;

	@Option(names = "--size", paramLabel = "PX", description = "Image side in pixels (default: 224 for metaphase, " +
		"384 for prometaphase, so long chromosomes fit).")
	Integer size;

	@Option(names = "--morphology", paramLabel = "M", description = "METAPHASE (condensed, 1.8-7 widths long; the " +
		"default) or PROMETAPHASE (long, meandering, finely banded: median 8 widths, up to 35); the preset the " +
		"settings file's ranges apply to.")
	Morphology morphology;

	@Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed; the same seed gives the same files " +
		"(default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--polarity", paramLabel = "P", description = "DARK_ON_LIGHT (ChrCluster, the default) or LIGHT_ON_DARK; " +
		"overrides the settings file.")
	Polarity polarity;

	@Option(names = "--settings", paramLabel = "FILE", description = "Settings JSON: a synth.json of an earlier run " +
		"or a bare settings object (default: the built-in ranges).")
	Path settingsFile;

	@Option(names = "--overwrite", description = "Write into a non-empty output folder, replacing same-named files.")
	boolean overwrite;

	@Override
	public Integer call() throws Exception {
		SynthSettings preset = SynthSettings.preset(morphology == null ? Morphology.METAPHASE : morphology);
		SynthSettings settings = settingsFile == null ? preset : SynthDatasetWriter.readSettings(settingsFile, preset);
		if (morphology != null && settings.morphology() != morphology) throw new IllegalArgumentException(
			"Settings file " + settingsFile + " is for " + settings.morphology() + ", not --morphology " + morphology);
		if (polarity != null) settings = settings.withPolarity(polarity);
		int side = size != null ? size : settings.morphology().canvas();
		ProgressBar bar = ProgressBar.stderr();
		SynthDatasetWriter writer = new SynthDatasetWriter(settings, seed);
		Cancellation.run(bar, () -> {
			writer.write(output, perClass, side, overwrite, bar);
			return null;
		});
		spec.commandLine().getOut().println("Wrote " + (long) perClass * ClusterType.values().length + " images to " + output);
		return SupcamCli.EXIT_OK;
	}
}
