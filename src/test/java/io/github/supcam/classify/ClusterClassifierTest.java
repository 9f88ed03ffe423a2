package io.github.supcam.classify;

import ij.gui.OvalRoi;
import ij.gui.Roi;
import io.github.supcam.detect.ComponentFlags;
import io.github.supcam.detect.DetectedCluster;
import io.github.supcam.image.Gray8;
import io.github.supcam.model.ClusterModel;
import io.github.supcam.model.Inference;
import io.github.supcam.synth.SyntheticMetaphase;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Rectangle;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ClusterClassifierTest {
	static ClusterModel model;

	@BeforeAll
	static void load() throws Exception {
		model = ClusterModel.load(TestModel.path(), "cpu");
	}

	@AfterAll
	static void close() {
		model.close();
	}

	static void assertProbabilities(ClusterResult r) {
		assertEquals(4, r.probabilities().length);
		assertEquals(1.0, Arrays.stream(r.probabilities()).sum(), 1e-4, r.cluster());
		assertEquals(Inference.argmax(r.probabilities()), r.predicted().ordinal());
		assertEquals(r.probabilities()[r.predicted().ordinal()], r.confidence());
	}

	@Test
	void oneRowPerDetectedClusterInsideTheImage() {
		SyntheticMetaphase m = TestModel.metaphase(3);
		ClusterClassifier.ImageResult r = new ClusterClassifier(model, ClassifySettings.defaults())
			.classifyDetected("spread.png", m.image());
		List<DetectedCluster> found = r.detection().clusters();
		assertFalse(found.isEmpty());
		assertEquals(found.size(), r.rows().size());
		assertEquals(found.size(), r.rois().size());
		assertTrue(r.problems().isEmpty(), r.problems().toString());
		Rectangle image = new Rectangle(0, 0, 400, 300);
		List<String> flags = ComponentFlags.defaults().flags(m.image(), r.detection());
		for (int i = 0; i < found.size(); i++) {
			ClusterResult row = r.rows().get(i);
			assertEquals("spread.png", row.image());
			assertEquals(String.valueOf(found.get(i).id()), row.cluster());
			assertEquals(found.get(i).bounds(), row.bounds());
			assertEquals(found.get(i).area(), row.area());
			assertTrue(image.contains(row.bounds()), row.bounds().toString());
			assertEquals(row.cluster() + "-" + row.predicted().folderName(), r.rois().get(i).getName());
			assertEquals(row.bounds(), r.rois().get(i).getBounds());
			assertProbabilities(row);
			assertEquals(flags.get(i), row.flag(), "the row carries its component's nucleus/debris/border flag");
		}
		// Every rendered cluster is found (they are separated by SPACING pixels).
		assertEquals(m.clusters().size(), found.size());
	}

	@Test
	void lowConfidenceFlagsExactlyThePredictionsBelowTheThreshold() {
		SyntheticMetaphase m = TestModel.metaphase(4);
		ClassifySettings s = ClassifySettings.defaults();
		List<ClusterResult> rows = new ClusterClassifier(model, s.withLowConfidence(0)).classifyDetected("a",
			m.image()).rows();
		assertTrue(rows.stream().noneMatch(ClusterResult::lowConfidence), "nothing is below 0");
		double[] conf = rows.stream().mapToDouble(ClusterResult::confidence).sorted().toArray();
		double threshold = conf[conf.length / 2];
		List<ClusterResult> flagged = new ClusterClassifier(model, s.withLowConfidence(threshold))
			.classifyDetected("a", m.image()).rows();
		for (ClusterResult r : flagged) assertEquals(r.confidence() < threshold, r.lowConfidence());
		assertTrue(flagged.stream().anyMatch(ClusterResult::lowConfidence) || conf[0] == threshold);
		assertTrue(flagged.stream().anyMatch(r -> !r.lowConfidence()), "the median itself is not below");
	}

	@Test
	void testTimeAugmentationAveragesTheEightFlipsAndTurns() {
		SyntheticMetaphase m = TestModel.metaphase(3);
		ClusterClassifier.ImageResult r = new ClusterClassifier(model, ClassifySettings.defaults()
			.withTestTimeAugmentation(true)).classifyDetected("a", m.image());
		assertFalse(r.rows().isEmpty());
		r.rows().forEach(ClusterClassifierTest::assertProbabilities);
		// By hand: the mean of the predictions of the 8 transformed inputs.
		int n = model.preprocessor().settings().inputSize();
		float[] in = model.preprocessor().apply(rodImage(false)).data();
		java.util.List<float[]> views = new java.util.ArrayList<>();
		float[] flipped = io.github.supcam.image.FloatTransforms.flipHorizontal(in, n);
		for (int k = 0; k < 4; k++) {
			views.add(io.github.supcam.image.FloatTransforms.rotate(in, n, k * Math.PI / 2));
			views.add(io.github.supcam.image.FloatTransforms.rotate(flipped, n, k * Math.PI / 2));
		}
		double[][] each = model.predict(views, 8);
		double[] tta = model.predictAugmented(List.of(in), 8)[0];
		for (int c = 0; c < tta.length; c++) {
			double mean = 0;
			for (double[] p : each) mean += p[c] / 8;
			assertEquals(mean, tta[c], 1e-6);
		}
	}

	@Test
	void aRoiOutsideTheImageIsReportedNotFatal() {
		ClusterClassifier c = new ClusterClassifier(model, ClassifySettings.defaults());
		Roi outside = new Roi(250, 250, 40, 40);
		outside.setName("far");
		ClusterClassifier.ImageResult r = c.classifyRois("img", rodImage(false), List.of(new Roi(50, 50, 100, 100),
			outside));
		assertEquals(1, r.rows().size());
		assertEquals(List.of("img ROI far: lies outside the 200x200 image"), r.problems());
	}

	/** White 200x200 with a dark rod in the middle and, optionally, a dark block in the top-left corner. */
	static ArrayImg<UnsignedByteType, ByteArray> rodImage(boolean block) {
		byte[] px = new byte[200 * 200];
		Arrays.fill(px, (byte) 255);
		for (int y = 70; y < 130; y++) for (int x = 94; x < 106; x++) px[y * 200 + x] = 60;
		if (block) for (int y = 51; y < 60; y++) for (int x = 51; x < 60; x++) px[y * 200 + x] = 30;
		return Gray8.wrap(px, 200, 200);
	}

	@Test
	void roisAreNamedRowsAndPixelsOutsideThemAreMasked() {
		ClusterClassifier c = new ClusterClassifier(model, ClassifySettings.defaults());
		Roi oval = new OvalRoi(50, 50, 100, 100); // the block sits in its bounding box, outside the oval
		oval.setName("rod");
		Roi unnamed = new Roi(50, 50, 100, 100);
		ClusterClassifier.ImageResult clean = c.classifyRois("img", rodImage(false), List.of(oval, unnamed));
		ClusterClassifier.ImageResult blocked = c.classifyRois("img", rodImage(true), List.of(oval, unnamed));
		assertEquals(List.of("rod", "2"), clean.rows().stream().map(ClusterResult::cluster).toList());
		assertEquals(new Rectangle(50, 50, 100, 100), clean.rows().get(0).bounds());
		// The oval's area is about pi/4 of its box; the rectangle's is all of it.
		assertEquals(Math.PI * 50 * 50, clean.rows().get(0).area(), 100);
		assertEquals(100 * 100, clean.rows().get(1).area());
		assertEquals("rod-" + clean.rows().get(0).predicted().folderName(), clean.rois().get(0).getName());
		clean.rows().forEach(ClusterClassifierTest::assertProbabilities);
		// Outside the oval, the block is masked away: the same crop, the same prediction.
		assertArrayEquals(clean.rows().get(0).probabilities(), blocked.rows().get(0).probabilities(), 1e-7);
		// Inside the rectangle it is seen.
		assertFalse(Arrays.equals(clean.rows().get(1).probabilities(), blocked.rows().get(1).probabilities()));
	}

	@Test
	void wholeImageIsOneCluster() {
		ClusterClassifier.ImageResult r = new ClusterClassifier(model, ClassifySettings.defaults())
			.classifyWhole("crop.png", rodImage(false));
		assertEquals(1, r.rows().size());
		ClusterResult row = r.rows().get(0);
		assertEquals("crop.png", row.cluster());
		assertEquals(new Rectangle(0, 0, 200, 200), row.bounds());
		assertEquals(200 * 200, row.area());
		assertFalse(row.touchesBorder());
		assertNull(r.detection());
		assertProbabilities(row);
	}
}
