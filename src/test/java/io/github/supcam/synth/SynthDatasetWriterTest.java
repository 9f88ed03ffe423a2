package io.github.supcam.synth;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.util.Json;
import io.github.supcam.util.Progress;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynthDatasetWriterTest {
	@TempDir
	Path tmp;

	private static List<Path> files(Path root) throws IOException {
		try (Stream<Path> s = Files.walk(root)) {
			return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
		}
	}

	@Test
	void writesTheChrClusterLayoutWithLabelsAndManifest() throws IOException {
		Path out = tmp.resolve("ds");
		new SynthDatasetWriter(SynthSettings.defaults(), 5).write(out, 3, 96, false, Progress.NONE);
		for (ClusterType t : ClusterType.values())
			for (int i = 0; i < 3; i++) {
				Path png = out.resolve(t.folderName()).resolve(t.folderName() + String.format("-%05d.png", i));
				var img = ImageFiles.read(png);
				assertEquals(96, Gray8.width(img));
				assertEquals(96, Gray8.height(img));
			}
		List<CSVRecord> rows;
		try (Reader r = Files.newBufferedReader(out.resolve(SynthDatasetWriter.LABELS_FILE))) {
			rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
		}
		assertEquals(12, rows.size());
		for (CSVRecord row : rows) {
			ClusterType t = ClusterType.parse(row.get("label"));
			assertTrue(row.get("file").startsWith(t.folderName() + "/"));
			int n = Integer.parseInt(row.get("n_chromosomes"));
			int overlap = Integer.parseInt(row.get("overlap_pixels"));
			assertEquals(t == ClusterType.INSTANCE, n == 1);
			assertEquals(t == ClusterType.OVERLAPPING || t == ClusterType.TOUCHING_OVERLAPPING, overlap > 0);
			assertTrue(Double.parseDouble(row.get("width_px")) > 1);
		}
		var manifest = Json.fromJson(Files.readString(out.resolve(SynthDatasetWriter.MANIFEST_FILE)),
			SynthDatasetWriter.Manifest.class);
		assertEquals(5, manifest.seed());
		assertEquals(SynthSettings.defaults(), manifest.settings());
		assertEquals(14, files(out).size());
	}

	@Test
	void sameSeedGivesIdenticalBytesOtherSeedDoesNot() throws IOException {
		Path a = tmp.resolve("a"), b = tmp.resolve("b"), c = tmp.resolve("c");
		new SynthDatasetWriter(SynthSettings.defaults(), 9).write(a, 2, 64, false, Progress.NONE);
		new SynthDatasetWriter(SynthSettings.defaults(), 9).write(b, 2, 64, false, Progress.NONE);
		new SynthDatasetWriter(SynthSettings.defaults(), 10).write(c, 2, 64, false, Progress.NONE);
		List<Path> names = files(a);
		assertEquals(names, files(b));
		for (Path f : names) assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f.toString());
		Path img = Path.of("touching", "touching-00000.png");
		assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve(img)), Files.readAllBytes(c.resolve(img))));
	}

	@Test
	void sampleReRendersOneImageOfTheDataset() throws IOException {
		Path out = tmp.resolve("one");
		SynthDatasetWriter w = new SynthDatasetWriter(SynthSettings.defaults(), 4);
		w.write(out, 2, 64, false, Progress.NONE);
		var written = ImageFiles.read(out.resolve("overlapping/overlapping-00001.png"));
		assertArrayEquals(Gray8.pixels(written), Gray8.pixels(w.sample(ClusterType.OVERLAPPING, 1, 64).image()));
	}

	@Test
	void refusesANonEmptyOutputUnlessOverwriting() throws IOException {
		Path out = tmp.resolve("full");
		Files.createDirectories(out);
		Files.writeString(out.resolve("keep.txt"), "mine");
		SynthDatasetWriter w = new SynthDatasetWriter(SynthSettings.defaults(), 1);
		String m = assertThrows(IllegalArgumentException.class, () -> w.write(out, 1, 64, false, Progress.NONE))
			.getMessage();
		assertTrue(m.contains("not empty"), m);
		w.write(out, 1, 64, true, Progress.NONE);
		assertEquals("mine", Files.readString(out.resolve("keep.txt")));
		assertTrue(Files.exists(out.resolve(SynthDatasetWriter.LABELS_FILE)));
	}

	@Test
	void reportsProgressAndStopsWhenCancelled() {
		List<Long> done = new ArrayList<>();
		Progress p = new Progress() {
			@Override
			public void update(long d, long total, String message) {
				done.add(d);
			}

			@Override
			public boolean isCancelled() {
				return done.size() >= 3;
			}
		};
		assertThrows(Progress.CancelledException.class, () -> new SynthDatasetWriter(SynthSettings.defaults(), 1)
			.write(tmp.resolve("cancel"), 5, 64, false, p));
		assertEquals(List.of(1L, 2L, 3L), done);
	}

	@Test
	void settingsFileKeepsDefaultsForWhatItLeavesOut() throws IOException {
		Path f = tmp.resolve("s.json");
		Files.writeString(f, "{\"noiseSigma\": {\"min\": 0, \"max\": 0}, \"maxAttempts\": 7}");
		assertEquals(SynthSettings.defaults().withNoiseSigma(SynthSettings.Range.of(0, 0)).withMaxAttempts(7),
			SynthDatasetWriter.readSettings(f));
		Files.writeString(f, "[1, 2]");
		String m = assertThrows(IllegalArgumentException.class, () -> SynthDatasetWriter.readSettings(f)).getMessage();
		assertTrue(m.contains("s.json") && m.contains("JSON object"), m);
		Files.writeString(f, "{\"fill\": ");
		assertThrows(IllegalArgumentException.class, () -> SynthDatasetWriter.readSettings(f));
	}

	@Test
	void badCountsAreRejected() {
		SynthDatasetWriter w = new SynthDatasetWriter(SynthSettings.defaults(), 1);
		assertThrows(IllegalArgumentException.class, () -> w.write(tmp.resolve("x"), 0, 64, false, Progress.NONE));
		assertThrows(IllegalArgumentException.class, () -> w.write(tmp.resolve("y"), 1, 8, false, Progress.NONE));
	}
}
