package io.github.supcam.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MontageTest {
	@TempDir
	Path tmp;

	private static int gray(BufferedImage im, int x, int y) {
		return im.getRaster().getSample(x, y, 0);
	}

	@Test
	void tilesAreCentredInTheirCellsRowByRow() {
		var black = Gray8.create(10, 10, 0);
		var mid = Gray8.create(10, 10, 100);
		BufferedImage m = Montage.grid(List.of(new Montage.Tile(black, null), new Montage.Tile(mid, null),
			new Montage.Tile(black, null)), 2, 20, 255);
		// 2 columns x 2 rows of 20 px cells with 2 px gaps.
		assertEquals(2 * 22 + 2, m.getWidth());
		assertEquals(2 * 22 + 2, m.getHeight());
		assertEquals(0, gray(m, 2 + 5, 2 + 5)); // first image starts 5 px into its cell
		assertEquals(255, gray(m, 2 + 4, 2 + 5));
		assertEquals(100, gray(m, 24 + 10, 2 + 10));
		assertEquals(0, gray(m, 2 + 10, 24 + 10));
		assertEquals(255, gray(m, 24 + 10, 24 + 10)); // empty last cell
	}

	@Test
	void largeImagesShrinkAndCaptionsAddAStrip() throws Exception {
		var wide = Gray8.create(40, 20, 0);
		BufferedImage m = Montage.grid(List.of(new Montage.Tile(wide, "a caption that is far too long")), 3, 20, 255);
		assertEquals(24, m.getWidth());
		assertTrue(m.getHeight() > 24, "caption strip");
		assertEquals(0, gray(m, 2, 2 + 5)); // 40x20 shrunk to 20x10, centred vertically
		assertEquals(255, gray(m, 2, 2 + 4));
		Montage.writePng(List.of(new Montage.Tile(wide, "x")), 1, 20, 255, tmp.resolve("m.png"));
		assertEquals(24, Gray8.width(ImageFiles.read(tmp.resolve("m.png"))));
	}

	@Test
	void rejectsBadArguments() {
		assertThrows(IllegalArgumentException.class, () -> Montage.grid(List.of(), 2, 20, 0));
		var img = Gray8.create(4, 4, 0);
		assertThrows(IllegalArgumentException.class, () -> Montage.grid(List.of(new Montage.Tile(img, null)), 0, 20, 0));
		assertThrows(IllegalArgumentException.class, () -> Montage.grid(List.of(new Montage.Tile(img, null)), 1, 20, 300));
	}
}
