package io.github.supcam.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

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
	void badInputExitsWithTwoAndOneLine() {
		StringWriter err = new StringWriter();
		var cl = SupcamCli.commandLine();
		cl.setErr(new PrintWriter(err));
		int rc = cl.execute("synth", "--output", tmp.resolve("bad").toString(), "--per-class", "0");
		assertEquals(SupcamCli.EXIT_BAD_INPUT, rc);
		assertTrue(err.toString().contains("--per-class must be at least 1"), err.toString());
	}
}
