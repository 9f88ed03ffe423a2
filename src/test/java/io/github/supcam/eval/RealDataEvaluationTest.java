package io.github.supcam.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.supcam.classify.TestModel;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.dataset.Split;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.image.Perturbation;
import io.github.supcam.model.ClusterModel;
import io.github.supcam.real.TestHarvest;
import io.github.supcam.util.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealDataEvaluationTest {
	private static RealDataEvaluation.Outcome outcome(String group, boolean cluster, ClusterType predicted) {
		double[] p = new double[4];
		p[predicted.ordinal()] = 1;
		return new RealDataEvaluation.Outcome(new RealDataEvaluation.Item(Path.of(group + ".png"), group, cluster,
			null, false), p);
	}

	@Test
	void groupBootstrapResamplesWholeGroups() {
		List<RealDataEvaluation.Outcome> o = new ArrayList<>();
		// Group a: 9 of 9 right; group b: 0 of 1 right. Overall 90%.
		for (int i = 0; i < 9; i++) o.add(outcome("a", false, ClusterType.INSTANCE));
		o.add(outcome("b", true, ClusterType.INSTANCE));
		ConfidenceInterval ci = RealDataEvaluation.rate(o, RealDataEvaluation::binaryCorrect,
			BootstrapSettings.defaults());
		assertEquals(90, ci.estimate(), 1e-9);
		// Resampling two groups gives only aa (100%), ab or ba (90%) or bb (0%): the 2.5th percentile of those
		// draws is 0 (bb has probability 1/4), the 97.5th 100.
		assertEquals(0, ci.lower(), 1e-9);
		assertEquals(100, ci.upper(), 1e-9);
		assertTrue(ci.method().contains("2 groups"));
	}

	@Test
	void oneGroupHasNoSpread() {
		List<RealDataEvaluation.Outcome> o = List.of(outcome("a", false, ClusterType.INSTANCE),
			outcome("a", true, ClusterType.INSTANCE), outcome("a", true, ClusterType.TOUCHING));
		ConfidenceInterval ci = RealDataEvaluation.rate(o, RealDataEvaluation::binaryCorrect,
			BootstrapSettings.defaults());
		assertEquals(200.0 / 3, ci.estimate(), 1e-9);
		assertEquals(ci.estimate(), ci.lower(), 1e-9);
		assertEquals(ci.estimate(), ci.upper(), 1e-9);
	}

	@Test
	void labelsMustAgreeWithClusterFlag() {
		assertThrows(IllegalArgumentException.class, () -> new RealDataEvaluation.Item(Path.of("x"), "g", true,
			ClusterType.INSTANCE, false));
	}

	@Test
	void testTimeAugmentationAveragesTheEightViewsOfEachCrop(@TempDir Path tmp) throws Exception {
		Path harvest = TestHarvest.fake(tmp.resolve("h"));
		List<RealDataEvaluation.Item> items = RealDataReport.harvested(harvest, Split.TEST);
		try (ClusterModel model = ClusterModel.load(TestModel.path(), "cpu")) {
			List<RealDataEvaluation.Outcome> plain = RealDataEvaluation.classify(model, items, false, Perturbation.NONE, 8, Progress.NONE,
				m -> {});
			List<RealDataEvaluation.Outcome> tta = RealDataEvaluation.classify(model, items, true, Perturbation.NONE, 8, Progress.NONE,
				m -> {});
			assertEquals(items.size(), tta.size());
			boolean differs = false;
			for (int i = 0; i < items.size(); i++) {
				float[] in = model.preprocessor().apply(ImageFiles.read(items.get(i).file())).data();
				double[] expected = model.predictAugmented(List.of(in), 8)[0];
				for (int c = 0; c < expected.length; c++) {
					assertEquals(expected[c], tta.get(i).probabilities()[c], 1e-5);
					differs |= Math.abs(plain.get(i).probabilities()[c] - expected[c]) > 1e-4;
				}
			}
			assertTrue(differs, "the 8 views must change the probabilities of an asymmetric crop");
		}
	}

	@Test
	void perturbationChangesEveryCropBeforeClassification(@TempDir Path tmp) throws Exception {
		Path harvest = TestHarvest.fake(tmp.resolve("h"));
		List<RealDataEvaluation.Item> items = RealDataReport.harvested(harvest, Split.TEST);
		Perturbation half = Perturbation.parse("scale=0.5,blur=1,contrast=0.8");
		try (ClusterModel model = ClusterModel.load(TestModel.path(), "cpu")) {
			List<RealDataEvaluation.Outcome> plain = RealDataEvaluation.classify(model, items, false,
				Perturbation.NONE, 8, Progress.NONE, m -> {});
			List<RealDataEvaluation.Outcome> changed = RealDataEvaluation.classify(model, items, false, half, 8,
				Progress.NONE, m -> {});
			boolean differs = false;
			for (int i = 0; i < items.size(); i++) {
				float[] in = model.preprocessor().apply(half.apply(ImageFiles.read(items.get(i).file()))).data();
				double[] expected = model.predict(List.of(in), 8)[0];
				for (int c = 0; c < expected.length; c++) {
					assertEquals(expected[c], changed.get(i).probabilities()[c], 1e-5);
					differs |= Math.abs(plain.get(i).probabilities()[c] - expected[c]) > 1e-4;
				}
			}
			assertTrue(differs, "a halved, blurred, fainter crop changes the probabilities");
		}
		String md = RealDataReport.run(new RealDataReport.Request(harvest, Split.TEST, null, List.of(),
			false, List.of(TestModel.path()), "cpu", false, half, BootstrapSettings.defaults()), tmp.resolve("report"),
			false, Progress.NONE, m -> {});
		assertTrue(md.contains("every crop perturbed first: scale 0.5, blur σ 1 px, contrast ×0.8"), md);
	}

	@Test
	void reportComparesModelsOnTheTestCases(@TempDir Path tmp) throws Exception {
		Path harvest = TestHarvest.fake(tmp.resolve("h"));
		Files.writeString(tmp.resolve("labels.csv"), "image,x,y,width,height,label,confidence\n" +
			"c31.jpg,10,10,20,50,instance,high\n");
		Path model = TestModel.path();
		List<String> log = new ArrayList<>();
		String md = RealDataReport.run(new RealDataReport.Request(harvest, Split.TEST, tmp.resolve("labels.csv"),
			List.of(harvest.resolve("instance")), true, List.of(model), "cpu", false, null, BootstrapSettings.defaults()),
			tmp.resolve("report"), false, Progress.NONE, log::add);
		// The test case c3 has two single chromosomes; the all-instance baseline is therefore 100%.
		assertTrue(md.contains("| model | 2 | ") && md.contains("100.0 [100.0, 100.0]"), md);
		assertTrue(md.contains("| model | 1 | "), "one hand-labelled component: " + md);
		assertTrue(md.contains("| model | 6 | "), "six other singles: " + md);
		assertTrue(Files.isRegularFile(tmp.resolve("report/predictions-model.csv")));
		assertEquals(1 + 2 + 1 + 6, Files.readAllLines(tmp.resolve("report/predictions-model.csv")).size());
	}

	@Test
	void modelsWithTheSameFolderNameAreToldApartByTheirParents() {
		assertEquals(List.of("a", "b.zip".replace(".zip", "")), RealDataReport.names(List.of(Path.of("/x/a"),
			Path.of("/y/b.zip"))));
		assertEquals(List.of("scratch-0-classifier", "supcam-0-classifier"), RealDataReport.names(List.of(
			Path.of("/w/scratch/0/classifier"), Path.of("/w/supcam/0/classifier"))));
	}
}
