package io.github.supcam.fiji;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import io.github.supcam.classify.Palette;
import io.github.supcam.classify.TestModel;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.Gray8;
import io.github.supcam.synth.SyntheticMetaphase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.command.CommandModule;
import org.scijava.log.LogService;

import ij.io.FileInfo;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/** Classify Clusters runs headless in a SciJava Context, through the CommandService, as Fiji runs it. */
class ClassifyClustersCommandTest extends HeadlessFiji {
	static File model;

	/** What the commands logged (the summary line goes to the log, not to an output window). */
	static final List<String> logged = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void trainModel() throws Exception {
		model = TestModel.path().toFile();
		context.service(LogService.class).addLogListener(m -> logged.add(m.text()));
	}

	/** Every input given explicitly: SciJava remembers values between runs. */
	static CommandModule run(ImagePlus image, boolean useRois, boolean whole, boolean labels) throws Exception {
		return commands.run(ClassifyClustersCommand.class, true, "image", image, "model", model, "useRois", useRois,
			"whole", whole, "lowConfidence", 0.5, "tta", false, "addToManager", false, "createLabelImage", labels,
			"device", "cpu").get();
	}

	static void assumeBundledModel() {
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(
			java.nio.file.Paths.get("models", io.github.supcam.model.BundledModel.NAME, "model.json")),
			"no bundled model in this checkout");
	}

	@Test
	void theBundledModelClassifiesWithNoOtherArgument() throws Exception {
		assumeBundledModel();
		SyntheticMetaphase m = TestModel.metaphase(6);
		// "model" null: the command falls back to the bundled model (null also overrides a remembered value).
		CommandModule run = commands.run(ClassifyClustersCommand.class, true, "image",
			Gray8.toImagePlus(m.image(), "spread"), "model", null).get();
		assertFalse(run.isCanceled(), run.getCancelReason());
		ResultsTable rt = table(run);
		assertEquals(m.clusters().size(), rt.size(), "one row per rendered cluster");
		// The same predictions as the bundled model gives through the core.
		try (var bundled = io.github.supcam.model.ClusterModel.load(io.github.supcam.model.BundledModel.locate(), "cpu")) {
			var expected = new io.github.supcam.classify.ClusterClassifier(bundled,
				io.github.supcam.classify.ClassifySettings.defaults()).classifyDetected("spread", m.image()).rows();
			for (int i = 0; i < rt.size(); i++)
				assertEquals(expected.get(i).predicted().folderName(), rt.getStringValue("predicted", i), "row " + i);
		}
	}

	@Test
	void anOptionalFileLeftOutOpensNoFileChooser() throws Exception {
		assumeBundledModel();
		// Every input but the optional model and output folder, as a recorded macro line gives them: SciJava's
		// file preprocessor would ask for the model with a chooser, and cancel silently with none.
		SyntheticMetaphase m = TestModel.metaphase(6);
		CommandModule run = commands.run(ClassifyClustersCommand.class, true, "image",
			Gray8.toImagePlus(m.image(), "spread"), "useRois", false, "whole", false, "lowConfidence", 0.5, "tta", false,
			"addToManager", false, "createLabelImage", false, "device", "cpu", "overwrite", false).get();
		assertFalse(run.isCanceled(), run.getCancelReason());
		assertNull(run.getInput("model"), "left out: the bundled model");
		assertEquals(m.clusters().size(), table(run).size());
	}

	@Test
	void anOutputFolderKeepsTheCsvOverlayAndClusterLabels(@TempDir Path tmp) throws Exception {
		SyntheticMetaphase m = TestModel.metaphase(5);
		ImagePlus imp = Gray8.toImagePlus(m.image(), "spread.png");
		CommandModule run = commands.run(ClassifyClustersCommand.class, true, "image", imp, "model", model, "useRois",
			false, "whole", false, "lowConfidence", 0.5, "tta", false, "addToManager", false, "createLabelImage", false,
			"device", "cpu", "outputFolder", tmp.toFile(), "overwrite", false).get();
		assertFalse(run.isCanceled(), run.getCancelReason());
		ResultsTable rt = table(run);
		List<String> csv = Files.readAllLines(tmp.resolve("spread.csv"));
		assertEquals(rt.size() + 1, csv.size());
		assertTrue(Files.size(tmp.resolve("spread-overlay.png")) > 0);
		ImagePlus labels = ij.IJ.openImage(tmp.resolve("spread-labels.tif").toString());
		assertEquals(ImagePlus.GRAY16, labels.getType());
		for (int i = 0; i < rt.size(); i++) {
			int id = Integer.parseInt(rt.getStringValue("cluster", i));
			int x = (int) rt.getValue("x", i), y = (int) rt.getValue("y", i);
			long n = 0;
			for (int yy = y; yy < y + rt.getValue("height", i); yy++)
				for (int xx = x; xx < x + rt.getValue("width", i); xx++) if (labels.getProcessor().get(xx, yy) == id) n++;
			assertEquals((long) rt.getValue("area", i), n, "pixels of cluster " + id);
		}
		// Run again into the same folder: refused, the files stay.
		CommandModule again = commands.run(ClassifyClustersCommand.class, true, "image", imp, "model", model,
			"useRois", false, "whole", false, "lowConfidence", 0.5, "tta", false, "addToManager", false,
			"createLabelImage", false, "device", "cpu", "outputFolder", tmp.toFile(), "overwrite", false).get();
		assertTrue(again.isCanceled());
		assertTrue(again.getCancelReason().contains("already exists"), again.getCancelReason());
	}

	@Test
	void anUnreadableFileIsNamedWithWhatIsWrong(@TempDir Path tmp) throws Exception {
		// What Fiji hands over for a file it could not read: an ImagePlus without pixels.
		Path bad = tmp.resolve("broken.tif");
		Files.write(bad, new byte[] { 'I', 'I', 42, 0, 8, 0, 0, 0, 1 });
		ImagePlus imp = new ImagePlus();
		FileInfo fi = new FileInfo();
		fi.directory = tmp + File.separator;
		fi.fileName = "broken.tif";
		imp.setFileInfo(fi);
		CommandModule run = commands.run(ClassifyClustersCommand.class, true, "image", imp, "model", model, "useRois",
			false, "whole", false, "lowConfidence", 0.5, "tta", false, "addToManager", false, "createLabelImage", false,
			"device", "cpu", "outputFolder", null, "overwrite", false).get();
		assertTrue(run.isCanceled());
		String reason = run.getCancelReason();
		assertTrue(reason.contains("broken.tif") && reason.startsWith("Cannot read image"), reason);
		assertFalse(reason.contains("null"), reason);
	}

	@Test
	void anUnreadablePathOfAHeadlessRunIsNamedWithWhatIsWrong(@TempDir Path tmp) throws Exception {
		// --run "Classify Clusters" "image='/data/broken.tif'": SciJava converts the path to an ImagePlus.
		Path bad = tmp.resolve("broken.tif");
		Files.write(bad, new byte[] { 'I', 'I', 42, 0, 8, 0, 0, 0, 1 });
		CommandModule run = commands.run(ClassifyClustersCommand.class, true, "image", bad.toString(), "model", model,
			"useRois", false, "whole", false, "lowConfidence", 0.5, "tta", false, "addToManager", false,
			"createLabelImage", false, "device", "cpu", "outputFolder", null, "overwrite", false).get();
		assertTrue(run.isCanceled());
		assertEquals("Cannot read image " + bad + ": a TIFF without images", run.getCancelReason());
	}

	static ResultsTable table(CommandModule m) {
		return ((ClassifyClustersCommand) m.getCommand()).results();
	}

	@Test
	void detectsAndClassifiesTheClustersOfASyntheticMetaphase() throws Exception {
		SyntheticMetaphase m = TestModel.metaphase(5);
		ImagePlus imp = Gray8.toImagePlus(m.image(), "spread");
		CommandModule run = run(imp, true, false, true);
		assertFalse(run.isCanceled(), run.getCancelReason());
		ResultsTable rt = table(run);
		assertEquals(m.clusters().size(), rt.size(), "one row per rendered cluster (no ROIs: detection)");
		int[] counts = new int[4];
		for (int i = 0; i < rt.size(); i++) {
			assertEquals("spread", rt.getStringValue("image", i));
			assertEquals(String.valueOf(i + 1), rt.getStringValue("cluster", i));
			ClusterType t = ClusterType.parse(rt.getStringValue("predicted", i));
			counts[t.ordinal()]++;
			double sum = 0;
			for (ClusterType c : ClusterType.values()) sum += rt.getValue("p_" + c.folderName().replace('-', '_'), i);
			assertEquals(1.0, sum, 1e-3);
		}
		String summary = logged.stream().filter(l -> l.startsWith("spread: ")).reduce((a, b) -> b).orElseThrow();
		assertTrue(summary.startsWith("spread: " + rt.size() + " clusters: instance " + counts[0] + ", touching " +
			counts[1]), summary);
		assertTrue(summary.endsWith("[clusters detected automatically]"), summary);
		// The overlay holds an outline (in its type's colour) and a label per cluster.
		Overlay o = imp.getOverlay();
		assertEquals(2 * rt.size(), o.size());
		assertEquals(Palette.of(ClusterType.parse(rt.getStringValue("predicted", 0))), o.get(0).getStrokeColor());
		// The label image marks each cluster's pixels with its type index + 1.
		ImagePlus labels = (ImagePlus) run.getOutput("labelImage");
		assertEquals(imp.getWidth(), labels.getWidth());
		int x = (int) rt.getValue("x", 0), y = (int) rt.getValue("y", 0);
		int w = (int) rt.getValue("width", 0), h = (int) rt.getValue("height", 0);
		int[] hist = new int[5];
		for (int yy = y; yy < y + h; yy++) for (int xx = x; xx < x + w; xx++) hist[labels.getProcessor().get(xx, yy)]++;
		int expected = ClusterType.parse(rt.getStringValue("predicted", 0)).ordinal() + 1;
		assertEquals((long) rt.getValue("area", 0), hist[expected]);
		assertEquals(0, labels.getProcessor().get(0, 0));
	}

	@Test
	void classifiesTheSelectionAsOneCluster() throws Exception {
		ImagePlus imp = Gray8.toImagePlus(TestModel.metaphase(5).image(), "spread");
		imp.setRoi(new Roi(40, 50, 120, 90));
		ResultsTable rt = table(run(imp, true, false, false));
		assertEquals(1, rt.size());
		assertEquals(40, rt.getValue("x", 0));
		assertEquals(90, rt.getValue("height", 0));
		assertEquals(120 * 90, rt.getValue("area", 0));

		// Unticked, the selection is ignored and the clusters are detected.
		ResultsTable detected = table(run(imp, false, false, false));
		assertTrue(detected.size() > 1);

		CommandModule whole = run(imp, true, true, false);
		assertEquals(1, table(whole).size());
		assertEquals(400 * 300, table(whole).getValue("area", 0));
		assertNull(whole.getOutput("labelImage"));
	}

	@Test
	void missingModelCancelsWithTheReason() throws Exception {
		CommandModule m = commands.run(ClassifyClustersCommand.class, true, "image",
			Gray8.toImagePlus(TestModel.metaphase(5).image(), "x"), "model", new File("no-such-model"), "useRois", false,
			"whole", false, "lowConfidence", 0.5, "tta", false, "addToManager", false, "createLabelImage", false,
			"device", "cpu").get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("no-such-model"), m.getCancelReason());
	}
}
