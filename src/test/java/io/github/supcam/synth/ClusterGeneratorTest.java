package io.github.supcam.synth;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.Polarity;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterGeneratorTest {
	private static final int SIZE = 160;
	private final ClusterGenerator gen = new ClusterGenerator(SynthSettings.defaults());

	@Test
	void everySampleMeasuresAsTheRequestedTypeAndFitsTheCanvas() {
		for (ClusterType type : ClusterType.values()) for (int seed = 0; seed < 60; seed++) {
			SynthCluster c = gen.generate(type, SIZE, new Well19937c(new int[] { seed, type.ordinal() }));
			assertEquals(Optional.of(type), ClusterLabels.labelOf(c.masks(), SIZE, SIZE), "seed " + seed);
			assertEquals(type, c.type());
			int n = c.masks().size();
			switch (type) {
				case INSTANCE -> assertEquals(1, n);
				case TOUCHING -> {
					assertTrue(n == 2 || n == 3, "touching with " + n + " chromosomes");
					assertEquals(0, c.geometry().overlapPixels());
					assertTrue(c.geometry().contactPixels() > 0);
				}
				case OVERLAPPING -> {
					assertEquals(2, n);
					assertTrue(c.geometry().overlapPixels() > 0);
				}
				case TOUCHING_OVERLAPPING -> {
					assertTrue(n >= 3, "touching-overlapping with " + n + " chromosomes");
					assertTrue(c.geometry().overlappingPairs() > 0 && c.geometry().touchingPairs() > 0);
				}
			}
			for (boolean[] m : c.masks()) assertFalse(onBorder(m), "mask clipped by the canvas, seed " + seed);
			assertTrue(c.widthPx() >= 2 && c.scale() > 0 && c.scale() <= 1);
		}
	}

	private static boolean onBorder(boolean[] m) {
		for (int i = 0; i < SIZE; i++)
			if (m[i] || m[(SIZE - 1) * SIZE + i] || m[i * SIZE] || m[i * SIZE + SIZE - 1]) return true;
		return false;
	}

	@Test
	void overlapIsDarkerThanEitherChromosomeAlone() {
		SynthCluster c = gen.generate(ClusterType.OVERLAPPING, SIZE, new Well19937c(42));
		boolean[] a = c.masks().get(0), b = c.masks().get(1);
		byte[] px = Gray8.pixels(c.image());
		double both = 0, one = 0, bg = 0;
		int nBoth = 0, nOne = 0, nBg = 0;
		for (int i = 0; i < px.length; i++) {
			int v = px[i] & 0xff;
			if (a[i] && b[i]) { both += v; nBoth++; }
			else if (a[i] || b[i]) { one += v; nOne++; }
			else { bg += v; nBg++; }
		}
		assertTrue(nBoth > 0);
		assertTrue(both / nBoth < one / nOne, "overlap " + both / nBoth + " vs single " + one / nOne);
		assertTrue(one / nOne < bg / nBg, "dark on light");
	}

	@Test
	void lightOnDarkInvertsTheBackground() {
		SynthCluster c = new ClusterGenerator(SynthSettings.defaults().withPolarity(Polarity.LIGHT_ON_DARK))
			.generate(ClusterType.INSTANCE, SIZE, new Well19937c(3));
		assertTrue(Gray8.get(c.image(), 0, 0) < 60, "background " + Gray8.get(c.image(), 0, 0));
		assertTrue(Gray8.get(c.image(), c.bounds()[0] + c.bounds()[2] / 2, 0) < 60);
	}

	@Test
	void sameSeedSamePixelsOtherSeedOtherPixels() {
		byte[] a = Gray8.pixels(gen.generate(ClusterType.TOUCHING, SIZE, new Well19937c(7)).image());
		byte[] b = Gray8.pixels(gen.generate(ClusterType.TOUCHING, SIZE, new Well19937c(7)).image());
		byte[] c = Gray8.pixels(gen.generate(ClusterType.TOUCHING, SIZE, new Well19937c(8)).image());
		assertArrayEquals(a, b);
		assertFalse(Arrays.equals(a, c));
	}

	@Test
	void largeClustersAreShrunkToFit() {
		SynthSettings wide = SynthSettings.defaults().withWidthPx(SynthSettings.Range.of(20, 20));
		SynthCluster c = new ClusterGenerator(wide).generate(ClusterType.TOUCHING_OVERLAPPING, 64, new Well19937c(1));
		assertTrue(c.scale() < 1, "scale " + c.scale());
		assertTrue(c.bounds()[2] <= 64 - 4 && c.bounds()[3] <= 64 - 4);
		assertEquals(Optional.of(ClusterType.TOUCHING_OVERLAPPING), ClusterLabels.labelOf(c.masks(), 64, 64));
	}

	@Test
	void tooSmallCanvasIsRejected() {
		assertThrows(IllegalArgumentException.class, () -> gen.generate(ClusterType.INSTANCE, 16, new Well19937c(1)));
	}

	@Test
	void masksAreTheRenderedDensityAboveTheThreshold() {
		// A chromosome with no noise on a known background: mask pixels are visibly darker than the background.
		SynthSettings quiet = SynthSettings.defaults().withNoiseSigma(SynthSettings.Range.of(0, 0));
		SynthCluster c = new ClusterGenerator(quiet).generate(ClusterType.INSTANCE, SIZE, new Well19937c(5));
		int bg = Gray8.get(c.image(), 0, 0);
		byte[] px = Gray8.pixels(c.image());
		List<boolean[]> masks = c.masks();
		for (int i = 0; i < px.length; i++) {
			double density = Math.log((double) bg / Math.max(1, px[i] & 0xff));
			if (masks.get(0)[i]) assertTrue(density > DensityMap.MASK_THRESHOLD - 0.02, "pixel " + i);
			else assertTrue(density < DensityMap.MASK_THRESHOLD + 0.02, "pixel " + i);
		}
	}
}
