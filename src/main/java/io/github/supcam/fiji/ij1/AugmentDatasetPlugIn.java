package io.github.supcam.fiji.ij1;

import ij.IJ;
import io.github.supcam.compose.AugmentJob;
import io.github.supcam.compose.CompositionSettings;

import java.util.List;

/** {@code run("Augment Dataset (macro)", "input=[dir] output=[dir] count=1000 seed=1")}: SupCAM's composition. */
public class AugmentDatasetPlugIn extends MacroBridge {
	static final List<Option> OPTIONS = List.of(
		Option.of("input", "Input dataset folder", Kind.DIRECTORY, ""),
		Option.of("output", "Output folder (empty or new)", Kind.DIRECTORY, ""),
		Option.of("count", "Count of images to write", Kind.NUMBER, "1000"),
		Option.of("seed", "Seed", Kind.NUMBER, "1"),
		Option.of("size", "Size of the canvas (px)", Kind.NUMBER, String.valueOf(CompositionSettings.DEFAULT_SIZE)),
		Option.of("overwrite", "Overwrite a non-empty output folder", Kind.FLAG, "false"));

	public AugmentDatasetPlugIn() {
		super("Augment Dataset", OPTIONS);
	}

	@Override
	protected void run(Values v) throws Exception {
		AugmentJob.Summary r = new AugmentJob(v.requiredPath("input"), v.requiredPath("output"), v.integer("count"),
			v.integer("seed"), CompositionSettings.defaults().withSize(v.integer("size")), v.flag("overwrite"))
			.run(progress());
		IJ.log("Wrote " + r.written() + " images (" + r.composed() + " composed) to " + v.path("output") + ": " +
			r.perLabel());
		r.problems().forEach(p -> IJ.log("Skipped " + p));
	}
}
