package io.github.supcam.classify;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.process.ByteProcessor;
import io.github.supcam.image.Gray8;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import java.awt.Font;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * What a person checks by eye: each cluster outlined in its type's colour (colour-blind-safe), labelled with the
 * type's short label and confidence, low-confidence ones marked with '?'. Also a label image of the types.
 */
public final class ResultOverlay {
	private ResultOverlay() {}

	/** An ImageJ overlay for the image the result came from. */
	public static Overlay overlay(ClusterClassifier.ImageResult result, int imageWidth) {
		Overlay o = new Overlay();
		int fontSize = Math.max(12, imageWidth / 80);
		Font font = new Font(Font.SANS_SERIF, Font.BOLD, fontSize);
		for (int i = 0; i < result.rows().size(); i++) {
			ClusterResult r = result.rows().get(i);
			Roi roi = (Roi) result.rois().get(i).clone();
			roi.setStrokeColor(Palette.of(r.predicted()));
			roi.setStrokeWidth(Math.max(1.5, fontSize / 8.0));
			o.add(roi);
			String text = r.predicted().shortLabel() + (r.lowConfidence() ? "?" : "") +
				String.format(Locale.ROOT, " %.0f%%", 100 * r.confidence());
			Rectangle b = r.bounds();
			TextRoi label = new TextRoi(b.x, Math.max(0, b.y - fontSize - 2), text, font);
			label.setStrokeColor(Palette.of(r.predicted()));
			label.setName(roi.getName() + "-label");
			o.add(label);
		}
		return o;
	}

	/** The image with the overlay burnt in, as RGB, for a PNG a person can look at. */
	public static BufferedImage render(ArrayImg<UnsignedByteType, ByteArray> img, ClusterClassifier.ImageResult result) {
		ImagePlus imp = new ImagePlus(result.image(), new ByteProcessor(Gray8.width(img), Gray8.height(img),
			Gray8.pixels(img).clone()));
		imp.setOverlay(overlay(result, Gray8.width(img)));
		return imp.flatten().getBufferedImage();
	}

	/** 8-bit image where each cluster's pixels hold its type's index + 1 (0 elsewhere). */
	public static ByteProcessor typeLabels(int width, int height, ClusterClassifier.ImageResult result) {
		ByteProcessor out = new ByteProcessor(width, height);
		ClusterLabels.paint(out, result, i -> result.rows().get(i).predicted().ordinal() + 1);
		return out;
	}
}
