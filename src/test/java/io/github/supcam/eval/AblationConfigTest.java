package io.github.supcam.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.supcam.compose.Combine;
import io.github.supcam.compose.LabelTable;
import io.github.supcam.finetune.FineTuneSettings;
import io.github.supcam.pretrain.PretrainLossSettings;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class AblationConfigTest {
	@Test
	void rowsOverrideTheBaseWhichOverridesTheDefaults() {
		AblationConfig c = AblationConfig.parse("""
			{ "pretrain": { "epochs": 5, "composition": { "intersectionThreshold": 50 } },
			  "finetune": { "epochs": 9, "milestones": [ 3 ] },
			  "rows": [ { "name": "a", "pretrain": { "composition": { "combine": "beta", "table": "heavy" },
			              "loss": { "marginKind": "cluster", "margin": 0.3 } } },
			            { "name": "s", "scratch": true, "finetune": { "epochs": 3 } } ] }
			""", "test");
		AblationConfig.Row a = c.rows().get(0);
		assertEquals(5, a.pretrain().epochs());
		assertEquals(1, a.pretrain().warmupEpochs(), "the default warm-up (10% of the epochs) fitted to 5 epochs");
		assertEquals(50, a.pretrain().composition().intersectionThreshold(), "base kept beside the row's keys");
		assertEquals(Combine.BETA, a.pretrain().composition().combine());
		assertEquals(LabelTable.HEAVY, a.pretrain().composition().table());
		assertEquals(PretrainLossSettings.MarginKind.CLUSTER, a.pretrain().loss().marginKind());
		assertEquals(0.3, a.pretrain().loss().margin());
		assertEquals(0.07, a.pretrain().loss().temperature(), "untouched default");
		assertFalse(a.scratch());
		assertEquals(FineTuneSettings.Mode.FINETUNE, a.finetune().mode());
		AblationConfig.Row s = c.rows().get(1);
		assertTrue(s.scratch());
		assertEquals(FineTuneSettings.Mode.SCRATCH, s.finetune().mode());
		assertEquals(3, s.finetune().epochs());
		assertEquals(List.of(3), s.finetune().milestones(), "given milestones win over the fitted ones");
		assertEquals(List.of(3), a.finetune().milestones());
		assertEquals(9, a.finetune().epochs());
		AblationConfig fitted = AblationConfig.parse("{ \"finetune\": { \"epochs\": 10 }, \"rows\": [ { \"name\": \"x\" } ] }",
			"t");
		assertEquals(List.of(8), fitted.rows().get(0).finetune().milestones(), "12 dropped from a 10-epoch run");
		assertEquals(3, c.repeats());
	}

	@Test
	void mistakesAreNamed() {
		String typo = "{ \"rows\": [ { \"name\": \"x\", \"pretrain\": { \"loss\": { \"margn\": 0.1 } } } ] }";
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AblationConfig.parse(typo, "f"));
		assertTrue(e.getMessage().contains("row 1 'x'") && e.getMessage().contains("margn"), e.getMessage());
		String badEnum = "{ \"rows\": [ { \"name\": \"x\", \"pretrain\": { \"composition\": { \"combine\": \"avg\" } } } ] }";
		e = assertThrows(IllegalArgumentException.class, () -> AblationConfig.parse(badEnum, "f"));
		assertTrue(e.getMessage().contains("avg"), e.getMessage());
		String badValue = "{ \"rows\": [ { \"name\": \"x\", \"finetune\": { \"epochs\": 0 } } ] }";
		e = assertThrows(IllegalArgumentException.class, () -> AblationConfig.parse(badValue, "f"));
		assertTrue(e.getMessage().contains("epochs must be >= 1"), e.getMessage());
		String twice = "{ \"rows\": [ { \"name\": \"x\" }, { \"name\": \"x\" } ] }";
		e = assertThrows(IllegalArgumentException.class, () -> AblationConfig.parse(twice, "f"));
		assertTrue(e.getMessage().contains("used twice"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> AblationConfig.parse("{ \"rows\": [ { \"name\": \"../x\" } ] }",
			"f"));
	}

	@Test
	void shippedConfigsParse() throws Exception {
		AblationConfig small = AblationConfig.read(Path.of("ablations", "small.json"));
		assertEquals(4, small.rows().size());
		assertTrue(small.rows().get(0).scratch());
		assertEquals(48, small.rows().get(1).pretrain().preprocess().inputSize());
		AblationConfig paper = AblationConfig.read(Path.of("ablations", "paper.json"));
		assertEquals("resnet18", paper.rows().get(1).pretrain().backbone());
		assertEquals(200, paper.rows().get(1).pretrain().epochs());
		assertEquals(15, paper.rows().get(1).finetune().epochs());
		assertEquals(224, paper.rows().get(1).pretrain().preprocess().inputSize());
		assertTrue(paper.rows().size() >= 20);
	}
}
