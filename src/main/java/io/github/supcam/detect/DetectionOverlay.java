package io.github.supcam.detect;

import ij.gui.Roi;
import ij.gui.ShapeRoi;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import io.github.supcam.image.Gray8;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * A picture of a detection for a person to check: the image, each cluster's outline (green, red when it touches
 * the border) and its id.
 */
public final class DetectionOverlay {
	private DetectionOverlay() {}

	/** Renders the overlay, scaled down so that it is at most {@code maxWidth} px wide. */
	public static BufferedImage render(ArrayImg<UnsignedByteType, ByteArray> image, DetectionResult result,
		int maxWidth)
	{
		if (maxWidth < 1) throw new IllegalArgumentException("maxWidth must be >= 1, got " + maxWidth);
		int w = Gray8.width(image), h = Gray8.height(image);
		double s = Math.min(1.0, (double) maxWidth / w);
		int ow = Math.max(1, (int) Math.round(w * s)), oh = Math.max(1, (int) Math.round(h * s));
		BufferedImage gray = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		gray.getRaster().setDataElements(0, 0, w, h, Gray8.pixels(image));
		BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.drawImage(gray, 0, 0, ow, oh, null);
			AffineTransform scale = AffineTransform.getScaleInstance(s, s);
			g.setStroke(new BasicStroke(1.5f));
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
			for (DetectedCluster c : result.clusters()) {
				Roi roi = ClusterRois.toRoi(result.labels(), c);
				Shape shape = scale.createTransformedShape(new ShapeRoi(roi).getShape());
				AffineTransform at = AffineTransform.getTranslateInstance(roi.getXBase() * s, roi.getYBase() * s);
				Color color = c.touchesBorder() ? Color.RED : new Color(0, 170, 0);
				g.setColor(color);
				g.draw(at.createTransformedShape(shape));
				String label = Integer.toString(c.id());
				// Beside the component's first pixel, which always lies on it (a centroid may not).
				int first = firstX(result.labels(), c);
				int tx = (int) Math.round(first * s) + 3, ty = (int) Math.round(c.y() * s) - 2;
				g.setColor(Color.WHITE);
				g.drawString(label, tx + 1, ty + 1);
				g.setColor(c.touchesBorder() ? Color.RED : Color.BLUE);
				g.drawString(label, tx, ty);
			}
		} finally {
			g.dispose();
		}
		return out;
	}

	private static int firstX(LabelImage labels, DetectedCluster c) {
		for (int x = c.x(); x < c.x() + c.width(); x++) if (labels.get(x, c.y()) == c.id()) return x;
		throw new IllegalStateException("Cluster " + c.id() + " has no pixel in its top row");
	}
}
