package io.github.supcam.image;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerturbationTest {
	/** A dark 6×20 bar (grey 60) on a light background (200), 40×40. */
	static ArrayImg<UnsignedByteType, ByteArray> bar() {
		ArrayImg<UnsignedByteType, ByteArray> img = Gray8.create(40, 40, 200);
		byte[] px = Gray8.pixels(img);
		for (int y = 10; y < 30; y++) for (int x = 17; x < 23; x++) px[y * 40 + x] = (byte) 60;
		return img;
	}

	@Test
	void contrastScalesDensityAboutTheBackgroundAndClamps() {
		ArrayImg<UnsignedByteType, ByteArray> img = bar();
		ArrayImg<UnsignedByteType, ByteArray> up = Perturbation.contrast(img, 1.3);
		assertEquals(200, Gray8.get(up, 0, 0));
		assertEquals(18, Gray8.get(up, 20, 20)); // 200 - 1.3 * 140
		assertEquals(102, Gray8.get(Perturbation.contrast(img, 0.7), 20, 20)); // 200 - 0.7 * 140
		assertEquals(0, Gray8.get(Perturbation.contrast(img, 2), 20, 20)); // 200 - 280, clamped
		assertEquals(60, Gray8.get(img, 20, 20), "the input is not changed");
	}

	@Test
	void blurSpreadsDensityAndKeepsItsSumAndTheBackground() {
		ArrayImg<UnsignedByteType, ByteArray> img = bar();
		ArrayImg<UnsignedByteType, ByteArray> b = Perturbation.blurred(img, 2);
		assertEquals(200, Gray8.get(b, 0, 0));
		assertTrue(Gray8.get(b, 20, 20) < 90 && Gray8.get(b, 20, 20) > 60, "the bar's middle lightens a little");
		assertTrue(Gray8.get(b, 17, 20) > 100, "its edge more");
		assertTrue(Gray8.get(b, 15, 20) < 200, "density spreads beyond the edge");
		assertEquals(density(img), density(b), density(img) * 0.01, "the total stain stays (up to rounding)");
		assertArrayEquals(Gray8.pixels(img), Gray8.pixels(Perturbation.blurred(img, 0)));
	}

	@Test
	void scaleResizesAndAveragesWhenShrinking() {
		ArrayImg<UnsignedByteType, ByteArray> half = Perturbation.scaled(bar(), 0.5);
		assertEquals(20, Gray8.width(half));
		assertEquals(20, Gray8.height(half));
		assertEquals(60, Gray8.get(half, 10, 10));
		assertEquals(200, Gray8.get(half, 2, 2));
		ArrayImg<UnsignedByteType, ByteArray> twice = Perturbation.scaled(bar(), 2);
		assertEquals(80, Gray8.width(twice));
		assertEquals(60, Gray8.get(twice, 40, 40));
		// half the stain in a quarter of the pixels: the density sum shrinks with the area
		assertEquals(density(bar()) / 4.0, density(half), density(bar()) * 0.02);
	}

	@Test
	void appliesScaleThenBlurThenContrast() {
		ArrayImg<UnsignedByteType, ByteArray> img = bar();
		assertSame(img, Perturbation.NONE.apply(img));
		ArrayImg<UnsignedByteType, ByteArray> expected = Perturbation.contrast(Perturbation.blurred(
			Perturbation.scaled(img, 0.5), 1.5), 0.7);
		assertArrayEquals(Gray8.pixels(expected), Gray8.pixels(new Perturbation(0.5, 1.5, 0.7).apply(img)));
		assertArrayEquals(Gray8.pixels(Perturbation.blurred(img, 1)), Gray8.pixels(new Perturbation(1, 1, 1).apply(img)));
	}

	@Test
	void parsesKeysInAnyOrderAndNamesWhatIsWrong() {
		assertEquals(new Perturbation(0.5, 1.5, 0.7), Perturbation.parse("contrast=0.7, scale=0.5,blur=1.5"));
		assertEquals(new Perturbation(1, 2, 1), Perturbation.parse("BLUR=2"));
		assertEquals("scale 0.5, blur σ 2 px, contrast ×1", Perturbation.parse("scale=0.5,blur=2").toString());
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Perturbation.parse("zoom=2"));
		assertTrue(e.getMessage().contains("unknown key 'zoom'"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> Perturbation.parse("scale=big"));
		assertTrue(e.getMessage().contains("'scale=big' is not key=number"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Perturbation.parse("scale=0"));
		assertThrows(IllegalArgumentException.class, () -> Perturbation.parse("contrast=0"));
	}

	static double density(ArrayImg<UnsignedByteType, ByteArray> img) {
		double s = 0;
		for (byte p : Gray8.pixels(img)) s += 200 - (p & 0xff);
		return s;
	}
}
