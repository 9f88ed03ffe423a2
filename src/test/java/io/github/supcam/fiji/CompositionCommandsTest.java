package io.github.supcam.fiji;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import io.github.supcam.compose.AugmentJob;
import io.github.supcam.synth.SynthDatasetWriter;
import io.github.supcam.synth.SynthSettings;
import io.github.supcam.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The composition commands run headless in a SciJava Context, through the CommandService, as Fiji runs them. */
class CompositionCommandsTest extends HeadlessFiji {
	/** A dark vertical bar of 20x120 px on a white 224x224 canvas, centred. */
	static ImagePlus bar() {
		return bar(224, 255, 20, 120);
	}

	/** A dark (60) bar of w x h px centred on a size x size image of the given background. */
	static ImagePlus bar(int size, int background, int w, int h) {
		ByteProcessor bp = new ByteProcessor(size, size);
		bp.setColor(background);
		bp.fill();
		bp.setColor(60);
		bp.setRoi((size - w) / 2, (size - h) / 2, w, h);
		bp.fill();
		bp.resetRoi();
		return new ImagePlus("bar", bp);
	}

	@Test
	void previewShowsThreePanelsAndTheDecision() throws Exception {
		CommandModule m = commands.run(CompositionPreviewCommand.class, true, "primary", bar(), "primaryLabel",
			"instance", "candidate", bar(), "candidateLabel", "instance", "seed", 3L).get();
		ImagePlus preview = (ImagePlus) m.getOutput("preview");
		assertEquals(3 * 224 + 8, preview.getWidth());
		assertEquals(224, preview.getHeight());
		String title = preview.getTitle();
		// Two instances compose to touching or overlapping, never to instance.
		assertTrue(title.contains("-> Ig touching") || title.contains("-> Ig overlapping") ||
			title.contains("(candidate"), title);
		// The first panel is the primary, unchanged: the bar's centre is dark, the corner white.
		assertEquals(60, preview.getProcessor().getPixel(112, 112) & 0xff);
		assertEquals(255, preview.getProcessor().getPixel(5, 5) & 0xff);
		CommandModule again = commands.run(CompositionPreviewCommand.class, true, "primary", bar(), "primaryLabel",
			"instance", "candidate", bar(), "candidateLabel", "instance", "seed", 3L).get();
		assertEquals(title, ((ImagePlus) again.getOutput("preview")).getTitle(), "same seed, same draw");
	}

	@Test
	void previewPadsSmallCropsAsAugmentationDoes() throws Exception {
		// Two 96-px crops, smaller than the canvas, with a grey background (200), not white.
		CommandModule m = commands.run(CompositionPreviewCommand.class, true, "primary", bar(96, 200, 10, 50),
			"primaryLabel", "instance", "candidate", bar(96, 200, 10, 50), "candidateLabel", "instance", "seed", 3L,
			"saveAs", null).get();
		ImagePlus preview = (ImagePlus) m.getOutput("preview");
		// The padding is the crop's own grey, not white: the grey background is no chromosome.
		assertEquals(200, preview.getProcessor().getPixel(5, 5) & 0xff);
		var intersection = java.util.regex.Pattern.compile("intersection (\\d+) px").matcher(preview.getTitle());
		assertTrue(intersection.find(), preview.getTitle());
		assertTrue(Integer.parseInt(intersection.group(1)) <= 10 * 50, "two bars intersect in at most one bar's area: " +
			preview.getTitle());
		// The composed panel's padding is background too.
		assertEquals(200, preview.getProcessor().getPixel(2 * (224 + 4) + 5, 5) & 0xff);
	}

	@Test
	void augmentDatasetRunsTheJob(@TempDir Path tmp) throws Exception {
		Path in = tmp.resolve("in");
		new SynthDatasetWriter(SynthSettings.defaults(), 1).write(in, 3, 96, false, Progress.NONE);
		Path out = tmp.resolve("out");
		CommandModule m = commands.run(AugmentDatasetCommand.class, true, "input", in.toFile(), "output",
			out.toFile(), "count", 10, "seed", 7L, "size", 96).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(11, Files.readAllLines(out.resolve(AugmentJob.MANIFEST_FILE)).size());

		// A second run into the now non-empty folder is refused, with the reason, and nothing is overwritten.
		byte[] manifest = Files.readAllBytes(out.resolve(AugmentJob.MANIFEST_FILE));
		CommandModule refused = commands.run(AugmentDatasetCommand.class, true, "input", in.toFile(), "output",
			out.toFile(), "count", 10, "seed", 8L, "size", 96).get();
		assertTrue(refused.isCanceled());
		assertTrue(refused.getCancelReason().contains("not empty"), refused.getCancelReason());
		assertArrayEquals(manifest, Files.readAllBytes(out.resolve(AugmentJob.MANIFEST_FILE)));
	}
}
