package io.github.supcam.eval;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Java2D helpers shared by the report figures; all work headless. */
final class Drawing {
	private Drawing() {}

	/** Antialiased graphics over the whole image, filled with white. */
	static Graphics2D whiteCanvas(BufferedImage image) {
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		return g;
	}

	static Font sans(int style, float size) {
		return new Font(Font.SANS_SERIF, style, 1).deriveFont(size);
	}

	/** The font, shrunk down to {@code minSize} until every line fits {@code maxWidth}. */
	static Font fit(Graphics2D g, List<String> lines, Font font, int maxWidth, float minSize) {
		Font f = font;
		while (f.getSize2D() > minSize && widest(g.getFontMetrics(f), lines) > maxWidth)
			f = f.deriveFont(f.getSize2D() - 0.5f);
		return f;
	}

	private static int widest(FontMetrics fm, List<String> lines) {
		return lines.stream().mapToInt(fm::stringWidth).max().orElse(0);
	}

	/** The text cut with an ellipsis so that it fits {@code maxWidth} in the current font. */
	static String ellipsize(Graphics2D g, String text, int maxWidth) {
		FontMetrics fm = g.getFontMetrics();
		if (fm.stringWidth(text) <= maxWidth) return text;
		String t = text;
		while (!t.isEmpty() && fm.stringWidth(t + "…") > maxWidth) t = t.substring(0, t.length() - 1);
		return t + "…";
	}

	/**
	 * Splits a label into lines no wider than {@code maxWidth} at hyphens and spaces (keeping the hyphen), so that
	 * "touching-overlapping" becomes "touching-" / "overlapping".
	 */
	static List<String> wrap(Graphics2D g, String text, int maxWidth) {
		FontMetrics fm = g.getFontMetrics();
		List<String> lines = new ArrayList<>();
		String line = "";
		for (String word : text.split("(?<=-)|(?= )")) {
			String candidate = line + word;
			if (!line.isEmpty() && fm.stringWidth(candidate) > maxWidth) {
				lines.add(line.strip());
				line = word.strip();
			} else {
				line = candidate;
			}
		}
		lines.add(line.strip());
		return lines;
	}

	/** Draws lines of text centred horizontally on {@code cx} and, as a block, vertically on {@code cy}. */
	static void centred(Graphics2D g, List<String> lines, double cx, double cy) {
		lines(g, lines, cx, cy, 0.5);
	}

	/** Draws lines of text ending at {@code right}, centred as a block vertically on {@code cy}. */
	static void rightAligned(Graphics2D g, List<String> lines, double right, double cy) {
		lines(g, lines, right, cy, 1);
	}

	private static void lines(Graphics2D g, List<String> lines, double x, double cy, double align) {
		FontMetrics fm = g.getFontMetrics();
		double lineHeight = fm.getAscent() + fm.getDescent();
		double top = cy - lineHeight * lines.size() / 2;
		for (int i = 0; i < lines.size(); i++) {
			String s = lines.get(i);
			g.drawString(s, (float) (x - align * fm.stringWidth(s)), (float) (top + i * lineHeight + fm.getAscent()));
		}
	}
}
