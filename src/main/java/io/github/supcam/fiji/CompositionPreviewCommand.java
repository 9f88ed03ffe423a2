package io.github.supcam.fiji;

import ij.ImagePlus;
import io.github.supcam.compose.CompositionPreview;
import io.github.supcam.dataset.ClusterType;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Fiji: shows one category-variant composition of two open images (or their ROIs) side by side with the
 * intersection and the assigned label. Thin: all work is in {@link CompositionPreview}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Chromosome Clusters (SupCAM)>Composition Preview")
public class CompositionPreviewCommand extends CompositionCommand {
	@Parameter(label = "Primary image (Ip)")
	ImagePlus primary;

	@Parameter(label = "Primary label", choices = { "instance", "touching", "overlapping", "touching-overlapping" })
	String primaryLabel = "instance";

	@Parameter(label = "Candidate image (Ic)")
	ImagePlus candidate;

	@Parameter(label = "Candidate label", choices = { "instance", "touching", "overlapping", "touching-overlapping" })
	String candidateLabel = "instance";

	@Parameter(type = ItemIO.OUTPUT)
	ImagePlus preview;

	@Override
	public void run() {
		preview = CompositionPreview.render(primary, ClusterType.parse(primaryLabel), candidate,
			ClusterType.parse(candidateLabel), compositionSettings(), seed).image();
	}
}
