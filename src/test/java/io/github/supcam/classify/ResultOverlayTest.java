package io.github.supcam.classify;

import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.process.ByteProcessor;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.Gray8;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ResultOverlayTest {
	/** Two clusters on a 200x160 grey image: a touching rectangle and a low-confidence overlapping oval. */
	static ClusterClassifier.ImageResult result() {
		Roi rect = new Roi(20, 30, 60, 50);
		rect.setName("1-touching");
		Roi oval = new OvalRoi(110, 40, 60, 80);
		oval.setName("2-overlapping");
		ClusterResult a = new ClusterResult("img", "1", rect.getBounds(), 3000, false, ClusterType.TOUCHING,
			new double[] { 0.1, 0.8, 0.05, 0.05 }, false);
		ClusterResult b = new ClusterResult("img", "2", oval.getBounds(), 3770, false, ClusterType.OVERLAPPING,
			new double[] { 0.3, 0.2, 0.4, 0.1 }, true);
		return new ClusterClassifier.ImageResult("img", List.of(a, b), List.of(rect, oval), null, List.of());
	}

	@Test
	void overlayOutlinesAndLabelsEachClusterInItsTypesColour() {
		Overlay o = ResultOverlay.overlay(result(), 200);
		assertEquals(4, o.size(), "an outline and a label per cluster");
		assertEquals(Palette.of(ClusterType.TOUCHING), o.get(0).getStrokeColor());
		assertEquals(Palette.of(ClusterType.OVERLAPPING), o.get(2).getStrokeColor());
		assertEquals("T 80%", ((TextRoi) o.get(1)).getText().trim());
		assertEquals("O? 40%", ((TextRoi) o.get(3)).getText().trim(), "low confidence is marked");
	}

	@Test
	void renderedOutlinesHaveTheTypesColour() {
		byte[] px = new byte[200 * 160];
		Arrays.fill(px, (byte) 128);
		BufferedImage png = ResultOverlay.render(Gray8.wrap(px, 200, 160), result());
		assertEquals(200, png.getWidth());
		assertEquals(160, png.getHeight());
		// Left edge of the rectangle, halfway down; left extreme of the oval, at its centre line.
		assertTrue(near(png, 20, 55, Palette.of(ClusterType.TOUCHING)));
		assertTrue(near(png, 110, 80, Palette.of(ClusterType.OVERLAPPING)));
		// Inside the shapes the image is untouched grey.
		assertEquals(new Color(128, 128, 128).getRGB(), png.getRGB(50, 55));
		assertEquals(new Color(128, 128, 128).getRGB(), png.getRGB(140, 80));
	}

	/** Whether a pixel within one pixel of (x, y) has exactly the colour (outlines may be anti-aliased). */
	static boolean near(BufferedImage img, int x, int y, Color c) {
		for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++)
			if (img.getRGB(x + dx, y + dy) == c.getRGB()) return true;
		return false;
	}

	@Test
	void typeLabelImageHoldsTypeIndexPlusOneInsideEachCluster() {
		ByteProcessor labels = ResultOverlay.typeLabels(200, 160, result());
		assertEquals(ClusterType.TOUCHING.ordinal() + 1, labels.get(20, 30));
		assertEquals(ClusterType.TOUCHING.ordinal() + 1, labels.get(79, 79));
		assertEquals(0, labels.get(80, 80));
		assertEquals(ClusterType.OVERLAPPING.ordinal() + 1, labels.get(140, 80));
		assertEquals(0, labels.get(111, 41), "the oval's box corner is outside the oval");
		assertEquals(0, labels.get(5, 5));
		int[] hist = labels.getHistogram();
		assertEquals(60 * 50, hist[ClusterType.TOUCHING.ordinal() + 1]);
		assertEquals(Math.PI * 30 * 40, hist[ClusterType.OVERLAPPING.ordinal() + 1], 60);
	}
}
