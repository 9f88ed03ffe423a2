package io.github.supcam.compose;

import com.google.gson.JsonObject;
import io.github.supcam.cli.SupcamCli;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.util.Json;
import io.github.supcam.util.Progress;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AugmentJobTest {
	@TempDir
	static Path tmp;
	static Path input;

	@BeforeAll
	static void dataset() throws IOException {
		input = tmp.resolve("in");
		TestImages.writeRodDataset(input);
	}

	private static CompositionSettings settings() {
		return CompositionSettings.defaults().withSize(64);
	}

	static List<CSVRecord> manifest(Path out) throws IOException {
		try (CSVParser p = CSVParser.parse(Files.readString(out.resolve(AugmentJob.MANIFEST_FILE)),
			CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()))
		{
			assertEquals(List.of(AugmentJob.MANIFEST_COLUMNS), p.getHeaderNames());
			return p.getRecords();
		}
	}

	@Test
	void writesImagesSettingsAndManifest() throws IOException {
		Path out = tmp.resolve("out1");
		AugmentJob.Summary summary = new AugmentJob(input, out, 30, 5, settings(), false).run(Progress.NONE);
		assertEquals(30, summary.written());
		assertTrue(summary.composed() > 0 && summary.composed() <= 30, "composed " + summary.composed());
		assertEquals(1, summary.problems().size(), summary.problems().toString());
		assertTrue(summary.problems().get(0).contains("broken.png"));

		List<CSVRecord> rows = manifest(out);
		assertEquals(30, rows.size());
		assertEquals(List.of("file", "label", "primary", "primary_label", "candidate", "candidate_label", "primary_x",
			"primary_y", "candidate_x", "candidate_y", "intersection", "attempts", "source"),
			List.of(AugmentJob.MANIFEST_COLUMNS));
		for (CSVRecord r : rows) {
			assertTrue(Files.isRegularFile(out.resolve(r.get("file"))), r.get("file"));
			assertTrue(r.get("file").startsWith(r.get("label") + "/aug-"), r.get("file"));
			assertTrue(Files.isRegularFile(input.resolve(r.get("primary"))));
			assertTrue(!r.get("primary").equals(r.get("candidate")), "primary and candidate differ");
			assertTrue(!r.get("primary").contains("broken") && !r.get("candidate").contains("broken"));
			if (r.get("source").equals("composed")) assertTrue(!r.get("label").equals("instance"));
			else assertEquals(r.get("candidate_label"), r.get("label"));
		}
		Set<String> written;
		try (Stream<Path> s = Files.walk(out)) {
			written = s.filter(f -> f.toString().endsWith(".png")).map(f -> out.relativize(f).toString().replace('\\', '/'))
				.collect(Collectors.toCollection(TreeSet::new));
		}
		assertEquals(rows.stream().map(r -> r.get("file")).collect(Collectors.toCollection(TreeSet::new)), written);
		assertEquals(30, summary.perLabel().values().stream().mapToInt(Integer::intValue).sum());

		JsonObject json = Json.fromJson(Files.readString(out.resolve(AugmentJob.SETTINGS_FILE)), JsonObject.class);
		for (String key : List.of("foregroundThreshold", "polarity", "backgroundValue", "intersectionThreshold", "table",
			"combine", "maxAttempts", "requireContact", "size", "count", "seed", "input"))
			assertTrue(json.has(key), "augment.json lacks " + key);
		assertEquals("adaptive", json.get("foregroundThreshold").getAsString());
		assertTrue(json.get("foregroundThresholdRule").getAsString().contains("minus 25"));
		assertEquals("middle", json.get("table").getAsString());
		assertEquals(64, json.get("size").getAsInt());
		assertEquals(5, json.get("seed").getAsLong());
	}

	@Test
	void sameSeedSameBytesAndRefusesNonEmptyOutput() throws IOException {
		Path a = tmp.resolve("a"), b = tmp.resolve("b");
		new AugmentJob(input, a, 12, 99, settings(), false).run(Progress.NONE);
		new AugmentJob(input, b, 12, 99, settings(), false).run(Progress.NONE);
		for (CSVRecord r : manifest(a))
			assertArrayEquals(Files.readAllBytes(a.resolve(r.get("file"))), Files.readAllBytes(b.resolve(r.get("file"))));
		assertArrayEquals(Files.readAllBytes(a.resolve(AugmentJob.MANIFEST_FILE)),
			Files.readAllBytes(b.resolve(AugmentJob.MANIFEST_FILE)));

		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new AugmentJob(input, a, 12, 99, settings(), false).run(Progress.NONE));
		assertTrue(e.getMessage().contains("not empty"), e.getMessage());
		new AugmentJob(input, a, 12, 99, settings(), true).run(Progress.NONE);
	}

	@Test
	void tableNoneCopiesCandidates() throws IOException {
		Path out = tmp.resolve("none");
		AugmentJob.Summary s = new AugmentJob(input, out, 8, 1, settings().withTable(LabelTable.NONE), false)
			.run(Progress.NONE);
		assertEquals(0, s.composed());
		for (CSVRecord r : manifest(out)) {
			assertEquals("candidate", r.get("source"));
			assertEquals("", r.get("intersection"));
			assertEquals("0", r.get("attempts"));
		}
	}

	@Test
	void cancellationStopsTheJob() {
		Progress cancelled = new io.github.supcam.util.Cancelled();
		assertThrows(Progress.CancelledException.class,
			() -> new AugmentJob(input, tmp.resolve("cancelled"), 5, 1, settings(), false).run(cancelled));
	}

	@Test
	void aMissingInputFolderIsNamedInWordsAndNothingIsWritten() {
		Path missing = tmp.resolve("missing-input"), out = tmp.resolve("never");
		var e = assertThrows(IllegalArgumentException.class,
			() -> new AugmentJob(missing, out, 3, 1, settings(), false).run(Progress.NONE));
		// Before: a NoSuchFileException whose message, all the user saw, was only the path.
		assertEquals("Dataset folder " + missing + " does not exist", e.getMessage());
		assertFalse(Files.exists(out));
	}

	@Test
	void cliRunsWithCaseInsensitiveEnumsAndMapsBadInputToExitTwo() throws IOException {
		Path out = tmp.resolve("cli");
		StringWriter err = new StringWriter();
		var cl = SupcamCli.commandLine();
		cl.setErr(new PrintWriter(err));
		StringWriter stdout = new StringWriter();
		cl.setOut(new PrintWriter(stdout));
		int rc = cl.execute("augment", "--input", input.toString(), "--output", out.toString(), "--count", "6",
			"--seed", "3", "--table", "HEAVY", "--combine", "Max", "--size", "64", "--no-require-contact");
		// The job completes, but a skipped input makes the exit code 2 and shows in the summary.
		assertEquals(SupcamCli.EXIT_BAD_INPUT, rc, err.toString());
		assertTrue(err.toString().contains("1 input(s) skipped") && err.toString().contains("broken.png"),
			err.toString());
		assertTrue(stdout.toString().contains("; 1 input(s) skipped"), stdout.toString());
		JsonObject json = Json.fromJson(Files.readString(out.resolve(AugmentJob.SETTINGS_FILE)), JsonObject.class);
		assertEquals("heavy", json.get("table").getAsString());
		assertEquals("max", json.get("combine").getAsString());
		assertEquals(false, json.get("requireContact").getAsBoolean());
		assertEquals(6, manifest(out).size());

		assertEquals(SupcamCli.EXIT_BAD_INPUT, cl.execute("augment", "--input", input.toString(), "--output",
			tmp.resolve("cli2").toString(), "--count", "0", "--seed", "1"));
		assertEquals(SupcamCli.EXIT_BAD_INPUT, cl.execute("augment", "--input", tmp.resolve("missing").toString(),
			"--output", tmp.resolve("cli3").toString(), "--count", "3", "--seed", "1"));
		assertEquals(SupcamCli.EXIT_BAD_INPUT, cl.execute("augment", "--input", input.toString(), "--output",
			tmp.resolve("cli4").toString(), "--count", "3", "--seed", "1", "--foreground-threshold", "255", "--background", "200"));
		for (ClusterType t : ClusterType.values()) assertTrue(Files.isDirectory(input.resolve(t.folderName())));
	}
}
