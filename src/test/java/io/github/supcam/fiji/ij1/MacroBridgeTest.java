package io.github.supcam.fiji.ij1;

import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.measure.ResultsTable;
import io.github.supcam.classify.TestModel;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.finetune.FineTuneSettings;
import io.github.supcam.image.Degradation;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.synth.SyntheticMetaphase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The ImageJ 1.x bridges as a macro calls them: options string in, system Results table out. */
class MacroBridgeTest {
	/** Runs a bridge as ImageJ's macro interpreter does: in a "Run$_" thread that carries the options. */
	static void runAsMacro(MacroBridge bridge, ImagePlus current, String options) throws InterruptedException {
		Thread t = new Thread(() -> {
			Macro.setOptions(options);
			if (current != null) WindowManager.setTempCurrentImage(current);
			bridge.run("");
		}, "Run$_test");
		t.start();
		t.join();
	}

	@Test
	void parsesKeysBracketedValuesAndFlags() {
		MacroBridge.Values v = MacroBridge.parse("model=[/my models/a b] low=0.7 tta device=cpu",
			ClassifyClustersPlugIn.OPTIONS);
		assertEquals(Paths.get("/my models/a b"), v.path("model"));
		assertEquals(0.7, v.number("low"));
		assertTrue(v.flag("tta"));
		assertFalse(v.flag("rois"), "absent flags are off");
		assertEquals("cpu", v.text("device"));
		MacroBridge.Values defaults = MacroBridge.parse("", ClassifyClustersPlugIn.OPTIONS);
		assertNull(defaults.path("model"), "empty: the bundled model");
		assertEquals(0.5, defaults.number("low"));
		assertEquals("auto", defaults.text("device"));
	}

	@Test
	void refusesTyposAndMalformedOptions() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> MacroBridge.parse("lowconf=0.3", ClassifyClustersPlugIn.OPTIONS));
		assertTrue(e.getMessage().contains("Unknown option 'lowconf'") && e.getMessage().contains("low"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> MacroBridge.parse("tta=1", ClassifyClustersPlugIn.OPTIONS));
		assertThrows(IllegalArgumentException.class, () -> MacroBridge.parse("low", ClassifyClustersPlugIn.OPTIONS));
		assertThrows(IllegalArgumentException.class, () -> MacroBridge.parse("device=tpu",
			ClassifyClustersPlugIn.OPTIONS));
		MacroBridge.Values v = MacroBridge.parse("count=2.5", AugmentDatasetPlugIn.OPTIONS);
		assertThrows(IllegalArgumentException.class, () -> v.integer("count"));
		assertThrows(IllegalArgumentException.class, () -> v.requiredPath("input"));
	}

	@Test
	void everyBridgeLabelStartsWithItsKey() {
		// Option's constructor checks it; building each list is the test.
		for (MacroBridge b : List.of(new ClassifyClustersPlugIn(), new ClassifyFolderPlugIn(),
			new AugmentDatasetPlugIn(), new PretrainPlugIn(), new FineTunePlugIn()))
			assertFalse(b.options().isEmpty());
		assertThrows(IllegalStateException.class, () -> MacroBridge.Option.of("low", "Low-confidence",
			MacroBridge.Kind.NUMBER, "0.5"));
	}

	@Test
	void fineTuneOptionsReachTheSettings() {
		List<MacroBridge.Option> options = new FineTunePlugIn().options();
		FineTuneSettings s = FineTunePlugIn.settings(MacroBridge.parse("data=[d] output=[o] notinstance=0.25 pairrule",
			options));
		assertEquals(0.25, s.notInstanceFraction());
		assertTrue(s.twoChromosomePairRule());
		assertFalse(FineTunePlugIn.settings(MacroBridge.parse("notinstance=0.25", options)).twoChromosomePairRule());
		assertThrows(IllegalArgumentException.class, () -> FineTunePlugIn.settings(MacroBridge.parse("pairrule",
			options)), "the rule without unknown-type clusters");
		assertEquals(Degradation.robustness(0.5), FineTunePlugIn.settings(MacroBridge.parse("degrade=0.5", options))
			.degradation());
		assertEquals(Degradation.NONE, FineTunePlugIn.settings(MacroBridge.parse("", options)).degradation());
	}

	@Test
	void classifiesTheCurrentImageIntoTheSystemResultsTable() throws Exception {
		SyntheticMetaphase m = TestModel.metaphase(6);
		ImagePlus imp = Gray8.toImagePlus(m.image(), "spread.png");
		ResultsTable rt = ResultsTable.getResultsTable();
		rt.reset();
		runAsMacro(new ClassifyClustersPlugIn(), imp, "model=[" + TestModel.path() + "] low=0.9 device=cpu");
		rt = ResultsTable.getResultsTable();
		assertEquals(m.clusters().size(), rt.size());
		for (int i = 0; i < rt.size(); i++) {
			assertEquals("spread.png", rt.getStringValue("image", i));
			assertNotNull(ClusterType.tryParse(rt.getStringValue("predicted", i)));
			assertEquals(rt.getValue("confidence", i) < 0.9 ? 1 : 0, rt.getValue("low_confidence", i));
		}
		assertNotNull(imp.getOverlay());
		assertEquals(2 * rt.size(), imp.getOverlay().size());
	}

	@Test
	void classifiesAFolderIntoOneCsv(@TempDir Path tmp) throws Exception {
		Path in = Files.createDirectories(tmp.resolve("in"));
		ImageFiles.writePng(TestModel.metaphase(1).image(), in.resolve("a.png"));
		Files.writeString(in.resolve("bad.png"), "broken");
		Path csv = tmp.resolve("out.csv");
		ResultsTable.getResultsTable().reset();
		runAsMacro(new ClassifyFolderPlugIn(), null, "input=[" + in + "] output=[" + csv + "] model=[" + TestModel.path() +
			"] device=cpu");
		List<String> lines = Files.readAllLines(csv);
		assertEquals(TestModel.metaphase(1).clusters().size() + 1, lines.size());
		assertTrue(lines.stream().skip(1).allMatch(l -> l.startsWith("a.png,")));
		assertEquals(lines.size() - 1, ResultsTable.getResultsTable().size());
	}
}
