package io.github.supcam.classify;

import io.github.supcam.cli.SupcamCli;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Batch classification of a folder through the core and through {@code supcam classify}. */
class BatchClassificationTest {
	@TempDir
	static Path tmp;
	static Path model;
	static Path folder;

	@BeforeAll
	static void prepare() throws Exception {
		model = TestModel.path();
		folder = Files.createDirectories(tmp.resolve("images"));
		ImageFiles.writePng(TestModel.metaphase(1).image(), folder.resolve("a.png"));
		ImageFiles.writePng(TestModel.metaphase(2).image(), folder.resolve("b.png"));
		Files.writeString(folder.resolve("broken.png"), "not a PNG");
	}

	record Run(int exit, String out, String err) {}

	static Run cli(String... args) {
		StringWriter out = new StringWriter(), err = new StringWriter();
		CommandLine cl = SupcamCli.commandLine();
		cl.setOut(new PrintWriter(out));
		cl.setErr(new PrintWriter(err));
		int exit = cl.execute(args);
		return new Run(exit, out.toString(), err.toString());
	}

	static List<String> imagesOfRows(Path csv) throws Exception {
		return Files.readAllLines(csv).stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().toList();
	}

	@Test
	void corruptFileIsReportedAndSkippedWithExitCode2() throws Exception {
		Path csv = tmp.resolve("cli.csv");
		Run r = cli("classify", "--model", model.toString(), "--device", "cpu", "--output", csv.toString(),
			folder.toString());
		assertEquals(SupcamCli.EXIT_BAD_INPUT, r.exit(), r.err());
		assertTrue(r.err().contains("broken.png"), r.err());
		assertTrue(r.err().contains("1 input(s) skipped"), r.err());
		assertTrue(r.out().contains("in 2 of 3 images"), r.out());
		assertEquals(List.of("a.png", "b.png"), imagesOfRows(csv));

		// The CSV exists now: a second run is refused and leaves it alone, --overwrite replaces it.
		byte[] before = Files.readAllBytes(csv);
		Run again = cli("classify", "--model", model.toString(), "--device", "cpu", "--output", csv.toString(),
			folder.resolve("a.png").toString());
		assertEquals(SupcamCli.EXIT_BAD_INPUT, again.exit());
		assertTrue(again.err().contains("already exists"), again.err());
		assertArrayEquals(before, Files.readAllBytes(csv));
		Run ok = cli("classify", "--model", model.toString(), "--device", "cpu", "--output", csv.toString(),
			"--overwrite", folder.resolve("a.png").toString());
		assertEquals(SupcamCli.EXIT_OK, ok.exit(), ok.err());
		assertEquals(List.of("a.png"), imagesOfRows(csv));
	}

	@Test
	void coreBatchReportsFailuresAndWritesOverlays() throws Exception {
		List<String> log = new ArrayList<>();
		Path csv = tmp.resolve("core.csv"), overlays = tmp.resolve("overlays");
		BatchClassification.Summary s = new BatchClassification(ClassifySettings.defaults(),
			BatchClassification.Mode.DETECT, null).run(model, List.of(folder), csv, overlays, false, "cpu",
			Progress.NONE, log::add);
		assertEquals(3, s.images());
		assertEquals(1, s.failures().size());
		assertTrue(s.failures().get(0).contains("broken.png"), s.failures().get(0));
		assertEquals(Files.readAllLines(csv).size() - 1, s.rows().size());
		assertTrue(log.stream().anyMatch(l -> l.startsWith("a.png: ")), log.toString());
		assertTrue(log.stream().anyMatch(l -> l.startsWith("Skipped ") && l.contains("broken.png")), log.toString());
		assertTrue(Files.isRegularFile(overlays.resolve("a-overlay.png")));
		assertTrue(Files.isRegularFile(overlays.resolve("b-overlay.png")));
	}

	@Test
	void cancelledBatchLeavesNoHalfWrittenCsv() {
		Path csv = tmp.resolve("cancelled.csv");
		int[] seen = { 0 };
		Progress cancelAfterFirst = new Progress() {
			@Override
			public void update(long done, long total, String message) {
				seen[0]++;
			}

			@Override
			public boolean isCancelled() {
				return seen[0] >= 1;
			}
		};
		assertThrows(Progress.CancelledException.class, () -> new BatchClassification(ClassifySettings.defaults(),
			BatchClassification.Mode.DETECT, null).run(model, List.of(folder), csv, null, false, "cpu",
			cancelAfterFirst, m -> {}));
		assertEquals(1, seen[0]);
		assertFalse(Files.exists(csv));
	}

	@Test
	void cropsAndRoisModes() throws Exception {
		Path csv = tmp.resolve("crops.csv");
		Run r = cli("classify", "--model", model.toString(), "--device", "cpu", "--crops", "--output",
			csv.toString(), folder.resolve("a.png").toString(), folder.resolve("b.png").toString());
		assertEquals(SupcamCli.EXIT_OK, r.exit(), r.err());
		List<String> lines = Files.readAllLines(csv);
		assertEquals(3, lines.size());
		assertTrue(lines.get(1).startsWith("a.png,a.png,0,0,400,300,120000,"), lines.get(1));

		Path roiSet = RoiSetsTest.roiSet(tmp.resolve("RoiSet.zip"), List.of(new ij.gui.Roi(10, 10, 50, 40)));
		Path roiCsv = tmp.resolve("rois.csv");
		Run rr = cli("classify", "--model", model.toString(), "--device", "cpu", "--rois", roiSet.toString(),
			"--output", roiCsv.toString(), folder.resolve("a.png").toString());
		assertEquals(SupcamCli.EXIT_OK, rr.exit(), rr.err());
		List<String> roiLines = Files.readAllLines(roiCsv);
		assertEquals(2, roiLines.size());
		assertTrue(roiLines.get(1).startsWith("a.png,0000,10,10,50,40,2000,"), roiLines.get(1));

		Run both = cli("classify", "--model", model.toString(), "--crops", "--rois", roiSet.toString(),
			"--output", tmp.resolve("x.csv").toString(), folder.toString());
		assertEquals(SupcamCli.EXIT_BAD_INPUT, both.exit());
		assertTrue(both.err().contains("exclude each other"), both.err());
	}
}
