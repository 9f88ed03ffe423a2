package io.github.supcam.eval;

import io.github.supcam.image.Gray8;
import io.github.supcam.eval.MisclassificationMontage.Item;
import io.github.supcam.eval.MisclassificationMontage.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MisclassificationMontageTest {

	@TempDir
	Path dir;

	private static Item item(int gray, String truth, String pred, double confidence) {
		return new Item(Gray8.create(40, 20, gray), truth, pred, confidence);
	}

	@Test
	void keepsOnlyMisclassificationsMostConfidentFirst() {
		Item a = item(10, "touching", "overlapping", 0.6), b = item(20, "instance", "instance", 0.99),
			c = item(30, "overlapping", "touching", 0.9), d = item(40, "instance", "touching", 0.7);
		assertEquals(List.of(c, d), MisclassificationMontage.mostConfident(List.of(a, b, c, d), 2));
		assertEquals(List.of(c, d, a), MisclassificationMontage.mostConfident(List.of(a, b, c, d), 10));
	}

	@Test
	void montageHasExpectedSizeAndDrawsTheMostConfidentImageFirst() throws IOException {
		List<Item> items = List.of(item(200, "touching", "overlapping", 0.6), item(0, "instance", "touching", 0.9),
			item(100, "overlapping", "touching-overlapping", 0.8));
		Path file = dir.resolve("montage.png");
		MisclassificationMontage.write(items, Layout.defaults().withColumns(2).withTileSize(100), "Top errors", file);
		BufferedImage png = ImageIO.read(file.toFile());
		// 2 columns, 2 rows: width 10 + 2 * (100 + 10), height 44 + 2 * (100 + 54 + 10).
		assertEquals(230, png.getWidth());
		assertEquals(372, png.getHeight());
		// A 40x20 image in a 100 px tile is drawn 100x50, centred: tile 1 at (10, 44) is the 0.9 (black) one.
		assertEquals(0, png.getRGB(10 + 50, 44 + 50) & 0xff);
		assertEquals(100, png.getRGB(10 + 110 + 50, 44 + 50) & 0xff);
		assertEquals(200, png.getRGB(10 + 50, 44 + 164 + 50) & 0xff);
	}

	@Test
	void noMisclassificationsGiveASingleEmptyTile() {
		BufferedImage img = MisclassificationMontage.render(List.of(item(5, "instance", "instance", 1)),
			Layout.defaults(), "None");
		assertEquals(10 + 180 + 10, img.getWidth());
		assertEquals(44 + 180 + 54 + 10, img.getHeight());
	}

	@Test
	void rejectsConfidenceOutsideZeroToOne() {
		assertThrows(IllegalArgumentException.class, () -> item(0, "a", "b", 1.5));
		assertThrows(IllegalArgumentException.class, () -> Layout.defaults().withTileSize(8));
	}
}
