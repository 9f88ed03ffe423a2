package io.github.supcam.image;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CanvasTest {
	/** The bounding box {x0, y0, x1, y1} (inclusive) of pixels that differ from {@code background}. */
	private static int[] box(ArrayImg<UnsignedByteType, ByteArray> img, int background) {
		int[] b = { Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1 };
		for (int y = 0; y < Gray8.height(img); y++)
			for (int x = 0; x < Gray8.width(img); x++)
				if (Gray8.get(img, x, y) != background) {
					b[0] = Math.min(b[0], x);
					b[1] = Math.min(b[1], y);
					b[2] = Math.max(b[2], x);
					b[3] = Math.max(b[3], y);
				}
		return b;
	}

	@Test
	void padsSmallImageCentredWithBackground() {
		ArrayImg<UnsignedByteType, ByteArray> img = Gray8.wrap(new byte[] { 1, 2, 3, 4, 5, 6 }, 3, 2);
		Placement p = Canvas.fit(img, 6, 255);
		// (6 - 3) / 2 = 1, (6 - 2) / 2 = 2: the odd leftover column goes to the right margin.
		assertEquals(1, p.offsetX());
		assertEquals(2, p.offsetY());
		assertEquals(1.0, p.scale());
		int[][] expected = {
			{ 255, 255, 255, 255, 255, 255 },
			{ 255, 255, 255, 255, 255, 255 },
			{ 255, 1, 2, 3, 255, 255 },
			{ 255, 4, 5, 6, 255, 255 },
			{ 255, 255, 255, 255, 255, 255 },
			{ 255, 255, 255, 255, 255, 255 } };
		for (int y = 0; y < 6; y++)
			for (int x = 0; x < 6; x++) assertEquals(expected[y][x], Gray8.get(p.image(), x, y), x + "," + y);
	}

	@Test
	void exactFitIsAnUnscaledCopy() {
		ArrayImg<UnsignedByteType, ByteArray> img = Gray8.wrap(new byte[] { 9, 8, 7, 6 }, 2, 2);
		Placement p = Canvas.fit(img, 2, 0);
		assertEquals(0, p.offsetX());
		assertEquals(0, p.offsetY());
		assertNotSame(Gray8.pixels(img), Gray8.pixels(p.image()));
		assertEquals(7, Gray8.get(p.image(), 0, 1));
	}

	@Test
	void scalesDownWideImageKeepingAspect() {
		Placement p = Canvas.fit(Gray8.create(40, 20, 100), 10, 0);
		assertEquals(0.25, p.scale());
		// 40x20 becomes 10x5, centred vertically at (10 - 5) / 2 = 2.
		assertEquals(0, p.offsetX());
		assertEquals(2, p.offsetY());
		assertArrayEquals4(new int[] { 0, 2, 9, 6 }, box(p.image(), 0));
		assertEquals(100, Gray8.get(p.image(), 5, 4), "a uniform image stays uniform");
	}

	@Test
	void scalesDownTallImageKeepingAspect() {
		Placement p = Canvas.fit(Gray8.create(100, 300, 0), 224, 255);
		assertEquals(224.0 / 300, p.scale(), 1e-12);
		// 100 * 224 / 300 = 74.67 -> 75 wide, offset (224 - 75) / 2 = 74.
		assertEquals(74, p.offsetX());
		assertEquals(0, p.offsetY());
		assertArrayEquals4(new int[] { 74, 0, 148, 223 }, box(p.image(), 255));
	}

	@Test
	void downscalingAveragesDeterministically() {
		byte[] stripes = new byte[8 * 4];
		for (int i = 0; i < stripes.length; i++) stripes[i] = (byte) (i % 2 == 0 ? 0 : 200);
		ArrayImg<UnsignedByteType, ByteArray> img = Gray8.wrap(stripes, 8, 4);
		Placement a = Canvas.fit(img, 4, 255), b = Canvas.fit(img, 4, 255);
		int centre = Gray8.get(a.image(), 1, 1);
		// Averaging pairs of 0 and 200 columns gives about 100, not the 0 or 200 of point sampling.
		assertEquals(100, centre, 15);
		assertEquals(java.util.Arrays.toString(Gray8.pixels(a.image())),
			java.util.Arrays.toString(Gray8.pixels(b.image())));
	}

	@Test
	void rejectsBadArguments() {
		ArrayImg<UnsignedByteType, ByteArray> img = Gray8.create(2, 2, 0);
		assertThrows(IllegalArgumentException.class, () -> Canvas.fit(img, 0, 0));
		assertThrows(IllegalArgumentException.class, () -> Canvas.fit(img, 4, 256));
	}

	private static void assertArrayEquals4(int[] expected, int[] actual) {
		assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(actual));
	}
}
