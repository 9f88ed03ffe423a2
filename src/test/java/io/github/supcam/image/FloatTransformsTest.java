package io.github.supcam.image;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class FloatTransformsTest {
	static float[] ramp(int n) {
		float[] a = new float[n * n];
		for (int i = 0; i < a.length; i++) a[i] = i % n + 100 * (i / n);
		return a;
	}

	@Test
	void rotationByQuarterTurnsMovesPixelsExactly() {
		int n = 8;
		float[] src = ramp(n);
		float[] r = FloatTransforms.rotate(src, n, Math.PI / 2);
		// Output (x,y) samples source (mid - (y-mid), mid + (x-mid)) for a 90 degree turn; mid = 3.5.
		for (int y = 0; y < n; y++) for (int x = 0; x < n; x++)
			assertEquals(src[(x) * n + (n - 1 - y)], r[y * n + x], 1e-3f, "at " + x + "," + y);
		assertArrayEquals(src, FloatTransforms.rotate(src, n, 0), 0f);
	}

	@Test
	void flipIsAnInvolution() {
		float[] src = ramp(5);
		float[] f = FloatTransforms.flipHorizontal(src, 5);
		assertEquals(src[4], f[0]);
		assertArrayEquals(src, FloatTransforms.flipHorizontal(f, 5));
	}

	@Test
	void fullScaleCropIsIdentityOrFlip() {
		int n = 16;
		float[] src = ramp(n);
		// minScale 1 with aspect ratio != 1 never fits, so every attempt fails and the whole image is used.
		for (int seed = 0; seed < 10; seed++) {
			float[] v = FloatTransforms.randomResizedCropFlip(src, n, 1.0, new Well19937c(seed));
			boolean same = java.util.Arrays.equals(v, src);
			boolean flipped = java.util.Arrays.equals(v, FloatTransforms.flipHorizontal(src, n));
			assertTrue(same || flipped, "seed " + seed);
		}
	}

	@Test
	void cropsAreSeeded() {
		float[] src = ramp(32);
		assertArrayEquals(FloatTransforms.randomResizedCropFlip(src, 32, 0.3, new Well19937c(7)),
			FloatTransforms.randomResizedCropFlip(src, 32, 0.3, new Well19937c(7)));
		assertFalse(java.util.Arrays.equals(FloatTransforms.randomResizedCropFlip(src, 32, 0.3, new Well19937c(7)),
			FloatTransforms.randomResizedCropFlip(src, 32, 0.3, new Well19937c(8))));
	}
}
