package io.github.supcam.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfusionMatrixPlotTest {

	@TempDir
	Path dir;

	@Test
	void pngHasExpectedSizeAndCellsShadedByRowPercentage() throws IOException {
		Path file = dir.resolve("cm.png");
		ConfusionMatrixPlot.write(MetricsTest.fourByFour(), "Confusion matrix", file);
		BufferedImage png = ImageIO.read(file.toFile());
		// 4 classes of 140 px: (338 + 560) x (174 + 560).
		assertEquals(898, png.getWidth());
		assertEquals(734, png.getHeight());
		// The grid starts at (216, 64); sample each cell near its top-left corner, away from the text.
		assertEquals(ConfusionMatrixPlot.blues(50 / 55.0), new Color(png.getRGB(216 + 5, 64 + 5)));
		assertEquals(ConfusionMatrixPlot.blues(0), new Color(png.getRGB(216 + 5, 64 + 2 * 140 + 5)));
		assertEquals(ConfusionMatrixPlot.blues(50 / 60.0), new Color(png.getRGB(216 + 3 * 140 + 5, 64 + 3 * 140 + 5)));
	}

	@Test
	void bluesRunFromNearWhiteToDarkBlue() {
		assertEquals(new Color(0xf7fbff), ConfusionMatrixPlot.blues(0));
		assertEquals(new Color(0x6baed6), ConfusionMatrixPlot.blues(0.5));
		assertEquals(new Color(0x08306b), ConfusionMatrixPlot.blues(1));
	}

	@Test
	void sizeFollowsClassCountAndCellSize() {
		BufferedImage img = ConfusionMatrixPlot.render(ConfusionMatrix.ofCounts(List.of("yes", "no"),
			new long[][] {{1, 0}, {0, 1}}), "t", 100);
		assertEquals(338 + 200, img.getWidth());
		assertEquals(174 + 200, img.getHeight());
		assertThrows(IllegalArgumentException.class,
			() -> ConfusionMatrixPlot.render(MetricsTest.fourByFour(), "t", 10));
	}
}
