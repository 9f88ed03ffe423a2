package io.github.supcam.dataset;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SplitterTest {
	private static final Path ROOT = Path.of("data");

	/** A dataset (files need not exist for splitting) with the given number of images per class. */
	private static Dataset dataset(int... perClass) {
		List<LabelledImage> images = new ArrayList<>();
		for (ClusterType t : ClusterType.values())
			for (int i = 0; i < perClass[t.ordinal()]; i++) {
				String rel = t.folderName() + "/img" + i + ".png";
				images.add(new LabelledImage(ROOT.resolve(rel), rel, t));
			}
		return new Dataset(ROOT, images, List.of());
	}

	@Test
	void countsFollowTheDocumentedRounding() {
		SplitFractions p = SplitFractions.PAPER_ABLATION, lin = SplitFractions.LIN_COMPARISON;
		assertArrayEquals(new int[] { 6, 1, 3 }, Splitter.counts(10, p));
		assertArrayEquals(new int[] { 4, 1, 2 }, Splitter.counts(7, p)); // 4.2/0.7/2.1: leftover to val
		assertArrayEquals(new int[] { 1, 1, 1 }, Splitter.counts(3, p)); // 1.8/0.3/0.9 -> 1/0/1 +1 train -> 2/0/1 -> 1/1/1
		assertArrayEquals(new int[] { 1, 0, 1 }, Splitter.counts(2, p));
		assertArrayEquals(new int[] { 1, 0, 0 }, Splitter.counts(1, p));
		assertArrayEquals(new int[] { 0, 0, 0 }, Splitter.counts(0, p));
		assertArrayEquals(new int[] { 60, 10, 30 }, Splitter.counts(100, p));
		assertArrayEquals(new int[] { 8, 1, 1 }, Splitter.counts(10, lin));
		assertArrayEquals(new int[] { 3, 1, 1 }, Splitter.counts(5, lin)); // 4/0.5/0.5 -> 4/1/0 -> 3/1/1
		assertArrayEquals(new int[] { 2, 0, 1 }, Splitter.counts(3, new SplitFractions(0.7, 0, 0.3)));
	}

	@Test
	void splitIsStratifiedDisjointAndComplete() {
		Dataset d = dataset(10, 7, 3, 20);
		SplitManifest m = Splitter.split(d, SplitFractions.PAPER_ABLATION, 42);
		int[][] expected = { { 6, 1, 3 }, { 4, 1, 2 }, { 1, 1, 1 }, { 12, 2, 6 } };
		for (ClusterType t : ClusterType.values())
			for (Split s : Split.values())
				assertEquals(expected[t.ordinal()][s.ordinal()], m.count(s, t), t + " " + s);
		Set<String> seen = new HashSet<>();
		for (Split s : Split.values())
			for (LabelledImage i : m.part(s)) assertEquals(true, seen.add(i.relativePath()), "in two parts: " + i);
		assertEquals(d.images().size(), seen.size());
		for (SplitManifest.Entry e : m.entries())
			assertEquals(true, d.images().contains(e.image()), "labels and files come from the dataset");
	}

	@Test
	void sameSeedSameSplitOtherSeedOtherSplit() {
		Dataset d = dataset(30, 30, 30, 30);
		SplitManifest a = Splitter.split(d, SplitFractions.LIN_COMPARISON, 7);
		assertEquals(a.lines(), Splitter.split(d, SplitFractions.LIN_COMPARISON, 7).lines());
		assertEquals(a.sha256(), Splitter.split(d, SplitFractions.LIN_COMPARISON, 7).sha256());
		SplitManifest b = Splitter.split(d, SplitFractions.LIN_COMPARISON, 8);
		assertNotEquals(a.lines(), b.lines());
		assertNotEquals(a.sha256(), b.sha256());
		for (ClusterType t : ClusterType.values()) assertEquals(3, b.count(Split.TEST, t));
	}

	@Test
	void aClassSplitDependsOnlyOnItsOwnImages() {
		Map<ClusterType, List<LabelledImage>> before = testParts(Splitter.split(dataset(10, 10, 10, 10),
			SplitFractions.PAPER_ABLATION, 3));
		Map<ClusterType, List<LabelledImage>> after = testParts(Splitter.split(dataset(10, 25, 10, 10),
			SplitFractions.PAPER_ABLATION, 3));
		assertEquals(before.get(ClusterType.INSTANCE), after.get(ClusterType.INSTANCE));
		assertEquals(before.get(ClusterType.OVERLAPPING), after.get(ClusterType.OVERLAPPING));
	}

	private static Map<ClusterType, List<LabelledImage>> testParts(SplitManifest m) {
		Map<ClusterType, List<LabelledImage>> parts = new EnumMap<>(ClusterType.class);
		for (LabelledImage i : m.part(Split.TEST)) parts.computeIfAbsent(i.label(), k -> new ArrayList<>()).add(i);
		return parts;
	}

	@Test
	void repeatedSplitsUseConsecutiveSeeds() {
		Dataset d = dataset(12, 12, 12, 12);
		List<SplitManifest> k = Splitter.repeated(d, SplitFractions.PAPER_ABLATION, 100, 3);
		assertEquals(3, k.size());
		for (int i = 0; i < 3; i++)
			assertEquals(Splitter.split(d, SplitFractions.PAPER_ABLATION, 100 + i).lines(), k.get(i).lines());
		assertEquals(3, k.stream().map(SplitManifest::sha256).distinct().count());
		assertThrows(IllegalArgumentException.class, () -> Splitter.repeated(d, SplitFractions.PAPER_ABLATION, 1, 0));
	}

	@Test
	void fractionsParseAndValidate() {
		assertEquals(SplitFractions.PAPER_ABLATION, SplitFractions.parse("60/10/30"));
		assertEquals(new SplitFractions(0.8, 0.1, 0.1), SplitFractions.parse("80:10:10"));
		assertEquals(0.8, SplitFractions.parse("0.8, 0.1, 0.1").train(), 1e-12);
		assertEquals(SplitFractions.PAPER_ABLATION, SplitFractions.defaults());
		for (String bad : new String[] { "1/2", "50/50/50", "-0.1,0.6,0.5", "a/b/c", "0/50/50" })
			assertThrows(IllegalArgumentException.class, () -> SplitFractions.parse(bad), bad);
	}
}
