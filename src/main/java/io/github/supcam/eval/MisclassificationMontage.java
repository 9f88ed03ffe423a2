package io.github.supcam.eval;

import io.github.supcam.image.Gray8;
import io.github.supcam.image.ImageFiles;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Tiles the most confident misclassifications of a test set, as in the SupCAM paper's Figure 8: each image is
 * scaled to fit a square tile, with its true label, the predicted label (in red) and the confidence underneath.
 */
public final class MisclassificationMontage {
	private MisclassificationMontage() {}

	/**
	 * One classified image.
	 *
	 * @param image the 8-bit image
	 * @param trueLabel its true class
	 * @param predictedLabel the class predicted for it
	 * @param confidence the predicted class's probability (0..1)
	 */
	public record Item(ArrayImg<UnsignedByteType, ByteArray> image, String trueLabel, String predictedLabel,
		double confidence) {
		public Item {
			Objects.requireNonNull(image, "image");
			Objects.requireNonNull(trueLabel, "trueLabel");
			Objects.requireNonNull(predictedLabel, "predictedLabel");
			if (!(confidence >= 0 && confidence <= 1)) throw new IllegalArgumentException(
				"Confidence must be within 0..1, got " + confidence);
		}

		public boolean misclassified() {
			return !trueLabel.equals(predictedLabel);
		}
	}

	/**
	 * Layout of the montage.
	 *
	 * @param topN how many misclassifications to show at most
	 * @param columns tiles per row
	 * @param tileSize edge of the square image area of a tile, in pixels (32..1024)
	 */
	public record Layout(int topN, int columns, int tileSize) {
		public Layout {
			if (topN < 1) throw new IllegalArgumentException("topN must be at least 1, got " + topN);
			if (columns < 1) throw new IllegalArgumentException("Columns must be at least 1, got " + columns);
			if (tileSize < 32 || tileSize > 1024) throw new IllegalArgumentException(
				"Tile size must be 32..1024 pixels, got " + tileSize);
		}

		/** 16 tiles, 4 per row, 180 pixels each. */
		public static Layout defaults() {
			return new Layout(16, 4, 180);
		}

		public Layout withColumns(int columns) {
			return new Layout(topN, columns, tileSize);
		}

		public Layout withTileSize(int tileSize) {
			return new Layout(topN, columns, tileSize);
		}
	}

	private static final int GAP = 10, CAPTION = 54, HEADER = 44;

	/**
	 * The misclassified items (those whose predicted label differs from the true one), most confident first and,
	 * at equal confidence, in input order; at most {@code topN}.
	 */
	public static List<Item> mostConfident(List<Item> items, int topN) {
		return items.stream().filter(Item::misclassified)
			.sorted(Comparator.comparingDouble(Item::confidence).reversed()).limit(topN).toList();
	}

	/**
	 * Renders the montage of {@link #mostConfident}. With {@code k} tiles shown in {@code c = min(k, columns)}
	 * columns and {@code r} rows the image is {@code 10 + c·(tile + 10)} wide and {@code 44 + r·(tile + 64)} high;
	 * with none it says so in a single empty tile.
	 */
	public static BufferedImage render(List<Item> items, Layout layout, String title) {
		List<Item> shown = mostConfident(items, layout.topN());
		int tile = layout.tileSize();
		int cols = Math.max(1, Math.min(shown.size(), layout.columns()));
		int rows = Math.max(1, (shown.size() + cols - 1) / cols);
		BufferedImage image = new BufferedImage(GAP + cols * (tile + GAP), HEADER + rows * (tile + CAPTION + GAP),
			BufferedImage.TYPE_INT_RGB);
		Graphics2D g = Drawing.whiteCanvas(image);
		g.setColor(Color.BLACK);
		g.setFont(Drawing.fit(g, List.of(title), Drawing.sans(Font.BOLD, 18), image.getWidth() - 2 * GAP, 9));
		Drawing.centred(g, List.of(Drawing.ellipsize(g, title, image.getWidth() - 2 * GAP)), image.getWidth() / 2.0,
			HEADER / 2.0);
		if (shown.isEmpty()) {
			g.setFont(Drawing.sans(Font.PLAIN, 13));
			Drawing.centred(g, Drawing.wrap(g, "No misclassifications", tile), GAP + tile / 2.0, HEADER + tile / 2.0);
		}
		// One caption font for all tiles, shrunk until the longest caption fits, reads better than many sizes.
		g.setFont(Drawing.fit(g, shown.stream().flatMap(i -> caption(i).stream()).toList(),
			Drawing.sans(Font.PLAIN, 13), tile - 4, 10));
		for (int i = 0; i < shown.size(); i++) {
			int x = GAP + (i % cols) * (tile + GAP), y = HEADER + (i / cols) * (tile + CAPTION + GAP);
			drawTile(g, shown.get(i), x, y, tile);
		}
		g.dispose();
		return image;
	}

	/** Renders and writes the PNG atomically. */
	public static void write(List<Item> items, Layout layout, String title, Path file) throws IOException {
		ImageFiles.writePng(render(items, layout, title), file);
	}

	private static void drawTile(Graphics2D g, Item item, int x, int y, int tile) {
		int w = Gray8.width(item.image()), h = Gray8.height(item.image());
		BufferedImage gray = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		gray.getRaster().setDataElements(0, 0, w, h, Gray8.pixels(item.image()));
		double scale = Math.min(tile / (double) w, tile / (double) h);
		int sw = Math.max(1, (int) Math.round(w * scale)), sh = Math.max(1, (int) Math.round(h * scale));
		g.drawImage(gray, x + (tile - sw) / 2, y + (tile - sh) / 2, sw, sh, null);
		g.setColor(new Color(0xbbbbbb));
		g.drawRect(x, y, tile - 1, tile - 1);

		List<String> caption = caption(item);
		double line = CAPTION / 3.0, cx = x + tile / 2.0;
		g.setColor(new Color(0x1a1a1a));
		Drawing.centred(g, List.of(Drawing.ellipsize(g, caption.get(0), tile)), cx, y + tile + line * 0.6);
		g.setColor(new Color(0xc0392b));
		Drawing.centred(g, List.of(Drawing.ellipsize(g, caption.get(1), tile)), cx, y + tile + line * 1.6);
		g.setColor(new Color(0x555555));
		Drawing.centred(g, List.of(caption.get(2)), cx, y + tile + line * 2.6);
	}

	private static List<String> caption(Item item) {
		return List.of("true: " + item.trueLabel(), "pred: " + item.predictedLabel(),
			"confidence " + String.format(Locale.ROOT, "%.2f", item.confidence()));
	}
}
