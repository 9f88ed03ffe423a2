package io.github.supcam.cli;

import io.github.supcam.real.HarvestSettings;
import io.github.supcam.real.Harvester;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code supcam harvest}: labelled real components from box-annotated metaphases. */
@Command(name = "harvest", mixinStandardHelpOptions = true,
	description = "Detects the components of box-annotated metaphases and writes those holding one chromosome box to " +
		"instance/ and those holding several to cluster/, cut out as classification cuts them, with manifest.csv, " +
		"excluded.csv (with the reason), cases.csv (the case split) and report.md. Exit code 2 when a file was skipped.")
public final class HarvestCommand implements Callable<Integer> {
	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--images", required = true, paramLabel = "DIR", description = "Folder of metaphase images.")
	Path images;

	@Option(names = "--annotations", required = true, paramLabel = "DIR_OR_JSON", description = "Folder of PASCAL VOC " +
		".xml files (one per image, same name) or a COCO .json file.")
	Path annotations;

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "DIR", description = "Output folder (must be empty or new).")
	Path output;

	@Option(names = "--case-pattern", paramLabel = "REGEX", description = "Regular expression whose first group, " +
		"found in the image name without extension, is the case (default: the name minus its last character).")
	String casePattern;

	@Option(names = "--overwrite", description = "Replace a non-empty output folder as a whole.")
	boolean overwrite;

	@Override
	public Integer call() throws Exception {
		HarvestSettings settings = HarvestSettings.defaults().withCasePattern(casePattern);
		ProgressBar bar = ProgressBar.stderr();
		Harvester.Summary s = Cancellation.run(bar, () -> new Harvester(settings).run(images, annotations, output,
			overwrite, bar));
		s.problems().forEach(p -> spec.commandLine().getErr().println("supcam harvest: " + p));
		spec.commandLine().getOut().println(s.format() + " -> " + output);
		return s.problems().isEmpty() ? SupcamCli.EXIT_OK : SupcamCli.EXIT_BAD_INPUT;
	}
}
