package io.github.supcam.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A missing input or output folder is bad input (exit 2), said in words, before any work; what a command prints
 * reaches standard output.
 */
class SupcamCliTest {
	@TempDir
	Path tmp;

	private String run(int expectedExit, String... args) {
		StringWriter err = new StringWriter();
		CommandLine cl = SupcamCli.commandLine();
		cl.setErr(new PrintWriter(err, true));
		assertEquals(expectedExit, cl.execute(args), err::toString);
		return err.toString().trim();
	}

	@Test
	void augmentNamesTheMissingDatasetFolder() {
		Path data = tmp.resolve("nonexistent");
		String err = run(SupcamCli.EXIT_BAD_INPUT, "augment", "--input", data.toString(), "--output",
			tmp.resolve("out").toString(), "--count", "2", "--seed", "1");
		assertEquals("supcam augment: Dataset folder " + data + " does not exist", err);
		assertFalse(Files.exists(tmp.resolve("out")), "nothing is written for a run that cannot start");
	}

	@Test
	void pretrainNamesTheMissingFolderOfItsOutput() throws Exception {
		Path data = Files.createDirectory(tmp.resolve("data"));
		Path output = tmp.resolve("models/encoder");
		String err = run(SupcamCli.EXIT_BAD_INPUT, "pretrain", "--data", data.toString(), "--output",
			output.toString(), "--epochs", "1", "--device", "cpu");
		assertEquals("supcam pretrain: Cannot create output model " + output + ": its folder " + tmp.resolve("models") +
			" does not exist", err);
	}

	@Test
	void reportPrintedWithoutNewlineReachesStandardOutput() throws Exception {
		Path harvest = io.github.supcam.real.TestHarvest.fake(tmp.resolve("h"));
		java.io.PrintStream old = System.out;
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		int code;
		// picocli wraps System.out when the command line is built, so replace it first
		System.setOut(new java.io.PrintStream(bytes, false, java.nio.charset.StandardCharsets.UTF_8));
		try {
			code = SupcamCli.run("evaluate-real", "--harvest", harvest.toString(), "--model",
				io.github.supcam.classify.TestModel.path().toString(), "--device", "cpu", "--output",
				tmp.resolve("report").toString());
		} finally {
			System.setOut(old);
		}
		assertEquals(SupcamCli.EXIT_OK, code);
		String out = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
		assertTrue(out.startsWith("# Real-data evaluation") && out.contains("| model | 2 | "), out);
		assertEquals(Files.readString(tmp.resolve("report/report.md")), out);
	}

	@Test
	void classifyAveragesTheEightViewsUnlessToldNotTo() {
		for (var c : java.util.Map.of(new String[] { "classify", "x.png" }, true,
			new String[] { "classify", "--no-tta", "x.png" }, false, new String[] { "classify", "--tta", "x.png" }, true)
			.entrySet())
		{
			CommandLine.ParseResult r = SupcamCli.commandLine().parseArgs(c.getKey());
			ClassifyCommand cmd = (ClassifyCommand) r.subcommand().commandSpec().userObject();
			assertEquals(c.getValue(), cmd.tta, String.join(" ", c.getKey()));
		}
	}
}
