package io.github.supcam.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.Gray8;
import io.github.supcam.real.RealClusterComposer.Contact;
import io.github.supcam.synth.SynthDatasetWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RealClusterComposerTest {
	/** A light-on-dark crop: a 7x30 bar of gray 200 on black, like a BioImLab crop. */
	static SingleChromosome bar(String name) {
		return bar(name, 7, 30);
	}

	/** A light-on-dark crop: a bar {@code width} wide and {@code length} long, gray 200 on black. */
	static SingleChromosome bar(String name, int width, int length) {
		int w = width + 8, h = length + 10;
		byte[] px = new byte[w * h];
		for (int y = 5; y < 5 + length; y++) for (int x = 4; x < 4 + width; x++) px[y * w + x] = (byte) 200;
		return SingleChromosome.of(name, Gray8.wrap(px, w, h));
	}

	@Test
	void lengthInWidthsIsTheAxisExtentOverTheMeanWidthAtAnyResolution() {
		SingleChromosome c = bar("b");
		assertEquals(Math.PI / 2, Math.abs(c.axis().angle()), 1e-9, "a vertical bar");
		assertEquals(30, c.axis().length(), 1e-9);
		assertEquals(30.0 * 30 / (7 * 30), c.lengthInWidths(), 1e-9);
		assertEquals(c.lengthInWidths(), bar("twice", 14, 60).lengthInWidths(), 1e-9);
	}

	@Test
	void lengthWeightDrawsClusterChromosomesInProportionToLengthPowerButInstancesUniformly() {
		// 2 and 8 widths long: with exponent 1 the long one should make 8 / (2 + 8) of the clusters' chromosomes
		List<SingleChromosome> pool = List.of(bar("short", 7, 14), bar("long", 7, 56));
		assertEquals(2, pool.get(0).lengthInWidths(), 1e-9);
		assertEquals(8, pool.get(1).lengthInWidths(), 1e-9);
		double uniform = longShare(pool, MorphologySettings.none(), ClusterType.TOUCHING);
		double weighted = longShare(pool, MorphologySettings.none().withLengthWeight(1), ClusterType.TOUCHING);
		double instances = longShare(pool, MorphologySettings.none().withLengthWeight(1), ClusterType.INSTANCE);
		assertEquals(0.5, uniform, 0.1);
		assertEquals(0.8, weighted, 0.08);
		assertEquals(0.5, instances, 0.1);
	}

	private static double longShare(List<SingleChromosome> pool, MorphologySettings m, ClusterType type) {
		RealClusterComposer composer = new RealClusterComposer(pool, m);
		int longOnes = 0, all = 0;
		for (int i = 0; i < 100; i++) {
			for (String s : composer.compose(type, SynthDatasetWriter.sampleRandom(4, type, i)).sources()) {
				all++;
				if (s.equals("long")) longOnes++;
			}
		}
		return longOnes / (double) all;
	}

	@Test
	void lightOnDarkCropIsInvertedToTransmittanceWithBackgroundOne() {
		SingleChromosome c = bar("b");
		assertEquals(55 / 255f, c.transmittance()[20 * 15 + 7], 1e-6);
		assertEquals(1f, c.transmittance()[0], "padding is background");
		assertTrue(c.mask()[20 * 15 + 7] && !c.mask()[0]);
		assertEquals(7 * 30, c.area());
	}

	@Test
	void darkOnLightCropKeepsOnlyItsLargestComponent() {
		byte[] px = new byte[20 * 40];
		java.util.Arrays.fill(px, (byte) 240);
		for (int y = 5; y < 35; y++) for (int x = 4; x < 11; x++) px[y * 20 + x] = (byte) 120;
		px[2 * 20 + 17] = 60; // a speck
		SingleChromosome c = SingleChromosome.of("h", Gray8.wrap(px, 20, 40));
		assertEquals(7 * 30, c.area());
		assertEquals(0.5f, c.transmittance()[20 * 20 + 7], 1e-6);
		assertEquals(1f, c.transmittance()[2 * 20 + 17], "the speck is not stain");
	}

	@Test
	void everyTypeIsComposedStainMultipliesInOverlapsAndContactsMatchTheType() {
		RealClusterComposer composer = new RealClusterComposer(List.of(bar("a"), bar("b")), MorphologySettings.none());
		for (ClusterType type : ClusterType.values()) for (int i = 0; i < 8; i++) {
			RealClusterComposer.Cluster c = composer.compose(type, SynthDatasetWriter.sampleRandom(3, type, i));
			assertEquals(type, c.geometry().type());
			assertEquals(c.sources().size(), c.contacts().size() + 1);
			byte[] px = Gray8.pixels(c.image());
			int min = 255;
			for (byte b : px) min = Math.min(min, b & 0xff);
			assertEquals(250, px[0] & 0xff, "corner is background");
			boolean overlaps = c.geometry().overlapPixels() > 0;
			// One layer of stain: 250 * 55/255 = 54 (a little less where two soft edges meet); layers multiply:
			// 250 * (55/255)^k is 12 where two cross, 3 where three do, 1 or 0 where more do.
			final int darkest = min;
			if (overlaps) assertTrue(java.util.stream.IntStream.rangeClosed(2, 14).anyMatch(k ->
				Math.abs(darkest - 250 * Math.pow(55 / 255.0, k)) <= 2), type + " " + i + ": " + min);
			else assertTrue(min >= 30 && min <= 55, type + " " + i + ": " + min);
			assertEquals(type == ClusterType.OVERLAPPING || type == ClusterType.TOUCHING_OVERLAPPING, overlaps);
			long crossings = c.contacts().stream().filter(k -> k == Contact.CROSSING).count();
			switch (type) {
				case TOUCHING -> assertEquals(0, crossings);
				case OVERLAPPING -> assertEquals(c.contacts().size(), crossings);
				case TOUCHING_OVERLAPPING -> assertTrue(crossings >= 1 && crossings < c.contacts().size());
				default -> assertTrue(c.contacts().isEmpty());
			}
		}
	}

	@Test
	void overlapStainExponentZeroShowsTheDarkestLayerOnly() {
		RealClusterComposer composer = new RealClusterComposer(List.of(bar("a"), bar("b")),
			MorphologySettings.none().withOverlapStain(0, 0));
		RealClusterComposer multiplying = new RealClusterComposer(List.of(bar("a"), bar("b")),
			MorphologySettings.none());
		for (int i = 0; i < 8; i++) {
			RealClusterComposer.Cluster c = composer.compose(ClusterType.OVERLAPPING,
				SynthDatasetWriter.sampleRandom(3, ClusterType.OVERLAPPING, i));
			RealClusterComposer.Cluster m = multiplying.compose(ClusterType.OVERLAPPING,
				SynthDatasetWriter.sampleRandom(3, ClusterType.OVERLAPPING, i));
			assertTrue(c.geometry().overlapPixels() > 0);
			// the same placement and labels; only the overlap's grey level differs
			assertEquals(m.geometry().overlapPixels(), c.geometry().overlapPixels());
			byte[] px = Gray8.pixels(c.image()), pm = Gray8.pixels(m.image());
			int min = 255;
			for (byte b : px) min = Math.min(min, b & 0xff);
			// one layer: 250 * 55/255 = 54 (a little less where two soft edges meet), never the product's 12
			assertTrue(min >= 45 && min <= 55, "darkest " + min);
			int crossing = 0;
			for (int k = 0; k < px.length; k++) {
				assertTrue((px[k] & 0xff) >= (pm[k] & 0xff), "never darker than multiplied stains");
				if ((pm[k] & 0xff) == 250) assertEquals(250, px[k] & 0xff, "background unchanged");
				if ((pm[k] & 0xff) <= 14) crossing++; // 250 * (55/255)^2 = 12 where two full layers cross
			}
			assertTrue(crossing > 0, "the multiplied image has a crossing");
		}
	}

	@Test
	void everyContactGeometryAndLargeTanglesOccur() {
		RealClusterComposer composer = new RealClusterComposer(List.of(bar("a")), MorphologySettings.defaults());
		java.util.Set<Contact> seen = java.util.EnumSet.noneOf(Contact.class);
		int most = 0, touchingMost = 0;
		for (ClusterType type : List.of(ClusterType.TOUCHING, ClusterType.TOUCHING_OVERLAPPING))
			for (int i = 0; i < 40; i++) {
				RealClusterComposer.Cluster c = composer.compose(type, SynthDatasetWriter.sampleRandom(5, type, i));
				seen.addAll(c.contacts());
				most = Math.max(most, c.sources().size());
				if (type == ClusterType.TOUCHING) touchingMost = Math.max(touchingMost, c.sources().size());
			}
		assertEquals(java.util.EnumSet.allOf(Contact.class), seen);
		assertEquals(5, touchingMost);
		assertTrue(most >= 9 && most <= 14, "tangles of up to 14 chromosomes: " + most);
	}

	@Test
	void aTipCrossingPointLiesNearAnEndOnTheAxis() {
		// a vertical bar 8 wide and 100 long at (50, 20): the axis is x = 53.5, the ends y = 20 and y = 119
		boolean[] bits = new boolean[8 * 100];
		java.util.Arrays.fill(bits, true);
		io.github.supcam.synth.Mask m = new io.github.supcam.synth.Mask(50, 20, 8, 100, bits);
		org.apache.commons.math3.random.MersenneTwister rng = new org.apache.commons.math3.random.MersenneTwister(2);
		int nearTop = 0, nearBottom = 0;
		for (int i = 0; i < 400; i++) {
			int[] p = RealClusterComposer.tipPixel(m, Math.PI / 2 + (i % 2) * Math.PI, rng);
			assertTrue(p[0] == 53 || p[0] == 54, "on the axis: " + p[0]);
			int fromTop = p[1] - 20, fromBottom = 119 - p[1];
			assertTrue(fromTop >= 2 && fromTop <= 21 || fromBottom >= 2 && fromBottom <= 21, "3-20% from an end: " + p[1]);
			if (fromTop < 50) nearTop++;
			else nearBottom++;
		}
		assertTrue(nearTop > 150 && nearBottom > 150, nearTop + " near the top, " + nearBottom + " near the bottom");
		RealClusterComposer tips = new RealClusterComposer(List.of(bar("a"), bar("b")),
			MorphologySettings.defaults().withTipCrossing(1));
		for (int i = 0; i < 8; i++) assertEquals(ClusterType.OVERLAPPING, tips.compose(ClusterType.OVERLAPPING,
			SynthDatasetWriter.sampleRandom(5, ClusterType.OVERLAPPING, i)).geometry().type());
	}

	@Test
	void sameSeedSameImageOtherSeedOtherImage() {
		RealClusterComposer composer = new RealClusterComposer(List.of(bar("a"), bar("b")), MorphologySettings.defaults());
		byte[] a = Gray8.pixels(composer.compose(ClusterType.TOUCHING_OVERLAPPING,
			SynthDatasetWriter.sampleRandom(9, ClusterType.TOUCHING_OVERLAPPING, 1)).image());
		byte[] b = Gray8.pixels(composer.compose(ClusterType.TOUCHING_OVERLAPPING,
			SynthDatasetWriter.sampleRandom(9, ClusterType.TOUCHING_OVERLAPPING, 1)).image());
		byte[] c = Gray8.pixels(composer.compose(ClusterType.TOUCHING_OVERLAPPING,
			SynthDatasetWriter.sampleRandom(9, ClusterType.TOUCHING_OVERLAPPING, 2)).image());
		assertTrue(java.util.Arrays.equals(a, b));
		assertFalse(java.util.Arrays.equals(a, c));
	}

	@Test
	void realCropsCompose() throws Exception {
		Path real = Paths.get("..", "shared", "data", "single-chromosomes", "m001");
		assumeTrue(Files.isDirectory(real), "reference data absent");
		List<String> log = new ArrayList<>();
		List<SingleChromosome> singles = RealClusterComposer.load(real, log::add);
		assertTrue(singles.size() > 40, singles.size() + " crops, " + log);
		RealClusterComposer composer = new RealClusterComposer(singles, MorphologySettings.defaults());
		for (ClusterType type : ClusterType.values()) {
			RealClusterComposer.Cluster c = composer.compose(type, SynthDatasetWriter.sampleRandom(1, type, 0));
			assertEquals(type, c.geometry().type());
			assertNotEquals(0, c.image().dimension(0));
		}
	}
}
