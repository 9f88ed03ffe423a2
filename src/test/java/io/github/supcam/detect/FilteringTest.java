package io.github.supcam.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FilteringTest {
	@Test
	void flatteningRemovesALinearRampUpToTheBorderButKeepsNarrowObjects() {
		int w = 300, h = 200;
		byte[] px = new byte[w * h];
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
			int v = 20 + (x * 150) / (w - 1); // bright foreground convention: background ramps 20..170
			if (x >= 140 && x < 150 && y >= 50 && y < 150) v += 60; // a 10 px wide object
			px[y * w + x] = (byte) v;
		}
		BackgroundFlattening.subtract(px, w, h, 60);
		// Tolerance: a block minimum lies half a block (4.5 px = 2.25 levels of this steep ramp) below the value
		// at the block centre, everywhere alike.
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
			int v = px[y * w + x] & 0xff;
			boolean object = x >= 140 && x < 150 && y >= 50 && y < 150;
			if (object) assertTrue(Math.abs(v - 60) <= 3, "object at " + x + "," + y + ": " + v);
			else assertTrue(v <= 3, "background at " + x + "," + y + ": " + v);
		}
	}

	@Test
	void gaussianKeepsConstantsAndSpreadsAnImpulseSymmetrically() {
		int w = 21, h = 15;
		byte[] flat = new byte[w * h];
		java.util.Arrays.fill(flat, (byte) 200);
		GaussianSmoothing.smooth(flat, w, h, 2.0);
		for (byte b : flat) assertEquals(200, b & 0xff);

		byte[] px = new byte[w * h];
		px[7 * w + 10] = (byte) 250;
		GaussianSmoothing.smooth(px, w, h, 1.0);
		// Centre: 250 * g(0)^2 with the normalised 7-tap kernel, g(0) = 1 / sum(exp(-i^2/2)) = 0.39905.
		assertEquals(Math.round(250 * 0.39905 * 0.39905), px[7 * w + 10] & 0xff);
		assertEquals(px[7 * w + 9], px[7 * w + 11]);
		assertEquals(px[6 * w + 10], px[8 * w + 10]);
		assertEquals(px[7 * w + 9], px[6 * w + 10]);
		assertEquals(0, px[0]);
	}
}
