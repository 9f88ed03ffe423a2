package io.github.supcam.fiji;

import ij.ImagePlus;
import io.github.supcam.compose.CompositionPreview;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.ImageFiles;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.io.IOException;

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

	@Parameter(label = "Save the preview as PNG (optional)", required = false, style = "save", persist = false)
	File saveAs;

	@Parameter(type = ItemIO.OUTPUT)
	ImagePlus preview;

	@Override
	public void run() {
		try {
			preview = CompositionPreview.render(primary, ClusterType.parse(primaryLabel), candidate,
				ClusterType.parse(candidateLabel), compositionSettings(), seed).image();
			report(preview.getTitle());
			if (saveAs != null) {
				ImageFiles.writePng(preview.getBufferedImage(), saveAs.toPath());
				report("Saved the preview as " + saveAs);
			}
		} catch (IOException | IllegalArgumentException e) {
			fail(e);
		}
	}
}
