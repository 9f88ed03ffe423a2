package io.github.supcam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.supcam.TinyTraining;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinetuneCommandTest {
	@Test
	void pairRuleReachesTheSettingsAndNeedsNotInstanceClustersWithTheirCounts(@TempDir Path tmp) throws Exception {
		Path data = TinyTraining.dataset(tmp.resolve("data"), 4, 1);
		Path unknown = Files.createDirectories(data.resolve("not-instance"));
		try (var files = Files.list(data.resolve("touching"))) {
			for (Path f : files.toList()) Files.copy(f, unknown.resolve(f.getFileName()));
		}
		String[] common = { "finetune", "--data", data.toString(), "--output", tmp.resolve("o").toString(), "--mode",
			"scratch", "--backbone", "resnet18-narrow-8", "--image-size", "32", "--device", "cpu", "--pair-rule" };
		StringWriter log = new StringWriter();
		assertEquals(SupcamCli.EXIT_BAD_INPUT, MetaphaseCommandTest.run(log, common));
		assertTrue(log.toString().contains("needs a not-instance fraction above 0"), log.toString());
		log = new StringWriter();
		String[] withFraction = java.util.Arrays.copyOf(common, common.length + 2);
		withFraction[common.length] = "--not-instance-fraction";
		withFraction[common.length + 1] = "0.25";
		assertEquals(SupcamCli.EXIT_BAD_INPUT, MetaphaseCommandTest.run(log, withFraction));
		assertTrue(log.toString().contains("not-instance/chromosomes.csv") && log.toString().contains("there is none"),
			log.toString());
	}
}
