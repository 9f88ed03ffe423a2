package io.github.supcam.fiji;

import ij.ImagePlus;
import io.github.supcam.compose.Combine;
import io.github.supcam.compose.CompositionPreview;
import io.github.supcam.compose.CompositionSettings;
import io.github.supcam.compose.LabelTable;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.Polarity;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Fiji: shows one category-variant composition of two open images (or their ROIs) side by side with the
 * intersection and the assigned label. Thin: all work is in {@link CompositionPreview}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Chromosome Clusters (SupCAM)>Composition Preview")
public class CompositionPreviewCommand implements Command {
	@Parameter(label = "Primary image (Ip)")
	ImagePlus primary;

	@Parameter(label = "Primary label", choices = { "instance", "touching", "overlapping", "touching-overlapping" })
	String primaryLabel = "instance";

	@Parameter(label = "Candidate image (Ic)")
	ImagePlus candidate;

	@Parameter(label = "Candidate label", choices = { "instance", "touching", "overlapping", "touching-overlapping" })
	String candidateLabel = "instance";

	@Parameter(label = "Look-up table", choices = { "middle", "heavy", "light", "none" })
	String table = "middle";

	@Parameter(label = "Overlap rule", choices = { "equal", "beta", "max" })
	String combine = "equal";

	@Parameter(label = "Polarity", choices = { "dark-on-light", "light-on-dark" })
	String polarity = "dark-on-light";

	@Parameter(label = "Intersection threshold P (px)", min = "0")
	int intersectionThreshold = CompositionSettings.DEFAULT_INTERSECTION_THRESHOLD;

	@Parameter(label = "Maximum attempts", min = "1")
	int maxAttempts = CompositionSettings.DEFAULT_MAX_ATTEMPTS;

	@Parameter(label = "Require contact")
	boolean requireContact = true;

	@Parameter(label = "Canvas size (px)", min = "16")
	int size = CompositionSettings.DEFAULT_SIZE;

	@Parameter(label = "Seed")
	long seed = 1;

	@Parameter(type = ItemIO.OUTPUT)
	ImagePlus preview;

	@Override
	public void run() {
		Polarity p = FijiChoices.polarity(polarity);
		CompositionSettings s = CompositionSettings.defaults().withPolarity(p, p.defaultBackground())
			.withTable(LabelTable.valueOf(table.toUpperCase())).withCombine(Combine.valueOf(combine.toUpperCase()))
			.withIntersectionThreshold(intersectionThreshold).withMaxAttempts(maxAttempts)
			.withRequireContact(requireContact).withSize(size);
		preview = CompositionPreview.render(primary, ClusterType.parse(primaryLabel), candidate,
			ClusterType.parse(candidateLabel), s, seed).image();
	}
}
