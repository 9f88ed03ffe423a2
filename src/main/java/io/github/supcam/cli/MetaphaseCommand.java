package io.github.supcam.cli;

import io.github.supcam.image.ImageFiles;
import io.github.supcam.synth.SynthSettings;
import io.github.supcam.synth.SyntheticMetaphase;
import org.apache.commons.math3.random.Well19937c;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code supcam metaphase}: renders one synthetic metaphase spread with clusters of known type, as a PNG. */
@Command(name = "metaphase", mixinStandardHelpOptions = true,
	description = "Writes one synthetic metaphase spread (8-bit PNG) with separated clusters of known type, e.g. to " +
		"try classification in Fiji or in a macro.")
public final class MetaphaseCommand implements Callable<Integer> {
	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "FILE", description = "PNG file to write.")
	Path output;

	@Option(names = "--width", defaultValue = "1600", description = "Width in pixels (default: ${DEFAULT-VALUE}).")
	int width;

	@Option(names = "--height", defaultValue = "1200", description = "Height in pixels (default: ${DEFAULT-VALUE}).")
	int height;

	@Option(names = "--clusters", defaultValue = "25-35", paramLabel = "MIN-MAX",
		description = "Range of the number of clusters (default: ${DEFAULT-VALUE}).")
	String clusters;

	@Option(names = "--seed", defaultValue = "7", description = "Random seed (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--overwrite", description = "Replace an existing file.")
	boolean overwrite;

	@Override
	public Integer call() throws Exception {
		String[] range = clusters.split("-", 2);
		int min, max;
		try {
			min = Integer.parseInt(range[0].trim());
			max = range.length == 2 ? Integer.parseInt(range[1].trim()) : min;
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("--clusters must be N or MIN-MAX, got '" + clusters + "'");
		}
		if (Files.exists(output) && !overwrite) throw new IllegalArgumentException(output +
			" already exists; choose another name or pass --overwrite");
		SyntheticMetaphase m = SyntheticMetaphase.render(SynthSettings.defaults(), width, height, min, max,
			new Well19937c(seed));
		ImageFiles.writePng(m.image(), output);
		int[] counts = new int[4];
		m.clusters().forEach(c -> counts[c.type().ordinal()]++);
		spec.commandLine().getOut().printf("Wrote %s: %d clusters (instance %d, touching %d, overlapping %d, " +
			"touching-overlapping %d)%n", output, m.clusters().size(), counts[0], counts[1], counts[2], counts[3]);
		return SupcamCli.EXIT_OK;
	}
}
