package io.github.supcam.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.dataset.Dataset;
import io.github.supcam.dataset.DatasetReader;
import io.github.supcam.dataset.Split;
import io.github.supcam.dataset.SplitManifest;
import io.github.supcam.util.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixedDatasetBuilderTest {
	@Test
	void eachSplitIsMadeOfItsOwnCasesOnly(@TempDir Path tmp) throws Exception {
		Path harvest = TestHarvest.fake(tmp.resolve("h"));
		Path out = tmp.resolve("mixed");
		MixedDatasetBuilder.Settings s = new MixedDatasetBuilder.Settings(Map.of(Split.TRAIN, 4, Split.VAL, 2,
			Split.TEST, 3), Map.of(Split.TRAIN, 0, Split.VAL, 1, Split.TEST, 0), 0.5, 7, MorphologySettings.defaults(), 0);
		List<String> log = new ArrayList<>();
		MixedDatasetBuilder.build(harvest, List.of(), out, s, false, Progress.NONE, log::add);
		SplitManifest m = SplitManifest.read(out.resolve("split.csv"), out);
		// 2 real instances + round(0.5 * n) reshaped ones, and n of each cluster type, per split.
		assertEquals(4, m.count(Split.TRAIN, ClusterType.INSTANCE));
		assertEquals(2, m.count(Split.VAL, ClusterType.INSTANCE), "one real instance (the cap) and one reshaped");
		assertEquals(4, m.count(Split.TEST, ClusterType.INSTANCE));
		assertEquals(4, m.count(Split.TRAIN, ClusterType.TOUCHING_OVERLAPPING));
		assertEquals(2, m.count(Split.VAL, ClusterType.OVERLAPPING));
		assertEquals(3, m.count(Split.TEST, ClusterType.TOUCHING));
		// Composed images name their sources; each source belongs to the image's own split's case.
		List<String> rows = Files.readAllLines(out.resolve("labels.csv"));
		Map<String, String> caseOf = Map.of("train", "c1", "val", "c2", "test", "c3");
		for (String row : rows.subList(1, rows.size())) {
			String[] f = row.split(",");
			for (String src : f[7].split(" ")) assertTrue(src.startsWith("instance/" + caseOf.get(f[2])), row);
		}
		assertTrue(rows.stream().noneMatch(r -> r.contains("cluster/")), "harvested clusters of unknown type unused");
		assertTrue(Files.readString(out.resolve("mixed.json")).contains("\"seed\": 7"));
		assertTrue(!Files.exists(out.resolve("not-instance")));
	}

	@Test
	void onlyTrainingCaseClustersBecomeNotInstanceAndTheReaderPassesThemOver(@TempDir Path tmp) throws Exception {
		Path harvest = TestHarvest.fake(tmp.resolve("h"));
		Path out = tmp.resolve("mixed");
		MixedDatasetBuilder.Settings s = new MixedDatasetBuilder.Settings(Map.of(Split.TRAIN, 1, Split.VAL, 1,
			Split.TEST, 1), Map.of(Split.TRAIN, 0, Split.VAL, 0, Split.TEST, 0), 0, 7, MorphologySettings.defaults(), 5);
		MixedDatasetBuilder.build(harvest, List.of(), out, s, false, Progress.NONE, m -> {});
		try (var files = Files.list(out.resolve(DatasetReader.NOT_INSTANCE_FOLDER))) {
			assertEquals(List.of("c11-9.png"), files.map(f -> f.getFileName().toString()).toList(),
				"the val case's cluster c21-9 stays out");
		}
		// not a class folder, and not in the split
		Dataset d = DatasetReader.read(out);
		assertTrue(d.problems().isEmpty(), d.problems().toString());
		assertTrue(Files.readString(out.resolve("split.csv")).lines().noneMatch(l -> l.contains("not-instance")));
	}

	@Test
	void sameSeedSameFiles(@TempDir Path tmp) throws Exception {
		Path harvest = TestHarvest.fake(tmp.resolve("h"));
		MixedDatasetBuilder.Settings s = new MixedDatasetBuilder.Settings(Map.of(Split.TRAIN, 3, Split.VAL, 0,
			Split.TEST, 0), Map.of(Split.TRAIN, 0, Split.VAL, 0, Split.TEST, 0), 0, 3, MorphologySettings.defaults(), 0);
		MixedDatasetBuilder.build(harvest, List.of(), tmp.resolve("a"), s, false, Progress.NONE, m -> {});
		MixedDatasetBuilder.build(harvest, List.of(), tmp.resolve("b"), s, false, Progress.NONE, m -> {});
		for (String f : List.of("touching/train-composed-00002.png", "overlapping/train-composed-00000.png",
			"split.csv", "labels.csv"))
			assertTrue(java.util.Arrays.equals(Files.readAllBytes(tmp.resolve("a").resolve(f)),
				Files.readAllBytes(tmp.resolve("b").resolve(f))), f);
	}

	@Test
	void aFolderThatIsNoHarvestIsRefusedBeforeWriting(@TempDir Path tmp) {
		Path out = tmp.resolve("out");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MixedDatasetBuilder.build(
			tmp, List.of(), out, MixedDatasetBuilder.Settings.defaults(), false, Progress.NONE, m -> {}));
		assertTrue(e.getMessage().contains("not a harvest folder"), e.getMessage());
		assertTrue(!Files.exists(out));
	}
}
