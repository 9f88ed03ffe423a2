package io.github.supcam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.supcam.real.TestHarvest;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeRealCommandTest {
	/** The morphology settings that {@code compose-real ARGS} wrote into its {@code mixed.json}. */
	private static JsonObject morphology(Path tmp, String name, String... args) throws Exception {
		Path harvest = TestHarvest.fake(tmp.resolve("h-" + name)), out = tmp.resolve(name);
		List<String> all = new ArrayList<>(List.of("compose-real", "--harvest", harvest.toString(), "--output",
			out.toString(), "--per-class", "2,1,1", "--seed", "3"));
		all.addAll(List.of(args));
		StringWriter log = new StringWriter();
		assertEquals(SupcamCli.EXIT_OK, MetaphaseCommandTest.run(log, all.toArray(String[]::new)), log.toString());
		JsonObject mixed = JsonParser.parseString(Files.readString(out.resolve("mixed.json"))).getAsJsonObject();
		return mixed.getAsJsonObject("settings").getAsJsonObject("morphology");
	}

	@Test
	void labelledClustersJoinTheTrainingSplitAndLeakingOnesFailAsBadInput(@TempDir Path tmp) throws Exception {
		Path harvest = TestHarvest.fake(tmp.resolve("h")), csv = tmp.resolve("hand.csv");
		Files.writeString(csv, "image,x,y,width,height,label\nc11.jpg,0,0,30,30,touching\n");
		StringWriter log = new StringWriter();
		assertEquals(SupcamCli.EXIT_OK, MetaphaseCommandTest.run(log, "compose-real", "--harvest", harvest.toString(),
			"--output", tmp.resolve("ok").toString(), "--per-class", "1,1,1", "--labelled-clusters", csv.toString()),
			log.toString());
		assertTrue(Files.readString(tmp.resolve("ok").resolve("split.csv")).contains(
			"touching/real-cluster-c11-9.png,touching,train"));
		Files.writeString(csv, "image,x,y,width,height,label\nc21.jpg,0,0,30,30,touching\n");
		log = new StringWriter();
		assertEquals(SupcamCli.EXIT_BAD_INPUT, MetaphaseCommandTest.run(log, "compose-real", "--harvest",
			harvest.toString(), "--output", tmp.resolve("leak").toString(), "--labelled-clusters", csv.toString()));
		assertTrue(log.toString().contains("line 2 (c21.jpg@0,0,30x30) in val case c2"), log.toString());
		assertFalse(Files.exists(tmp.resolve("leak")));
	}

	@Test
	void turnsTipCrossingsAndLengthWeightReachTheSettingsWrittenWithTheData(@TempDir Path tmp) throws Exception {
		JsonObject plain = morphology(tmp, "plain");
		assertEquals(180, plain.get("maxTurn").getAsDouble());
		assertEquals(0.35, plain.get("turnShare").getAsDouble());
		assertEquals(0, plain.get("tipCrossing").getAsDouble());
		assertEquals(0, plain.get("lengthWeight").getAsDouble());
		JsonObject turned = morphology(tmp, "turned", "--max-turn", "150", "--turn-share", "0.5", "--tip-crossing",
			"0.5", "--length-weight", "1.5");
		assertEquals(150, turned.get("maxTurn").getAsDouble());
		assertEquals(0.5, turned.get("turnShare").getAsDouble());
		assertEquals(0.5, turned.get("tipCrossing").getAsDouble());
		assertEquals(1.5, turned.get("lengthWeight").getAsDouble());
		JsonObject plainOnly = morphology(tmp, "none", "--no-augmentation");
		assertEquals(0, plainOnly.get("maxTurn").getAsDouble());
		StringWriter log = new StringWriter();
		assertEquals(SupcamCli.EXIT_BAD_INPUT, MetaphaseCommandTest.run(log, "compose-real", "--harvest",
			TestHarvest.fake(tmp.resolve("h-bad")).toString(), "--output", tmp.resolve("bad").toString(),
			"--tip-crossing", "1.5"));
		assertTrue(log.toString().contains("tip crossing range"), log.toString());
		log = new StringWriter();
		assertEquals(SupcamCli.EXIT_BAD_INPUT, MetaphaseCommandTest.run(log, "compose-real", "--harvest",
			TestHarvest.fake(tmp.resolve("h-bad2")).toString(), "--output", tmp.resolve("bad2").toString(),
			"--length-weight", "-1"));
		assertTrue(log.toString().contains("length weight range"), log.toString());
	}
}
