package io.github.supcam.dataset;

import io.github.supcam.image.Gray8;
import io.github.supcam.image.Polarity;
import io.github.supcam.image.TestImages;
import io.github.supcam.util.Json;
import io.github.supcam.util.Progress;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ShortProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetReaderTest {
	@TempDir
	Path root;

	private Path png(String relative) throws Exception {
		return TestImages.save(TestImages.ramp(12, 9), root.resolve(relative));
	}

	private static List<String> paths(Dataset d) {
		return d.images().stream().map(LabelledImage::relativePath).toList();
	}

	private static List<ClusterType> labels(Dataset d) {
		return d.images().stream().map(LabelledImage::label).toList();
	}

	@Test
	void readsClassNamedFoldersInEveryFormatSortedByPath() throws Exception {
		png("touching/b.png");
		TestImages.save(new ShortProcessor(8, 8), root.resolve("touching/a16.tif"));
		TestImages.save(new ColorProcessor(8, 8), root.resolve("instance/rgb.PNG"));
		TestImages.save(TestImages.ramp(8, 8), root.resolve("overlapping/deeper/c.bmp"));
		TestImages.save(TestImages.ramp(16, 16), root.resolve("touching-overlapping/d.JPEG"));
		TestImages.save(TestImages.ramp(8, 8), root.resolve("touching-overlapping/e.TIFF"));
		Dataset d = DatasetReader.read(root);
		assertEquals(List.of("instance/rgb.PNG", "overlapping/deeper/c.bmp", "touching-overlapping/d.JPEG",
			"touching-overlapping/e.TIFF", "touching/a16.tif", "touching/b.png"), paths(d));
		assertEquals(List.of(ClusterType.INSTANCE, ClusterType.OVERLAPPING, ClusterType.TOUCHING_OVERLAPPING,
			ClusterType.TOUCHING_OVERLAPPING, ClusterType.TOUCHING, ClusterType.TOUCHING), labels(d));
		assertEquals(root.resolve("overlapping/deeper/c.bmp"), d.images().get(1).file());
		assertEquals(List.of(), d.problems());
		assertEquals(root, d.root());
	}

	@Test
	void acceptsCommonSpellingsInAnyCase() throws Exception {
		png("Singles/a.png");
		png("TOUCH/b.png");
		png("Overlap/c.png");
		png("Touching_Overlapping/d.png");
		assertEquals(List.of(ClusterType.OVERLAPPING, ClusterType.INSTANCE, ClusterType.TOUCHING,
			ClusterType.TOUCHING_OVERLAPPING), labels(DatasetReader.read(root)));
	}

	@Test
	void readsChrClusterNumericFolders() throws Exception {
		for (int i = 0; i < 4; i++) png(i + "/x.png");
		assertEquals(List.of(ClusterType.INSTANCE, ClusterType.TOUCHING, ClusterType.OVERLAPPING,
			ClusterType.TOUCHING_OVERLAPPING), labels(DatasetReader.read(root)));
	}

	@Test
	void appliesCustomNumericMapping() throws Exception {
		png("1/x.png");
		png("2/y.png");
		DatasetOptions o = DatasetOptions.defaults().withNumericMapping("1=touching-overlapping, 2 = Instance");
		assertEquals(List.of(ClusterType.TOUCHING_OVERLAPPING, ClusterType.INSTANCE), labels(DatasetReader.read(root,
			o)));
	}

	@Test
	void unknownFolderFailsNamingItAndTheAcceptedNames() throws Exception {
		png("instance/a.png");
		png("train/b.png");
		png("4/c.png");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetReader.read(root));
		assertTrue(e.getMessage().contains("'4'"), e.getMessage());
		assertTrue(e.getMessage().contains("touching-overlapping") && e.getMessage().contains("0=instance"),
			e.getMessage());
		Dataset d = DatasetReader.read(root, DatasetOptions.defaults().withIgnoreUnknownFolders(true));
		assertEquals(List.of("instance/a.png"), paths(d));
		assertEquals(List.of("4/: ignored, not a class folder", "train/: ignored, not a class folder"), d.problems());
	}

	@Test
	void twoFoldersForOneClassFail() throws Exception {
		png("touching/a.png");
		png("1/b.png");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetReader.read(root));
		assertTrue(e.getMessage().contains("'1'") && e.getMessage().contains("'touching'"), e.getMessage());
	}

	@Test
	void missingRootFileRootAndEmptyDatasetFail() throws Exception {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> DatasetReader.read(root.resolve("nope")))
			.getMessage().contains("does not exist"));
		Path file = Files.writeString(root.resolve("f.txt"), "x");
		assertTrue(assertThrows(IllegalArgumentException.class, () -> DatasetReader.read(file)).getMessage()
			.contains("not a folder"));
		Files.createDirectories(root.resolve("instance"));
		Files.createDirectories(root.resolve("touching"));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetReader.read(root));
		assertTrue(e.getMessage().startsWith("No readable images in dataset " + root), e.getMessage());
		assertTrue(e.getMessage().contains("instance/: class folder for instance has no readable images"),
			e.getMessage());
	}

	@Test
	void emptyClassFolderIsReportedNotFatal() throws Exception {
		png("instance/a.png");
		Files.createDirectories(root.resolve("overlapping"));
		Dataset d = DatasetReader.read(root);
		assertEquals(1, d.images().size());
		assertEquals(List.of("overlapping/: class folder for overlapping has no readable images"), d.problems());
	}

	@Test
	void corruptFilesAreSkippedAndNamedInProblems() throws Exception {
		png("instance/good.png");
		Path ok = png("touching/ok.png");
		TestImages.truncated(ok, root.resolve("touching/truncated.png"));
		Files.writeString(root.resolve("touching/text.png"), "I am not a PNG");
		Dataset d = DatasetReader.read(root);
		assertEquals(List.of("instance/good.png", "touching/ok.png"), paths(d));
		assertEquals(2, d.problems().size());
		assertTrue(d.problems().get(0).startsWith("touching/text.png: skipped, Cannot read image"), d.problems().get(0));
		assertTrue(d.problems().get(1).startsWith("touching/truncated.png: skipped"), d.problems().get(1));
		Dataset unchecked = DatasetReader.read(root, DatasetOptions.defaults().withValidate(false));
		assertEquals(4, unchecked.images().size(), "without validation only names are checked");
	}

	@Test
	void ignoresHiddenAndSidecarFilesReportsOtherFiles() throws Exception {
		png("instance/a.png");
		png("instance/.hidden.png");
		png(".trash/instance.png");
		png("instance/.cache/b.png");
		png("stray.png");
		Files.writeString(root.resolve("instance/notes.txt"), "x");
		Files.writeString(root.resolve("instance/labels.CSV"), "x");
		Files.writeString(root.resolve("README.md"), "x");
		Files.writeString(root.resolve("instance/anim.gif"), "x");
		Dataset d = DatasetReader.read(root);
		assertEquals(List.of("instance/a.png"), paths(d));
		assertEquals(2, d.problems().size(), d.problems().toString());
		assertTrue(d.problems().get(0).startsWith("instance/anim.gif: skipped, not an image"), d.problems().get(0));
		assertEquals("stray.png: skipped, an image outside any class folder", d.problems().get(1));
	}

	@Test
	void aFolderNamedLikeAnImageIsNamedWhenItHoldsNoImage() throws Exception {
		png("instance/a.png");
		png("instance/b.tif/inside.png");
		Files.createDirectories(root.resolve("instance/c.png"));
		Dataset d = DatasetReader.read(root);
		assertEquals(List.of("instance/a.png", "instance/b.tif/inside.png"), paths(d));
		assertEquals(List.of("instance/c.png/: skipped, a folder named like an image, holding no image"), d.problems());
	}

	@Test
	void loadConvertsToCanonicalPolarity() throws Exception {
		ByteProcessor light = new ByteProcessor(10, 10);
		light.setValue(200);
		light.fillRect(3, 3, 4, 4);
		TestImages.save(light, root.resolve("instance/light.png"));
		LabelledImage image = DatasetReader.read(root).images().get(0);
		assertEquals(255, Gray8.get(DatasetReader.load(image, DatasetOptions.defaults()), 0, 0), "detected, inverted");
		assertEquals(55, Gray8.get(DatasetReader.load(image, DatasetOptions.defaults()), 4, 4));
		assertEquals(0, Gray8.get(DatasetReader.load(image, DatasetOptions.defaults()
			.withPolarity(Polarity.DARK_ON_LIGHT)), 0, 0), "override obeyed");
	}

	@Test
	void followsLinkedClassFoldersAndCountsClasses() throws Exception {
		png("instance/a.png");
		Path elsewhere = Files.createDirectories(root.resolve(".store/t"));
		TestImages.save(TestImages.ramp(5, 5), elsewhere.resolve("b.png"));
		TestImages.save(TestImages.ramp(5, 5), elsewhere.resolve("c.png"));
		Files.createSymbolicLink(root.resolve("touching"), elsewhere);
		Dataset d = DatasetReader.read(root);
		assertEquals(List.of("instance/a.png", "touching/b.png", "touching/c.png"), paths(d));
		assertEquals(Map.of(ClusterType.INSTANCE, 1, ClusterType.TOUCHING, 2, ClusterType.OVERLAPPING, 0,
			ClusterType.TOUCHING_OVERLAPPING, 0), d.classCounts());
	}

	@Test
	void reportsProgressAndStopsWhenCancelled() throws Exception {
		png("instance/a.png");
		png("instance/b.png");
		png("touching/c.png");
		List<String> updates = new java.util.ArrayList<>();
		DatasetReader.read(root, DatasetOptions.defaults(), (done, total, msg) -> updates.add(done + "/" + total));
		assertEquals(List.of("0/3", "1/3", "2/3", "3/3"), updates);
		Progress cancelled = new io.github.supcam.util.Cancelled();
		assertThrows(Progress.CancelledException.class, () -> DatasetReader.read(root, DatasetOptions.defaults(),
			cancelled));
	}

	@Test
	void optionsParseValidateAndSerialise() {
		assertEquals(DatasetOptions.CHRCLUSTER_MAPPING, DatasetOptions.parseMapping(
			"0=instance,1=touching,2=overlapping,3=touching-overlapping"));
		assertEquals("0=instance,1=touching,2=overlapping,3=touching-overlapping",
			DatasetOptions.format(DatasetOptions.defaults().numericMapping()));
		for (String bad : new String[] { "", "0:instance", "x=instance", "0=instance,0=touching", "0=blob",
			"0=instance,1=instance" }) {
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> DatasetOptions.defaults().withNumericMapping(bad), bad);
			assertFalse(e.getMessage().isBlank());
		}
		DatasetOptions o = DatasetOptions.defaults().withNumericMapping(Map.of(5, ClusterType.OVERLAPPING))
			.withIgnoreUnknownFolders(true).withPolarity(Polarity.LIGHT_ON_DARK);
		assertEquals(o, Json.fromJson(Json.toJson(o), DatasetOptions.class));
	}
}
