package io.github.supcam.cli;

import io.github.supcam.real.Harvester;
import io.github.supcam.real.HarvesterTest;
import io.github.supcam.real.Scene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class HarvestCommandTest {
	@Test
	void exitCodeTwoWhenAFileWasSkippedZeroOtherwise(@TempDir Path tmp) throws Exception {
		Path[] in = HarvesterTest.input(tmp);
		StringWriter out = new StringWriter();
		assertEquals(SupcamCli.EXIT_BAD_INPUT, MetaphaseCommandTest.run(out, "harvest", "--images", in[0].toString(),
			"--annotations", in[1].toString(), "--output", tmp.resolve("a").toString(), "--case-pattern", "^(sc)"));
		assertTrue(out.toString().contains("supcam harvest: lonely3.png: no annotation; skipped"), out.toString());
		assertTrue(Files.readString(tmp.resolve("a").resolve(Harvester.MANIFEST)).contains(",sc,train"));

		Path clean = Files.createDirectories(tmp.resolve("clean"));
		Files.copy(in[0].resolve("scene1.png"), clean.resolve("scene1.png"));
		Scene.writeVoc(clean.resolve("scene1.xml"), "scene1.png");
		out = new StringWriter();
		assertEquals(SupcamCli.EXIT_OK, MetaphaseCommandTest.run(out, "harvest", "--images", clean.toString(),
			"--annotations", clean.toString(), "-o", tmp.resolve("b").toString()));
		assertTrue(out.toString().startsWith("1 images: 1 instance, 1 cluster components"), out.toString());
		assertEquals(SupcamCli.EXIT_BAD_INPUT, MetaphaseCommandTest.run(new StringWriter(), "harvest", "--images",
			clean.toString(), "--annotations", clean.toString(), "-o", tmp.resolve("b").toString()), "not empty");
	}
}
