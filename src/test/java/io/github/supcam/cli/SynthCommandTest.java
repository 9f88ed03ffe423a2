package io.github.supcam.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynthCommandTest {
	@TempDir
	Path tmp;

	@Test
	void writesTheDatasetLayout() throws Exception {
		Path out = tmp.resolve("synth");
		int rc = SupcamCli.commandLine().execute("synth", "--output", out.toString(), "--per-class", "2", "--size",
			"64", "--seed", "3");
		assertEquals(SupcamCli.EXIT_OK, rc);
		assertTrue(Files.isRegularFile(out.resolve("touching-overlapping/touching-overlapping-00001.png")));
		assertEquals(9, Files.readAllLines(out.resolve("labels.csv")).size());
		assertTrue(Files.readString(out.resolve("synth.json")).contains("\"seed\": 3"));
	}

	@Test
	void anEarlierManifestReproducesTheDataset() throws Exception {
		Path first = tmp.resolve("first"), again = tmp.resolve("again");
		assertEquals(0, SupcamCli.commandLine().execute("synth", "-o", first.toString(), "--per-class", "2", "--size",
			"64", "--seed", "5", "--polarity", "LIGHT_ON_DARK"));
		assertEquals(0, SupcamCli.commandLine().execute("synth", "-o", again.toString(), "--per-class", "2", "--size",
			"64", "--seed", "5", "--settings", first.resolve("synth.json").toString()));
		assertArrayEquals(Files.readAllBytes(first.resolve("labels.csv")), Files.readAllBytes(again.resolve("labels.csv")));
		assertArrayEquals(Files.readAllBytes(first.resolve("overlapping/overlapping-00001.png")),
			Files.readAllBytes(again.resolve("overlapping/overlapping-00001.png")));
	}

	@Test
	void prometaphaseIsAPresetRecordedInTheManifestOnALargerCanvas() throws Exception {
		Path out = tmp.resolve("pro");
		assertEquals(SupcamCli.EXIT_OK, SupcamCli.commandLine().execute("synth", "-o", out.toString(), "--per-class",
			"1", "--seed", "2", "--morphology", "prometaphase"));
		var manifest = io.github.supcam.util.Json.fromJson(Files.readString(out.resolve("synth.json")),
			io.github.supcam.synth.SynthDatasetWriter.Manifest.class);
		assertEquals(io.github.supcam.synth.SynthSettings.prometaphase(), manifest.settings());
		assertEquals(384, manifest.size());
		var img = io.github.supcam.image.ImageFiles.read(out.resolve("instance/instance-00000.png"));
		assertEquals(384, io.github.supcam.image.Gray8.width(img));

		// Its manifest reproduces it; a settings file of the other morphology is refused, naming both.
		Path again = tmp.resolve("again");
		assertEquals(SupcamCli.EXIT_OK, SupcamCli.commandLine().execute("synth", "-o", again.toString(),
			"--per-class", "1", "--seed", "2", "--settings", out.resolve("synth.json").toString()));
		assertArrayEquals(Files.readAllBytes(out.resolve("instance/instance-00000.png")),
			Files.readAllBytes(again.resolve("instance/instance-00000.png")));
		StringWriter err = new StringWriter();
		var cl = SupcamCli.commandLine();
		cl.setErr(new PrintWriter(err));
		assertEquals(SupcamCli.EXIT_BAD_INPUT, cl.execute("synth", "-o", tmp.resolve("x").toString(), "--settings",
			out.resolve("synth.json").toString(), "--morphology", "metaphase"));
		assertTrue(err.toString().contains("is for PROMETAPHASE, not --morphology METAPHASE"), err.toString());
	}

	@Test
	void anInvalidSettingsFileIsBadInputNamingTheFile() throws Exception {
		Path bad = tmp.resolve("bad.json");
		Files.writeString(bad, "{\"widthPx\": {\"min\": 9, \"max\": 3}}");
		StringWriter err = new StringWriter();
		var cl = SupcamCli.commandLine();
		cl.setErr(new PrintWriter(err));
		assertEquals(SupcamCli.EXIT_BAD_INPUT, cl.execute("synth", "-o", tmp.resolve("o").toString(), "--settings",
			bad.toString()));
		assertTrue(err.toString().contains("bad.json") && err.toString().contains("widthPx [9.0, 3.0]: min is larger"),
			err.toString());
	}

	@Test
	void badInputExitsWithTwoAndOneLine() {
		StringWriter err = new StringWriter();
		var cl = SupcamCli.commandLine();
		cl.setErr(new PrintWriter(err));
		int rc = cl.execute("synth", "--output", tmp.resolve("bad").toString(), "--per-class", "0");
		assertEquals(SupcamCli.EXIT_BAD_INPUT, rc);
		assertTrue(err.toString().contains("--per-class must be at least 1"), err.toString());
	}
}
