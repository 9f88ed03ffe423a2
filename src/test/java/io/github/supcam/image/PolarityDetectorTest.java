package io.github.supcam.image;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class PolarityDetectorTest {
	/** A {@code size}² image of {@code background} with a centred {@code blob}² square of {@code foreground}. */
	private static ArrayImg<UnsignedByteType, ByteArray> blob(int size, int blob, int background, int foreground) {
		ArrayImg<UnsignedByteType, ByteArray> img = Gray8.create(size, size, background);
		int o = (size - blob) / 2;
		for (int y = o; y < o + blob; y++)
			for (int x = o; x < o + blob; x++) Gray8.pixels(img)[y * size + x] = (byte) foreground;
		return img;
	}

	@Test
	void detectsLargeForegroundBothWays() {
		assertEquals(Polarity.DARK_ON_LIGHT, PolarityDetector.detect(blob(20, 16, 230, 60)));
		assertEquals(Polarity.LIGHT_ON_DARK, PolarityDetector.detect(blob(20, 16, 10, 180)));
	}

	@Test
	void detectsSmallForegroundBothWays() {
		// 4 of 400 pixels: the image median equals the background.
		assertEquals(Polarity.DARK_ON_LIGHT, PolarityDetector.detect(blob(20, 2, 230, 60)));
		assertEquals(Polarity.LIGHT_ON_DARK, PolarityDetector.detect(blob(20, 2, 10, 180)));
	}

	@Test
	void toleratesBorderOneGrayLevelAboveInsideBackground() {
		// Inside background 0, right half of the border 1 (so the border median is 1 > image median 0), light blob.
		ArrayImg<UnsignedByteType, ByteArray> img = blob(20, 4, 0, 150);
		for (int y = 0; y < 20; y++) {
			Gray8.pixels(img)[y * 20 + 19] = 1;
			if (y == 0 || y == 19) for (int x = 8; x < 20; x++) Gray8.pixels(img)[y * 20 + x] = 1;
		}
		assertEquals(Polarity.LIGHT_ON_DARK, PolarityDetector.detect(img));
		assertEquals(Polarity.DARK_ON_LIGHT, PolarityDetector.detect(Intensity.invert(img)));
	}

	@Test
	void ignoresBackgroundNoise() {
		// Noise of +-3 around 200 on the whole image, a dark blob: noise must not outweigh it either way.
		ArrayImg<UnsignedByteType, ByteArray> img = blob(30, 6, 200, 90);
		for (int i = 0; i < 900; i++)
			if ((Gray8.pixels(img)[i] & 0xff) == 200) Gray8.pixels(img)[i] = (byte) (200 + i * 31 % 7 - 3);
		assertEquals(Polarity.DARK_ON_LIGHT, PolarityDetector.detect(img));
	}

	@Test
	void uniformImageIsCanonical() {
		assertEquals(Polarity.DARK_ON_LIGHT, PolarityDetector.detect(Gray8.create(5, 5, 77)));
	}

	@Test
	void invertAndToCanonical() {
		ArrayImg<UnsignedByteType, ByteArray> light = blob(6, 2, 0, 200);
		ArrayImg<UnsignedByteType, ByteArray> inv = Intensity.invert(light);
		assertEquals(255, Gray8.get(inv, 0, 0));
		assertEquals(55, Gray8.get(inv, 2, 2));
		assertEquals(0, Gray8.get(light, 0, 0), "the input is unchanged");
		assertEquals(255, Gray8.get(Intensity.toCanonical(light, null), 0, 0), "detected and inverted");
		assertSame(light, Intensity.toCanonical(light, Polarity.DARK_ON_LIGHT), "an override is obeyed");
		ArrayImg<UnsignedByteType, ByteArray> dark = blob(6, 2, 255, 30);
		assertSame(dark, Intensity.toCanonical(dark, null));
		assertEquals(0, Gray8.get(Intensity.toCanonical(dark, Polarity.LIGHT_ON_DARK), 0, 0));
	}

	@Test
	void realImagesOfBothPolarities() throws Exception {
		Path data = Paths.get("..", "shared", "data");
		Path metaphase = data.resolve("metaphase/metaphase-01.tif");
		Path singles = data.resolve("single-chromosomes/m059");
		Assumptions.assumeTrue(Files.isRegularFile(metaphase) && Files.isDirectory(singles), "no reference data");
		assertEquals(Polarity.DARK_ON_LIGHT, PolarityDetector.detect(ImageFiles.read(metaphase)));
		List<Path> crops;
		try (Stream<Path> s = Files.list(singles)) {
			crops = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
		}
		for (Path crop : crops)
			assertEquals(Polarity.LIGHT_ON_DARK, PolarityDetector.detect(ImageFiles.read(crop)), crop.toString());
	}
}
