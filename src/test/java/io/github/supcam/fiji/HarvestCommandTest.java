package io.github.supcam.fiji;

import io.github.supcam.real.Harvester;
import io.github.supcam.real.HarvesterTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;
import org.scijava.log.LogService;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Harvest Training Data runs headless through the CommandService, as Fiji runs it. */
class HarvestCommandTest extends HeadlessFiji {
	static CommandModule run(Path[] in, Path out, String pattern) throws Exception {
		return commands.run(HarvestCommand.class, true, "images", in[0].toFile(), "annotations", in[1].toFile(),
			"output", out.toFile(), "casePattern", pattern, "overwrite", false).get();
	}

	@Test
	void harvestsAndSaysWhatItSkipped(@TempDir Path tmp) throws Exception {
		Path[] in = HarvesterTest.input(tmp);
		Path out = tmp.resolve("out");
		List<String> logged = new CopyOnWriteArrayList<>();
		context.service(LogService.class).addLogListener(msg -> logged.add(msg.text()));
		CommandModule m = run(in, out, "");
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertFalse(m.getInfo().outputs().iterator().hasNext(), "no output window: the Log says it all");
		String summary = logged.stream().filter(l -> l.startsWith("2 images: ")).findFirst().orElse(logged.toString());
		assertTrue(summary.startsWith("2 images: 2 instance, 2 cluster components; 8 of 14 boxes"), summary);
		assertTrue(summary.endsWith("3 files or entries skipped"), summary);
		assertEquals(5, Files.readAllLines(out.resolve(Harvester.MANIFEST)).size());

		CommandModule refused = run(in, out, "");
		assertTrue(refused.isCanceled());
		assertTrue(refused.getCancelReason().contains("not empty"), refused.getCancelReason());

		CommandModule badPattern = run(in, tmp.resolve("other"), "scene\\d");
		assertTrue(badPattern.isCanceled());
		assertTrue(badPattern.getCancelReason().contains("has no group"), badPattern.getCancelReason());
	}
}
