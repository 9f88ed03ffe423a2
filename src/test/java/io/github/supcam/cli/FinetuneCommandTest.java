package io.github.supcam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.supcam.TinyTraining;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

	@Test
	void milestonesSetWhenTheLearningRateDropsAndMustIncrease(@TempDir Path tmp) throws Exception {
		Path data = TinyTraining.dataset(tmp.resolve("data"), 4, 1);
		Path out = tmp.resolve("o");
		String[] args = { "finetune", "--data", data.toString(), "--output", out.toString(), "--mode", "scratch",
			"--backbone", "resnet18-narrow-8", "--image-size", "32", "--device", "cpu", "--epochs", "3", "--batch",
			"4", "--milestones", "2,1" };
		StringWriter log = new StringWriter();
		assertEquals(SupcamCli.EXIT_BAD_INPUT, MetaphaseCommandTest.run(log, args));
		assertTrue(log.toString().contains("milestones must be increasing epochs >= 1, got [2, 1]"), log.toString());
		assertTrue(Files.notExists(out), "nothing written for bad settings");

		args[args.length - 1] = "1";
		log = new StringWriter();
		assertEquals(SupcamCli.EXIT_OK, MetaphaseCommandTest.run(log, args), log.toString());
		List<String> rows = Files.readAllLines(out.resolve("training.csv"));
		int lr = List.of(rows.get(0).split(",")).indexOf("learning_rate");
		List<Double> rates = rows.stream().skip(1).map(r -> Double.parseDouble(r.split(",")[lr])).toList();
		assertEquals(List.of(0.01, 0.001, 0.001), rates, "the rate drops after the first epoch only");
	}
}
