package io.github.supcam.eval;

import io.github.supcam.image.ImageFiles;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws a confusion matrix as in the SupCAM paper's Figure 7: a heat map shaded in blues by row percentage, each
 * cell showing its row percentage and count, true classes down the left, predicted classes along the bottom, and
 * a colour bar. The image size depends only on the number of classes and the cell size.
 */
public final class ConfusionMatrixPlot {
	private ConfusionMatrixPlot() {}

	/** Default cell edge in pixels. */
	public static final int DEFAULT_CELL = 140;

	private static final int AXIS_TITLE = 36, LABELS = 180, TITLE = 64, BOTTOM = 110, RIGHT = 122;

	/** Matplotlib's "Blues" colour map, from 0% to 100% in eight equal steps. */
	private static final int[] BLUES = {0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5,
		0x08519c, 0x08306b};

	public static BufferedImage render(ConfusionMatrix cm, String title) {
		return render(cm, title, DEFAULT_CELL);
	}

	/** Renders with cells of {@code cell} pixels (60..400); the image is (338 + n·cell) × (174 + n·cell). */
	public static BufferedImage render(ConfusionMatrix cm, String title, int cell) {
		if (cell < 60 || cell > 400) throw new IllegalArgumentException("Cell size must be 60..400 pixels, got " +
			cell);
		int n = cm.size();
		int gx = AXIS_TITLE + LABELS, gy = TITLE, grid = n * cell;
		BufferedImage image = new BufferedImage(gx + grid + RIGHT, gy + grid + BOTTOM, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = Drawing.whiteCanvas(image);
		double[][] pct = cm.rowPercentages();
		Font valueFont = Drawing.sans(Font.BOLD, cell * 0.16f), countFont = Drawing.sans(Font.PLAIN, cell * 0.11f);
		for (int t = 0; t < n; t++) {
			for (int p = 0; p < n; p++) {
				int x = gx + p * cell, y = gy + t * cell;
				double f = pct[t][p] / 100;
				g.setColor(blues(f));
				g.fillRect(x, y, cell, cell);
				g.setColor(f > 0.5 ? Color.WHITE : new Color(0x1a1a1a));
				g.setFont(valueFont);
				Drawing.centred(g, List.of(Metrics.format(pct[t][p]) + "%"), x + cell / 2.0, y + cell * 0.43);
				g.setFont(countFont);
				Drawing.centred(g, List.of("(" + cm.count(t, p) + ")"), x + cell / 2.0, y + cell * 0.66);
			}
		}
		g.setColor(new Color(0x555555));
		g.setStroke(new BasicStroke(1f));
		g.drawRect(gx, gy, grid, grid);

		g.setColor(Color.BLACK);
		Font labelFont = Drawing.sans(Font.PLAIN, 17);
		for (int c = 0; c < n; c++) {
			String name = cm.classNames().get(c);
			g.setFont(labelFont);
			List<String> below = Drawing.wrap(g, name, cell - 8);
			g.setFont(Drawing.fit(g, below, labelFont, cell - 4, 9));
			// Top-aligned, so that one-line and wrapped labels start on the same line.
			double lineHeight = g.getFontMetrics().getAscent() + g.getFontMetrics().getDescent();
			Drawing.centred(g, below, gx + (c + 0.5) * cell, gy + grid + 12 + lineHeight * below.size() / 2);
			g.setFont(labelFont);
			List<String> left = Drawing.wrap(g, name, LABELS - 16);
			g.setFont(Drawing.fit(g, left, labelFont, LABELS - 12, 9));
			Drawing.rightAligned(g, left, gx - 10, gy + (c + 0.5) * cell);
		}

		Font axisFont = Drawing.sans(Font.BOLD, 18);
		g.setFont(axisFont);
		Drawing.centred(g, List.of("Predicted label"), gx + grid / 2.0, gy + grid + BOTTOM - 24);
		AffineTransform plain = g.getTransform();
		g.rotate(-Math.PI / 2, AXIS_TITLE / 2.0 + 4, gy + grid / 2.0);
		Drawing.centred(g, List.of("True label"), AXIS_TITLE / 2.0 + 4, gy + grid / 2.0);
		g.setTransform(plain);

		g.setFont(Drawing.fit(g, List.of(title), Drawing.sans(Font.BOLD, 22), image.getWidth() - 20, 10));
		Drawing.centred(g, List.of(Drawing.ellipsize(g, title, image.getWidth() - 20)), gx + grid / 2.0, TITLE / 2.0);

		colourBar(g, gx + grid + 28, gy, grid);
		g.dispose();
		return image;
	}

	/** Renders and writes the PNG atomically. */
	public static void write(ConfusionMatrix cm, String title, Path file) throws IOException {
		ImageFiles.writePng(render(cm, title), file);
	}

	private static void colourBar(Graphics2D g, int x, int y, int height) {
		int width = 22;
		for (int i = 0; i < height; i++) {
			g.setColor(blues(1 - i / (double) (height - 1)));
			g.fillRect(x, y + i, width, 1);
		}
		g.setColor(new Color(0x555555));
		g.drawRect(x, y, width, height);
		g.setFont(Drawing.sans(Font.PLAIN, 13));
		FontMetrics fm = g.getFontMetrics();
		for (int v = 0; v <= 100; v += 20) {
			int ty = y + (int) Math.round(height * (1 - v / 100.0));
			g.drawLine(x + width, ty, x + width + 4, ty);
			g.drawString(v + "%", x + width + 7, ty + (fm.getAscent() - fm.getDescent()) / 2f);
		}
	}

	/** The colour-map colour of a fraction 0..1, interpolated linearly between its stops. */
	static Color blues(double fraction) {
		double pos = Math.max(0, Math.min(1, fraction)) * (BLUES.length - 1);
		int i = Math.min((int) pos, BLUES.length - 2);
		double w = pos - i;
		int a = BLUES[i], b = BLUES[i + 1];
		return new Color(mix(a >> 16, b >> 16, w), mix(a >> 8, b >> 8, w), mix(a, b, w));
	}

	private static int mix(int a, int b, double w) {
		return (int) Math.round((a & 0xff) * (1 - w) + (b & 0xff) * w);
	}
}
