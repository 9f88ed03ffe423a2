package io.github.supcam.synth;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.Gray8;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticMetaphaseTest {
	private static SyntheticMetaphase spread(long seed) {
		return SyntheticMetaphase.render(SynthSettings.defaults().withWidthPx(SynthSettings.Range.of(8, 12)), 1200,
			900, 20, 30, new Well19937c(seed));
	}

	@Test
	void clustersAreSeparatedAndMatchTheLabelImage() {
		SyntheticMetaphase m = spread(11);
		List<SyntheticMetaphase.Cluster> cs = m.clusters();
		assertEquals(1200, Gray8.width(m.image()));
		assertTrue(cs.size() >= 15 && cs.size() <= 30, cs.size() + " clusters");
		Set<ClusterType> seen = EnumSet.noneOf(ClusterType.class);
		int[] count = new int[cs.size() + 1];
		for (int v : m.labels()) count[v]++;
		for (int i = 0; i < cs.size(); i++) {
			SyntheticMetaphase.Cluster c = cs.get(i);
			seen.add(c.type());
			assertEquals(c.type(), c.geometry().type());
			int area = 0;
			for (int y = 0; y < c.height(); y++)
				for (int x = 0; x < c.width(); x++)
					if (c.mask()[y * c.width() + x]) {
						area++;
						assertEquals(i + 1, m.labels()[(c.y() + y) * 1200 + c.x() + x]);
					}
			assertEquals(area, count[i + 1], "label image area of cluster " + i);
			assertTrue(c.x() >= SyntheticMetaphase.SPACING && c.x() + c.width() <= 1200 - SyntheticMetaphase.SPACING);
			for (int j = 0; j < i; j++) {
				SyntheticMetaphase.Cluster o = cs.get(j);
				boolean apart = c.x() + c.width() + SyntheticMetaphase.SPACING <= o.x() ||
					o.x() + o.width() + SyntheticMetaphase.SPACING <= c.x() ||
					c.y() + c.height() + SyntheticMetaphase.SPACING <= o.y() ||
					o.y() + o.height() + SyntheticMetaphase.SPACING <= c.y();
				assertTrue(apart, "clusters " + j + " and " + i + " too close");
			}
		}
		assertEquals(EnumSet.allOf(ClusterType.class), seen);
	}

	@Test
	void sameSeedSameSpread() {
		assertArrayEquals(Gray8.pixels(spread(3).image()), Gray8.pixels(spread(3).image()));
		assertTrue(!Arrays.equals(spread(3).labels(), spread(4).labels()));
	}

	@Test
	void badArgumentsAreRejected() {
		assertThrows(IllegalArgumentException.class, () -> SyntheticMetaphase.render(SynthSettings.defaults(), 64, 64,
			1, 2, new Well19937c(1)));
		assertThrows(IllegalArgumentException.class, () -> SyntheticMetaphase.render(SynthSettings.defaults(), 400,
			400, 5, 2, new Well19937c(1)));
	}
}
