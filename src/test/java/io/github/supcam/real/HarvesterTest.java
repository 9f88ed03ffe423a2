package io.github.supcam.real;

import io.github.supcam.detect.ClusterCrop;
import io.github.supcam.detect.ClusterDetector;
import io.github.supcam.detect.DetectedCluster;
import io.github.supcam.detect.DetectionResult;
import io.github.supcam.detect.DetectionSettings;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.util.Progress;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

public class HarvesterTest {
	static final HarvestSettings SETTINGS = HarvestSettings.defaults().withDetection(DetectionSettings.defaults());

	/**
	 * Two annotated scenes, an image without annotation, a malformed xml and an annotation without image: the images
	 * folder and the annotations folder.
	 */
	public static Path[] input(Path tmp) throws IOException {
		Path images = Files.createDirectories(tmp.resolve("images")), ann = Files.createDirectories(tmp.resolve("ann"));
		for (String s : List.of("scene1", "scene2", "lonely3")) ImageFiles.writePng(Scene.image(), images.resolve(s + ".png"));
		Scene.writeVoc(ann.resolve("scene1.xml"), "scene1.png");
		Scene.writeVoc(ann.resolve("scene2.xml"), "scene2.png");
		Files.writeString(ann.resolve("bad.xml"), "<annotation><object>");
		Scene.writeVoc(ann.resolve("ghost4.xml"), "ghost4.png");
		return new Path[] { images, ann };
	}

	static List<CSVRecord> csv(Path f) throws IOException {
		try (Reader r = Files.newBufferedReader(f)) {
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
		}
	}

	@Test
	void writesInstancesClustersMasksAndTheExclusionsWithReasons(@TempDir Path tmp) throws IOException {
		Path[] in = input(tmp);
		Path out = tmp.resolve("out");
		Harvester.Summary s = new Harvester(SETTINGS).run(in[0], in[1], out, false, Progress.NONE);
		assertEquals(2, s.images());
		assertEquals(2, s.instances());
		assertEquals(2, s.clusters());
		assertEquals(14, s.boxes());
		assertEquals(8, s.spannedBoxes(), "A, B, C and E in each image");
		assertEquals(List.of("bad.xml: malformed XML", "lonely3.png: no annotation; skipped",
			"ghost4.xml: annotation for a missing image ghost4; skipped"), s.problems().stream()
				.map(p -> p.startsWith("bad.xml") ? p.substring(0, p.indexOf("XML") + 3) : p).toList());

		DetectionResult d = new ClusterDetector(SETTINGS.detection()).detect(Scene.image());
		DetectedCluster a = d.cluster(d.labels().get(30, 50)), bc = d.cluster(d.labels().get(110, 80));
		List<CSVRecord> manifest = csv(out.resolve(Harvester.MANIFEST));
		assertEquals(Harvester.COLUMNS, manifest.get(0).getParser().getHeaderNames());
		assertEquals(4, manifest.size());
		CSVRecord inst = manifest.stream().filter(r -> r.get("image").equals("scene1.png") &&
			r.get("chromosomes").equals("1")).findFirst().orElseThrow();
		String name = String.format("scene1-%03d.png", a.id());
		assertEquals("instance/" + name, inst.get("file"));
		assertEquals(List.of(String.valueOf(a.x()), String.valueOf(a.y()), String.valueOf(a.width()),
			String.valueOf(a.height()), String.valueOf(a.area())), List.of(inst.get("x"), inst.get("y"),
				inst.get("width"), inst.get("height"), inst.get("area")));
		assertTrue(Math.abs(a.x() - 20) <= 1 && Math.abs(a.width() - 21) <= 2, "the rod at x 20..40: " + a);
		assertEquals("1:A1", inst.get("boxes"));
		assertEquals("scene", inst.get("case"));
		assertEquals("train", inst.get("split"));
		CSVRecord cluster = manifest.stream().filter(r -> r.get("image").equals("scene2.png") &&
			r.get("chromosomes").equals("2")).findFirst().orElseThrow();
		assertEquals(String.format("cluster/scene2-%03d.png", bc.id()), cluster.get("file"));
		assertEquals("2:B2;3:C3", cluster.get("boxes"));

		// The crop is classification's crop; the mask marks the rod in the crop's frame.
		ArrayImg<UnsignedByteType, ByteArray> expected = ClusterCrop.extract(Scene.image(), d.labels(), a,
			SETTINGS.margin(), ClusterCrop.backgroundLevel(Scene.image(), d.labels()));
		ArrayImg<UnsignedByteType, ByteArray> crop = ImageFiles.read(out.resolve(inst.get("file")));
		assertArrayEquals(Gray8.pixels(expected), Gray8.pixels(crop));
		assertEquals(220, Gray8.get(crop, 0, 0));
		ArrayImg<UnsignedByteType, ByteArray> mask = ImageFiles.read(out.resolve(Harvester.INSTANCE_MASKS).resolve(name));
		assertEquals(Gray8.width(crop), Gray8.width(mask));
		int m = SETTINGS.margin();
		assertEquals(255, Gray8.get(mask, m + 30 - a.x(), m + 50 - a.y()));
		assertEquals(0, Gray8.get(mask, 0, 0));
		assertFalse(Files.exists(out.resolve(Harvester.INSTANCE_MASKS).resolve(String.format("scene2-%03d.png",
			bc.id()))), "masks are written for instances only");

		Map<String, Long> reasons = csv(out.resolve(Harvester.EXCLUDED)).stream().collect(Collectors.groupingBy(
			r -> r.get("reason"), TreeMap::new, Collectors.counting()));
		assertEquals(Map.of("box_split", 2L, "box_not_detected", 2L, "box_outside_image", 2L, "part_of_excluded_box", 4L,
			"beyond_boxes", 2L, "no_box", 2L), reasons);
		CSVRecord split = csv(out.resolve(Harvester.EXCLUDED)).stream().filter(r -> r.get("reason").equals("box_split"))
			.findFirst().orElseThrow();
		assertEquals(List.of("4:D4", "200", "20", "21", "111"), List.of(split.get("boxes"), split.get("x"),
			split.get("y"), split.get("width"), split.get("height")));
		assertEquals(Map.of("scene", io.github.supcam.dataset.Split.TRAIN), Cases.readCsv(out.resolve(Cases.CSV)));
		String report = Files.readString(out.resolve(Harvester.REPORT));
		assertTrue(report.contains("| box split over two components (`box_split`) | 2 |"), report);
		assertTrue(report.contains("Boxes in a detected component: 8 of 14"), report);
		assertTrue(Files.isRegularFile(out.resolve(Harvester.SETTINGS)));
	}

	@Test
	void cocoGivesTheSameManifestAsVoc(@TempDir Path tmp) throws IOException {
		Path[] in = input(tmp);
		new Harvester(SETTINGS).run(in[0], in[1], tmp.resolve("voc"), false, Progress.NONE);
		StringBuilder json = new StringBuilder("{\"images\": [{\"id\": 1, \"file_name\": \"scene1.png\"}, " +
			"{\"id\": 2, \"file_name\": \"scene2.png\"}], \"categories\": [], \"annotations\": [");
		String sep = "";
		for (int image = 1; image <= 2; image++) for (Box b : Scene.BOXES) {
			json.append(sep).append(String.format("{\"image_id\": %d, \"bbox\": [%d, %d, %d, %d]}", image, b.x0(), b.y0(),
				b.x1() - b.x0(), b.y1() - b.y0()));
			sep = ", ";
		}
		Path coco = Files.writeString(tmp.resolve("boxes.json"), json.append("]}").toString());
		Harvester.Summary s = new Harvester(SETTINGS).run(in[0], coco, tmp.resolve("coco"), false, Progress.NONE);
		assertEquals(List.of("lonely3.png: no annotation; skipped"), s.problems());
		// COCO boxes carry no labels here, so compare everything but the box tags' labels.
		List<String> voc = Files.readAllLines(tmp.resolve("voc").resolve(Harvester.MANIFEST)).stream()
			.map(l -> l.replaceAll(":[A-Z]\\d", "")).toList();
		assertEquals(voc, Files.readAllLines(tmp.resolve("coco").resolve(Harvester.MANIFEST)));
	}

	@Test
	void aNonEmptyOutputIsRefusedAndACancelLeavesItAsItWas(@TempDir Path tmp) throws IOException {
		Path[] in = input(tmp);
		Path out = tmp.resolve("out");
		Harvester h = new Harvester(SETTINGS);
		h.run(in[0], in[1], out, false, Progress.NONE);
		byte[] manifest = Files.readAllBytes(out.resolve(Harvester.MANIFEST));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.run(in[0], in[1], out, false,
			Progress.NONE));
		assertTrue(e.getMessage().contains("not empty"), e.getMessage());
		Progress cancel = new Progress() {
			@Override
			public void update(long done, long total, String message) {}

			@Override
			public boolean isCancelled() {
				return true;
			}
		};
		assertThrows(Progress.CancelledException.class, () -> h.run(in[0], in[1], out, true, cancel));
		assertArrayEquals(manifest, Files.readAllBytes(out.resolve(Harvester.MANIFEST)));
		try (var s = Files.list(tmp)) {
			assertEquals(3, s.count(), "no temporary folder left beside the output");
		}
	}
}
