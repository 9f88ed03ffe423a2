package io.github.supcam.classify;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import io.github.supcam.cli.SupcamCli;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.util.Progress;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A batch of bad and unusual inputs, generated at test time: each case must end in a named outcome (a result row, or
 * a skipped input whose message says why), and every valid file of the batch must be in the CSV.
 */
class BadInputCorpusTest {
	@TempDir
	static Path tmp;
	static Path corpus;

	/** A dark blob on a light background: a crop the classifier can take. */
	static byte[] blob(int w, int h) {
		byte[] px = new byte[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double dx = (x - w / 2.0) / (w / 4.0), dy = (y - h / 2.0) / (h / 6.0);
				px[y * w + x] = (byte) (dx * dx + dy * dy < 1 ? 40 : 220);
			}
		return px;
	}

	@BeforeAll
	static void makeCorpus() throws Exception {
		corpus = Files.createDirectories(tmp.resolve("corpus"));
		Files.createFile(corpus.resolve("zero-bytes.png"));
		Files.writeString(corpus.resolve("text.png"), "this is not a PNG\n");
		Files.createDirectories(corpus.resolve("folder-named-like.tif"));
		ImageFiles.writePng(Gray8.wrap(blob(96, 96), 96, 96), corpus.resolve("valid crop.png"));
		ImageFiles.writePng(Gray8.wrap(blob(96, 96), 96, 96), corpus.resolve("Zelle ü, Nr. 1 – α.png"));
		ImageFiles.writePng(Gray8.wrap(new byte[] { 40 }, 1, 1), corpus.resolve("one-pixel.png"));
		byte[] constant = new byte[64 * 64];
		java.util.Arrays.fill(constant, (byte) 128);
		ImageFiles.writePng(Gray8.wrap(constant, 64, 64), corpus.resolve("constant.png"));

		short[] s16 = new short[96 * 96];
		byte[] b = blob(96, 96);
		for (int i = 0; i < s16.length; i++) s16[i] = (short) ((b[i] & 0xff) * 200);
		new FileSaver(new ImagePlus("16", new ShortProcessor(96, 96, s16, null))).saveAsTiff(
			corpus.resolve("sixteen-bit.tif").toString());
		int[] rgb = new int[96 * 96];
		for (int i = 0; i < rgb.length; i++) rgb[i] = (b[i] & 0xff) << 16 | (b[i] & 0xff) << 8 | 255;
		ImageFiles.writePng(new ImagePlus("rgb", new ColorProcessor(96, 96, rgb)).getBufferedImage(),
			corpus.resolve("rgb.png"));
		float[] f = new float[96 * 96];
		for (int i = 0; i < f.length; i++) f[i] = i % 7 == 0 ? Float.NaN : (b[i] & 0xff) / 255f;
		new FileSaver(new ImagePlus("nan", new FloatProcessor(96, 96, f))).saveAsTiff(
			corpus.resolve("nan-float.tif").toString());
		Path full = corpus.resolve("sixteen-bit.tif");
		byte[] tiff = Files.readAllBytes(full);
		Files.write(corpus.resolve("truncated.tif"), java.util.Arrays.copyOf(tiff, tiff.length / 2));
		int big = 10_000;
		byte[] huge = new byte[big * big];
		java.util.Arrays.fill(huge, (byte) 220);
		for (int y = 4000; y < 6000; y++) java.util.Arrays.fill(huge, y * big + 3000, y * big + 7000, (byte) 40);
		ImageFiles.writePng(Gray8.wrap(huge, big, big), corpus.resolve("ten-thousand-square.png"));
	}

	/** File name to outcome: "classified", or the reason it was skipped. */
	static Map<String, String> outcomes(BatchClassification.Summary r) {
		Map<String, String> out = new LinkedHashMap<>();
		for (ClusterResult row : r.rows()) out.put(row.image(), "classified");
		for (String f : r.failures()) {
			String name = f.startsWith(corpus.toString()) ? corpus.relativize(Path.of(f.substring(0,
				f.indexOf(": ", corpus.toString().length())))).toString() : f.substring(0, f.indexOf(" cluster "));
			out.put(name, f);
		}
		return out;
	}

	static List<String> csvImages(Path csv) throws Exception {
		try (Reader in = Files.newBufferedReader(csv)) {
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).stream()
				.map(rec -> rec.get(0)).toList();
		}
	}

	private static final Set<String> VALID = Set.of("valid crop.png", "Zelle ü, Nr. 1 – α.png", "sixteen-bit.tif",
		"rgb.png", "nan-float.tif");

	@Test
	void everyCaseHasANamedOutcomeAndTheValidFilesAreInTheCsv() throws Exception {
		Path csv = tmp.resolve("results.csv");
		List<String> log = new ArrayList<>();
		BatchClassification.Summary r = new BatchClassification(ClassifySettings.defaults(),
			BatchClassification.Mode.WHOLE, null).run(TestModel.path(), List.of(corpus), csv, null, false, "cpu",
				Progress.NONE, log::add);
		Map<String, String> o = outcomes(r);
		Set<String> cases;
		try (var s = Files.list(corpus)) {
			cases = new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
		}
		assertEquals(cases, new TreeSet<>(o.keySet()), "every case has an outcome: " + o);
		assertTrue(o.get("zero-bytes.png").endsWith("the file is empty"), o.toString());
		assertTrue(o.get("text.png").contains("not an image format"), o.toString());
		assertTrue(o.get("truncated.tif").contains("truncated"), o.toString());
		assertTrue(o.get("folder-named-like.tif").contains("a folder named like an image file"), o.toString());
		assertTrue(o.get("one-pixel.png").contains("one-pixel.png cluster one-pixel.png: No chromosome found"),
			o.toString());
		assertTrue(o.get("constant.png").contains("constant.png cluster constant.png: No chromosome found"),
			o.toString());
		// The 10k x 10k image: classified, or named as out of memory with advice, never lost.
		String huge = o.get("ten-thousand-square.png");
		assertTrue(huge.equals("classified") || huge.contains("SUPCAM_JAVA_OPTS=-Xmx"), huge);
		for (String v : VALID) assertEquals("classified", o.get(v), v);
		List<String> inCsv = csvImages(csv);
		assertTrue(inCsv.containsAll(VALID), inCsv.toString());
		assertEquals(r.rows().size(), inCsv.size(), "the CSV holds every row, names with commas quoted");
		for (String f : r.failures()) assertTrue(log.stream().anyMatch(l -> l.contains(f)), "logged: " + f);
	}

	@Test
	void aFileThatRunsOutOfMemoryIsNamedWithAdviceAndTheBatchGoesOn() throws Exception {
		Path csv = tmp.resolve("oom.csv");
		Path leftover = Files.writeString(tmp.resolve(".oom.csv.tmp-123"), "half a CSV from a killed batch");
		Path valid = corpus.resolve("valid crop.png"), rgb = corpus.resolve("rgb.png");
		BatchClassification.Summary r = new BatchClassification(ClassifySettings.defaults(),
			BatchClassification.Mode.WHOLE, null, f -> {
				if (f.equals(valid)) throw new OutOfMemoryError("Java heap space");
				return ImageFiles.read(f);
			}).run(TestModel.path(), List.of(valid, rgb), csv, null, false, "cpu", Progress.NONE, m -> {});
		assertEquals(1, r.failures().size(), r.failures().toString());
		String f = r.failures().get(0);
		assertTrue(f.startsWith(valid + ": out of memory"), f);
		assertTrue(f.contains("Downscale the image") && f.contains("SUPCAM_JAVA_OPTS=-Xmx") && f.contains("Fiji"), f);
		assertEquals(List.of("rgb.png"), csvImages(csv));
		assertFalse(Files.exists(leftover), "the leftover of an interrupted CSV write is removed");
		assertEquals(1, r.classifiedImages());
		assertEquals(2, r.images());
	}

	@Test
	void theCliExitsWith2AndNamesEverySkippedInput() throws Exception {
		Path empty = Files.createDirectories(tmp.resolve("no images here"));
		Files.writeString(empty.resolve("notes.txt"), "nothing");
		Path csv = tmp.resolve("cli.csv");
		BatchClassificationTest.Run run = BatchClassificationTest.cli("classify", "--model", TestModel.path().toString(),
			"--device", "cpu", "--crops", "--output", csv.toString(), corpus.resolve("valid crop.png").toString(),
			corpus.resolve("text.png").toString(), empty.toString());
		assertEquals(SupcamCli.EXIT_BAD_INPUT, run.exit(), run.err());
		assertTrue(run.err().contains("2 input(s) skipped"), run.err());
		assertTrue(run.err().contains("text.png: Cannot read image"), run.err());
		assertTrue(run.err().contains("no images here: a folder that holds no image files"), run.err());
		assertTrue(run.out().contains("in 1 of 3 images") && run.out().contains("2 skipped"), run.out());
		assertEquals(List.of("valid crop.png"), csvImages(csv));
	}
}
