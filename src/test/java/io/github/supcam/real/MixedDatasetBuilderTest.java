package io.github.supcam.real;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.dataset.Dataset;
import io.github.supcam.dataset.DatasetReader;
import io.github.supcam.dataset.Split;
import io.github.supcam.dataset.SplitManifest;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.util.Progress;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

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
			assertEquals(List.of("c11-9.png", "chromosomes.csv"), files.map(f -> f.getFileName().toString()).sorted()
				.toList(), "the val case's cluster c21-9 stays out");
		}
		// not a class folder, and not in the split
		Dataset d = DatasetReader.read(out);
		assertTrue(d.problems().isEmpty(), d.problems().toString());
		assertTrue(Files.readString(out.resolve("split.csv")).lines().noneMatch(l -> l.contains("not-instance")));
	}

	@Test
	void notInstanceClustersComeWithTheirChromosomeCounts(@TempDir Path tmp) throws Exception {
		Path harvest = TestHarvest.fake(tmp.resolve("h"));
		TestHarvest.addCluster(harvest, "c12-6", "c12.jpg", 40, 3, "c1", "train", 80);
		Path out = tmp.resolve("mixed");
		MixedDatasetBuilder.build(harvest, List.of(), out, small(5), false, Progress.NONE, m -> {});
		assertEquals("file,chromosomes\nc11-9.png,2\nc12-6.png,3\n", Files.readString(out.resolve(
			DatasetReader.NOT_INSTANCE_FOLDER).resolve(DatasetReader.NOT_INSTANCE_CHROMOSOMES)));
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

	/**
	 * Every file of a build but {@code mixed.json} (whose maps Gson writes in no fixed order) and
	 * {@code not-instance/chromosomes.csv} (added after the digest below was recorded): names, the pixels of the
	 * images (not the PNG bytes, which depend on the JDK's deflater) and the bytes of the rest.
	 */
	static String digest(Path dataset) throws Exception {
		MessageDigest md = MessageDigest.getInstance("SHA-256");
		try (Stream<Path> files = Files.walk(dataset)) {
			for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
				String name = dataset.relativize(f).toString().replace('\\', '/');
				if (name.equals("mixed.json") || name.equals(DatasetReader.NOT_INSTANCE_FOLDER + "/" +
					DatasetReader.NOT_INSTANCE_CHROMOSOMES)) continue;
				md.update(name.getBytes(StandardCharsets.UTF_8));
				md.update(name.endsWith(".png") ? Gray8.pixels(ImageFiles.read(f)) : Files.readAllBytes(f));
			}
		}
		return HexFormat.of().formatHex(md.digest());
	}

	@Test
	void withoutLabelledClustersTheDatasetIsTheOneItAlwaysWas(@TempDir Path tmp) throws Exception {
		// Recorded before --labelled-clusters existed: datasets made without it stay reproducible from their seed.
		Path harvest = TestHarvest.fake(tmp.resolve("h"));
		MixedDatasetBuilder.build(harvest, List.of(), tmp.resolve("out"), settings(4, 2, 3, 1, 5), false, Progress.NONE,
			m -> {});
		assertEquals("e9964efe511f868a7eb0bfe563306fe9c2c137c8d373c8aee69643c52e094514", digest(tmp.resolve("out")));
		assertFalse(Files.readString(tmp.resolve("out").resolve("mixed.json")).contains("labelledClusters"));
	}

	/** Composed clusters per type per split, at most {@code valInstances} real validation instances, seed 7. */
	private static MixedDatasetBuilder.Settings settings(int train, int val, int test, int valInstances,
		int notInstance)
	{
		return new MixedDatasetBuilder.Settings(Map.of(Split.TRAIN, train, Split.VAL, val, Split.TEST, test),
			Map.of(Split.TRAIN, 0, Split.VAL, valInstances, Split.TEST, 0), 0.5, 7, MorphologySettings.defaults(),
			notInstance);
	}

	private static MixedDatasetBuilder.Settings small(int notInstance) {
		return settings(2, 1, 1, 0, notInstance);
	}

	@Test
	void handLabelledTrainingClustersJoinTheirClassAndLeaveTheNotInstancePool(@TempDir Path tmp) throws Exception {
		Path harvest = TestHarvest.fake(tmp.resolve("h"));
		TestHarvest.addCluster(harvest, "c12-5", "c12.jpg", 0, 2, "c1", "train", 90);
		TestHarvest.addCluster(harvest, "c12-6", "c12.jpg", 40, 3, "c1", "train", 80);
		Path csv = tmp.resolve("hand.csv");
		Files.writeString(csv, "image,x,y,width,height,label,confidence,boxes\n" +
			"c11.jpg,0,0,30,30,overlapping,high,2\nc12.jpg,40,0,30,30,touching-overlapping,medium,3\n");
		Path plain = tmp.resolve("plain"), out = tmp.resolve("labelled");
		MixedDatasetBuilder.build(harvest, List.of(), plain, small(5), false, Progress.NONE, m -> {});
		List<String> log = new ArrayList<>();
		MixedDatasetBuilder.build(harvest, List.of(), out, small(5).withLabelledClusters(LabelledClusters.read(csv)),
			false, Progress.NONE, log::add);

		assertArrayEquals(Files.readAllBytes(harvest.resolve("cluster/c11-9.png")),
			Files.readAllBytes(out.resolve("overlapping/real-cluster-c11-9.png")));
		assertTrue(Files.exists(out.resolve("touching-overlapping/real-cluster-c12-6.png")));
		SplitManifest m = SplitManifest.read(out.resolve("split.csv"), out);
		assertEquals(2 + 1, m.count(Split.TRAIN, ClusterType.OVERLAPPING), "2 composed and the hand-labelled one");
		assertEquals(2 + 1, m.count(Split.TRAIN, ClusterType.TOUCHING_OVERLAPPING));
		assertTrue(Files.readAllLines(out.resolve("labels.csv")).contains(
			"overlapping/real-cluster-c11-9.png,overlapping,train,2,,,hand-labelled,cluster/c11-9.png"));
		try (Stream<Path> files = Files.list(out.resolve(DatasetReader.NOT_INSTANCE_FOLDER))) {
			assertEquals(List.of("c12-5.png", "chromosomes.csv"), files.map(f -> f.getFileName().toString()).sorted()
				.toList(),
				"the labelled c11-9 and c12-6 are no longer of unknown type; c21-9 is a validation case's");
		}
		assertTrue(log.contains("train: 2 hand-labelled real clusters from hand.csv"), log.toString());
		JsonObject recorded = JsonParser.parseString(Files.readString(out.resolve("mixed.json"))).getAsJsonObject()
			.getAsJsonObject("settings").getAsJsonObject("labelledClusters");
		assertEquals("hand.csv", recorded.get("file").getAsString());
		assertEquals(2, recorded.get("rows").getAsInt());
		assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(csv))),
			recorded.get("sha256").getAsString());
		assertEquals(3, recorded.size(), "the rows themselves stay out of mixed.json: " + recorded);
		// The labelled clusters are all the option adds: every composed and real-instance file is the same.
		try (Stream<Path> files = Files.walk(plain)) {
			for (Path f : files.filter(f -> f.toString().endsWith(".png")).toList()) {
				String name = plain.relativize(f).toString();
				if (!name.startsWith(DatasetReader.NOT_INSTANCE_FOLDER))
					assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(out.resolve(name)), name);
			}
		}
		assertTrue(DatasetReader.read(out).problems().isEmpty());
	}

	@Test
	void handLabelsOfValidationCasesOrOfNoSingleComponentAreRefusedBeforeWriting(@TempDir Path tmp)
		throws Exception
	{
		Path harvest = TestHarvest.fake(tmp.resolve("h"));
		Path csv = tmp.resolve("hand.csv"), out = tmp.resolve("out");
		// c21-9 lies in the validation case c2; nothing sits at 5,5; both instances of c11.jpg share one box.
		Files.writeString(csv, "image,x,y,width,height,label\nc11.jpg,0,0,30,30,touching\n" +
			"c21.jpg,0,0,30,30,touching\nc11.jpg,5,5,30,30,overlapping\nc11.jpg,10,10,20,50,instance\n");
		MixedDatasetBuilder.Settings s = small(5).withLabelledClusters(LabelledClusters.read(csv));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MixedDatasetBuilder.build(
			harvest, List.of(), out, s, false, Progress.NONE, m -> {}));
		assertEquals("Hand-labelled clusters hand.csv: line 3 (c21.jpg@0,0,30x30) in val case c2 lie in validation " +
			"or test cases, which training must never see; line 4 (c11.jpg@5,5,30x30) match no harvested component " +
			"(image and bounding box as in the harvest's manifest.csv); line 5 (c11.jpg@10,10,20x50) match several " +
			"harvested components", e.getMessage());
		assertFalse(Files.exists(out));
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
