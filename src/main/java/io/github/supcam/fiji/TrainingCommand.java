package io.github.supcam.fiji;

import ij.ImagePlus;
import io.github.supcam.dataset.SplitFractions;
import io.github.supcam.image.Degradation;
import io.github.supcam.model.ModelPackage;
import io.github.supcam.model.PreprocessSettings;
import io.github.supcam.model.TrainingLog;
import io.github.supcam.util.ErrorMessages;
import io.github.supcam.util.Progress;
import org.knowm.xchart.BitmapEncoder;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What the Pretrain and Fine-tune commands share: the dataset, output and run parameters, progress in the status
 * bar and task monitor, cancellation (which leaves a checkpoint to resume), and a loss plot redrawn every epoch.
 */
abstract class TrainingCommand extends SupcamCommand {
	@Parameter(label = "Dataset folder", style = "directory",
		description = "Class folders instance/, touching/, overlapping/, touching-overlapping/ (or 0/..3/)")
	File data;

	@Parameter(label = "Output model (folder or .zip)", style = "save")
	File output;

	@Parameter(label = "Split manifest (optional)", required = false, style = "open")
	File split;

	@Parameter(label = "Epochs (0: the paper's)", min = "0")
	int epochs = 0;

	@Parameter(label = "Batch size (0: the paper's)", min = "0")
	int batch = 0;

	@Parameter(label = "Input size (px)", min = "16")
	int imageSize = 224;

	@Parameter(label = "Chromosome width normalisation (px, 0: off)", min = "0")
	double targetWidth = 0;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" })
	String device = "auto";

	@Parameter(label = "Seed")
	long seed = 42;

	@Parameter(label = "Resume an interrupted run")
	boolean resume = false;

	@Parameter(label = "Degraded training images (share; 0: none)", min = "0", max = "1",
		description = "Training images changed at random in scale (0.5-2x), blur (sigma up to 2 px) and " +
			"stain density (±30%), so that other microscopes and cameras do not change the type")
	double degrade = 0;

	@Parameter(type = ItemIO.OUTPUT)
	ImagePlus lossPlot;

	/** Runs the training job; the result's folder holds the training curve. */
	abstract ModelPackage train(Progress progress, java.util.function.Consumer<String> log,
		java.util.function.Consumer<TrainingLog> onEpoch) throws IOException;

	abstract String name();

	PreprocessSettings preprocess(PreprocessSettings base) {
		return base.withInputSize(imageSize).withTargetWidth(targetWidth);
	}

	Degradation degradation() {
		return Degradation.robustness(degrade);
	}

	SplitFractions fractions() {
		return SplitFractions.PAPER_ABLATION;
	}

	Path splitPath() {
		return split == null ? null : split.toPath();
	}

	@Override
	public void run() {
		try (FijiProgress progress = progress(name())) {
			train(progress, this::info, this::plot);
			report(name() + " finished: " + output);
		} catch (IOException | IllegalArgumentException | Progress.CancelledException e) {
			fail(e);
		} catch (RuntimeException e) {
			// Divergence and out-of-memory arrive here with advice in their message.
			fail(name() + " failed: " + ErrorMessages.describe(e));
		}
	}

	private void plot(TrainingLog history) {
		java.awt.image.BufferedImage chart = BitmapEncoder.getBufferedImage(history.chart("SupCAM " + name()));
		if (lossPlot == null) lossPlot = new ImagePlus("SupCAM " + name() + " loss", chart);
		else lossPlot.setImage(chart);
		if (GraphicsEnvironment.isHeadless() || ij.IJ.getInstance() == null) return;
		// Windows are created and redrawn on the event thread, not the training thread.
		ImagePlus shown = lossPlot;
		java.awt.EventQueue.invokeLater(() -> {
			if (shown.getWindow() == null) shown.show();
			else shown.updateAndDraw();
		});
	}
}
