package io.github.supcam.cli;

import ij.ImagePlus;
import io.github.supcam.image.ImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class MetaphaseCommandTest {
	static int run(StringWriter out, String... args) {
		picocli.CommandLine cl = SupcamCli.commandLine();
		cl.setOut(new PrintWriter(out));
		cl.setErr(new PrintWriter(out));
		return cl.execute(args);
	}

	@Test
	void writesTheSpreadOnceAndTheSameForTheSameSeed(@TempDir Path tmp) throws Exception {
		Path a = tmp.resolve("a.png"), b = tmp.resolve("b.png");
		StringWriter out = new StringWriter();
		assertEquals(0, run(out, "metaphase", "-o", a.toString(), "--width", "300", "--height", "200", "--clusters",
			"3-4", "--seed", "9"));
		assertTrue(out.toString().matches("(?s)Wrote .*a\\.png: [34] clusters \\(instance \\d+.*"), out.toString());
		ImagePlus imp = ImageFiles.open(a);
		assertEquals(300, imp.getWidth());
		assertEquals(200, imp.getHeight());
		assertEquals(0, run(new StringWriter(), "metaphase", "-o", b.toString(), "--width", "300", "--height", "200",
			"--clusters", "3-4", "--seed", "9"));
		assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));

		byte[] before = Files.readAllBytes(a);
		StringWriter refused = new StringWriter();
		assertEquals(SupcamCli.EXIT_BAD_INPUT, run(refused, "metaphase", "-o", a.toString(), "--seed", "1"));
		assertTrue(refused.toString().contains("already exists"), refused.toString());
		assertArrayEquals(before, Files.readAllBytes(a));
		assertEquals(SupcamCli.EXIT_BAD_INPUT, run(new StringWriter(), "metaphase", "-o", tmp.resolve("c.png")
			.toString(), "--clusters", "x"));
	}
}
