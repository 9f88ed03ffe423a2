package io.github.supcam.classify;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import io.github.supcam.util.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The instance label image a downstream segmentation step reads: 16-bit, 0 for background, and inside each cluster
 * the cluster id of its Results row. Detected clusters have ids 1, 2, ...; a row whose id is not a whole number in
 * 1..65535 (a named ROI, a whole-image crop) gets its 1-based position among the image's rows instead.
 */
public final class ClusterLabels {
	private ClusterLabels() {}

	/** The label of row {@code index} (0-based) of an image's rows. */
	public static int label(List<ClusterResult> rows, int index) {
		try {
			int id = Integer.parseInt(rows.get(index).cluster());
			if (id >= 1 && id <= 65535) return id;
		} catch (NumberFormatException e) {
			// a named ROI or a crop: fall through to its position
		}
		return index + 1;
	}

	/** The label image of one classified image; a later cluster's pixels win where two overlap. */
	public static ShortProcessor image(int width, int height, ClusterClassifier.ImageResult result) {
		ShortProcessor out = new ShortProcessor(width, height);
		paint(out, result, i -> label(result.rows(), i));
		out.setMinAndMax(0, Math.max(1, result.rows().size()));
		return out;
	}

	/** Fills each cluster's pixels (its ROI's mask) with {@code valueOfRow} of its row index. */
	static void paint(ImageProcessor out, ClusterClassifier.ImageResult result, IntUnaryOperator valueOfRow) {
		for (int i = 0; i < result.rows().size(); i++) {
			Roi roi = result.rois().get(i);
			ImageProcessor mask = roi.getMask();
			out.setValue(valueOfRow.applyAsInt(i));
			out.setRoi(roi.getBounds());
			if (mask == null) out.fill();
			else out.fill(mask);
		}
		out.resetRoi();
	}

	/** Writes the label image as a 16-bit TIFF, atomically. */
	public static void write(Path file, int width, int height, ClusterClassifier.ImageResult result) throws IOException {
		byte[] tiff = new FileSaver(new ImagePlus(file.getFileName().toString(), image(width, height, result)))
			.serialize();
		AtomicFiles.write(file, out -> out.write(tiff));
	}
}
