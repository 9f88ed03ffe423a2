package io.github.supcam.synth;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.image.Polarity;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ChromosomeStatisticsTest {
	@Test
	void measuresAHandDrawnBar() {
		// A 9 px wide, 61 px long bar of gray 100 with a darker 20 px band, on 240.
		var img = Gray8.create(40, 80, 240);
		byte[] px = Gray8.pixels(img);
		for (int y = 10; y < 71; y++)
			for (int x = 15; x < 24; x++)
				px[y * 40 + x] = (byte) (y >= 30 && y < 50 ? 60 : 100);
		ChromosomeStatistics s = ChromosomeStatistics.measure(img, Polarity.DARK_ON_LIGHT);
		assertEquals(9, s.widthPx(), 1.0);
		assertEquals(61, s.lengthPx(), 6.0);
		assertEquals(240, s.backgroundGray(), 1e-9);
		assertEquals((41 * 9 * 100 + 20 * 9 * 60) / (61.0 * 9), s.chromosomeGray(), 1e-9);
		assertEquals(40, s.bandRange(), 1e-9);
		// The same bar inverted, read as light-on-dark, gives the same numbers.
		for (int i = 0; i < px.length; i++) px[i] = (byte) (255 - (px[i] & 0xff));
		assertEquals(s, ChromosomeStatistics.measure(img, Polarity.LIGHT_ON_DARK));
	}

	@Test
	void blankImageHasNoChromosome() {
		assertNull(ChromosomeStatistics.measure(Gray8.create(20, 20, 200), Polarity.DARK_ON_LIGHT));
	}

	/**
	 * Synthetic single chromosomes must look like the real G-banded crops in the numbers that matter: width, length
	 * to width ratio, band strength (within a factor of 1.5 of the real medians).
	 */
	@Test
	void syntheticInstancesResembleRealCrops() throws IOException {
		Path root = Paths.get("..", "shared", "data", "single-chromosomes");
		assumeTrue(Files.isDirectory(root), "reference data not present");
		List<ChromosomeStatistics> real = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".png")).sorted().limit(600).toList()) {
				var img = ImageFiles.read(f);
				if (Gray8.width(img) > 300) continue; // one file of the mirror is a contact sheet, not a crop
				ChromosomeStatistics s = ChromosomeStatistics.measure(img, Polarity.LIGHT_ON_DARK);
				if (s != null) real.add(s);
			}
		}
		ClusterGenerator gen = new ClusterGenerator(SynthSettings.defaults());
		List<ChromosomeStatistics> synth = new ArrayList<>();
		for (int i = 0; i < 300; i++) synth.add(ChromosomeStatistics.measure(gen.generate(ClusterType.INSTANCE, 160,
			new Well19937c(i)).image(), Polarity.DARK_ON_LIGHT));
		assertSimilar("width", real, synth, ChromosomeStatistics::widthPx);
		assertSimilar("aspect", real, synth, s -> s.lengthPx() / s.widthPx());
		assertSimilar("band range", real, synth, ChromosomeStatistics::bandRange);
		assertSimilar("chromosome gray", real, synth, ChromosomeStatistics::chromosomeGray);
	}

	private static void assertSimilar(String what, List<ChromosomeStatistics> real, List<ChromosomeStatistics> synth,
		ToDoubleFunction<ChromosomeStatistics> f)
	{
		double r = new Median().evaluate(real.stream().mapToDouble(f).toArray());
		double s = new Median().evaluate(synth.stream().mapToDouble(f).toArray());
		assertTrue(s > r / 1.5 && s < r * 1.5, what + ": synthetic median " + s + ", real median " + r);
	}
}
