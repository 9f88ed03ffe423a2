package io.github.supcam.image;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Tiles 8-bit images into a grid, each shrunk to fit its cell (never enlarged) and centred, with an optional
 * caption under each. For documentation figures, visual checks and reports.
 */
public final class Montage {
	private Montage() {}

	/** One cell of a montage; {@code caption} may be null or empty. */
	public record Tile(ArrayImg<UnsignedByteType, ByteArray> image, String caption) {
		public Tile {
			if (image == null) throw new IllegalArgumentException("Montage tile without an image");
		}
	}

	/**
	 * Tiles images row by row.
	 *
	 * @param tiles the cells, in reading order
	 * @param columns cells per row
	 * @param cellSize side of the square cell an image is fitted into, in pixels
	 * @param background gray value (0..255) of the cell padding and caption strips
	 * @return an 8-bit gray image
	 */
	public static BufferedImage grid(List<Tile> tiles, int columns, int cellSize, int background) {
		if (tiles.isEmpty()) throw new IllegalArgumentException("Montage needs at least one image");
		if (columns < 1 || cellSize < 1) throw new IllegalArgumentException("Montage needs columns >= 1 and " +
			"cellSize >= 1, got " + columns + " and " + cellSize);
		if (background < 0 || background > 255) throw new IllegalArgumentException("Background " + background +
			" is not a gray value 0..255");
		boolean captions = tiles.stream().anyMatch(t -> t.caption() != null && !t.caption().isEmpty());
		Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, Math.min(14, cellSize / 10)));
		int captionHeight = captions ? font.getSize() + 6 : 0;
		int gap = 2;
		int rows = (tiles.size() + columns - 1) / columns;
		int cols = Math.min(columns, tiles.size());
		int cellH = cellSize + captionHeight;
		BufferedImage out = new BufferedImage(cols * (cellSize + gap) + gap, rows * (cellH + gap) + gap,
			BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = out.createGraphics();
		try {
			g.setColor(new Color(background, background, background));
			g.fillRect(0, 0, out.getWidth(), out.getHeight());
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setFont(font);
			Color text = background > 127 ? Color.BLACK : Color.WHITE;
			FontMetrics fm = g.getFontMetrics();
			for (int i = 0; i < tiles.size(); i++) {
				Tile t = tiles.get(i);
				int cx = gap + (i % columns) * (cellSize + gap);
				int cy = gap + (i / columns) * (cellH + gap);
				BufferedImage src = toBufferedImage(t.image());
				double s = Math.min(1.0, (double) cellSize / Math.max(src.getWidth(), src.getHeight()));
				int w = Math.max(1, (int) Math.round(src.getWidth() * s));
				int h = Math.max(1, (int) Math.round(src.getHeight() * s));
				g.drawImage(src, cx + (cellSize - w) / 2, cy + (cellSize - h) / 2, w, h, null);
				if (captions && t.caption() != null) {
					String c = fit(t.caption(), fm, cellSize);
					g.setColor(text);
					g.drawString(c, cx + (cellSize - fm.stringWidth(c)) / 2, cy + cellSize + fm.getAscent() + 2);
				}
			}
		} finally {
			g.dispose();
		}
		return out;
	}

	/** {@link #grid} written as a PNG, atomically. */
	public static void writePng(List<Tile> tiles, int columns, int cellSize, int background, Path file)
		throws IOException
	{
		ImageFiles.writePng(grid(tiles, columns, cellSize, background), file);
	}

	/** A TYPE_BYTE_GRAY copy of an 8-bit image. */
	public static BufferedImage toBufferedImage(ArrayImg<UnsignedByteType, ByteArray> img) {
		int w = Gray8.width(img), h = Gray8.height(img);
		BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		bi.getRaster().setDataElements(0, 0, w, h, Gray8.pixels(img));
		return bi;
	}

	private static String fit(String caption, FontMetrics fm, int width) {
		if (fm.stringWidth(caption) <= width) return caption;
		String c = caption;
		while (c.length() > 1 && fm.stringWidth(c + "…") > width) c = c.substring(0, c.length() - 1);
		return c + "…";
	}
}
