package io.github.supcam.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.supcam.image.Gray8;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.image.Polarity;
import io.github.supcam.util.Json;
import ij.gui.Roi;
import ij.process.AutoThresholder;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.junit.jupiter.api.Test;

import java.awt.Rectangle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.SplittableRandom;

class ClusterDetectorTest {
	private static final int W = 400, H = 300;

	/**
	 * A light background with a strong left-to-right illumination gradient (150..250) and a little seeded noise;
	 * objects are drawn 70 grey levels darker than the local background, so that no global threshold separates
	 * them without flattening (the left background is darker than the right objects).
	 */
	private static final class Scene {
		final byte[] px = new byte[W * H];
		final boolean[] object = new boolean[W * H];

		void rect(int x, int y, int w, int h) {
			for (int yy = y; yy < y + h; yy++) for (int xx = x; xx < x + w; xx++) object[yy * W + xx] = true;
		}

		void clear(int x, int y, int w, int h) {
			for (int yy = y; yy < y + h; yy++) for (int xx = x; xx < x + w; xx++) object[yy * W + xx] = false;
		}

		void disc(int cx, int cy, int r) {
			for (int y = cy - r; y <= cy + r; y++) for (int x = cx - r; x <= cx + r; x++)
				if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) object[y * W + x] = true;
		}

		ArrayImg<UnsignedByteType, ByteArray> render(boolean lightOnDark) {
			SplittableRandom rnd = new SplittableRandom(7);
			for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) {
				int bg = 150 + 100 * x / (W - 1);
				int v = (object[y * W + x] ? bg - 70 : bg) + rnd.nextInt(-2, 3);
				v = Math.max(0, Math.min(255, v));
				px[y * W + x] = (byte) (lightOnDark ? 255 - v : v);
			}
			return Gray8.wrap(px, W, H);
		}
	}

	/** Exact edges: no smoothing, so any threshold between background and object recovers the drawn shapes. */
	private static DetectionSettings sharp() {
		return DetectionSettings.defaults().withSmoothingSigma(0);
	}

	private static Scene threeRods() {
		Scene s = new Scene();
		s.rect(20, 30, 12, 80); // dark side
		s.rect(180, 140, 70, 14);
		s.rect(340, 200, 14, 60); // bright side
		return s;
	}

	@Test
	void findsRodsUnderGradientIlluminationWithExactBoxes() {
		DetectionResult r = new ClusterDetector(sharp()).detect(threeRods().render(false));
		assertEquals(Polarity.DARK_ON_LIGHT, r.polarity());
		assertEquals(3, r.clusters().size());
		assertEquals(new Rectangle(20, 30, 12, 80), r.cluster(1).bounds());
		assertEquals(new Rectangle(180, 140, 70, 14), r.cluster(2).bounds());
		assertEquals(new Rectangle(340, 200, 14, 60), r.cluster(3).bounds());
		assertEquals(12 * 80, r.cluster(1).area());
		assertEquals(214.5, r.cluster(2).centroidX(), 1e-9);
		assertEquals(146.5, r.cluster(2).centroidY(), 1e-9);
		for (DetectedCluster c : r.clusters()) assertFalse(c.touchesBorder());
		assertEquals(2, r.labels().get(200, 145));
		assertEquals(0, r.labels().get(200, 100));
	}

	@Test
	void withoutFlatteningTheGradientDefeatsAGlobalThreshold() {
		DetectionResult r = new ClusterDetector(sharp().withBackgroundRadius(0)).detect(threeRods().render(false));
		// The dark left background (150) is darker than the right rod (180), so the rods are not all found
		// cleanly: either a rod is missed or background joins the foreground.
		boolean clean = r.clusters().size() == 3 && r.clusters().stream().allMatch(c -> c.area() < 1000);
		assertFalse(clean);
	}

	@Test
	void smoothedDefaultsStillFindEachRodWhole() {
		DetectionResult r = new ClusterDetector(DetectionSettings.defaults()).detect(threeRods().render(false));
		assertEquals(3, r.clusters().size());
		Rectangle b = r.cluster(2).bounds();
		assertTrue(Math.abs(b.x - 180) <= 1 && Math.abs(b.width - 70) <= 2 && Math.abs(b.height - 14) <= 2, b
			.toString());
	}

	@Test
	void lightOnDarkPolarityIsDetectedAutomaticallyAndGivesTheSameComponents() {
		DetectionResult dark = new ClusterDetector(sharp()).detect(threeRods().render(false));
		DetectionResult light = new ClusterDetector(sharp()).detect(threeRods().render(true));
		assertEquals(Polarity.LIGHT_ON_DARK, light.polarity());
		assertEquals(dark.clusters(), light.clusters());
		// Forcing the wrong polarity finds the background instead of the rods.
		DetectionResult wrong = new ClusterDetector(sharp().withPolarity(DetectionSettings.PolarityMode.DARK_ON_LIGHT))
			.detect(threeRods().render(true));
		assertFalse(dark.clusters().equals(wrong.clusters()));
	}

	@Test
	void smallHolesAreFilledAndLargeLoopsKept() {
		Scene s = new Scene();
		s.rect(40, 40, 40, 40);
		s.clear(55, 55, 4, 4); // 16 px hole
		s.rect(200, 100, 60, 60);
		s.clear(212, 112, 36, 36); // 1296 px loop
		ArrayImg<UnsignedByteType, ByteArray> img = s.render(false);
		DetectionResult r = new ClusterDetector(sharp()).detect(img);
		assertEquals(2, r.clusters().size());
		assertEquals(1600, r.cluster(1).area());
		assertEquals(1, r.labels().get(56, 56));
		assertEquals(3600 - 1296, r.cluster(2).area());
		assertEquals(0, r.labels().get(230, 130));

		DetectionResult unfilled = new ClusterDetector(sharp().withMaxHoleArea(0)).detect(img);
		assertEquals(1600 - 16, unfilled.cluster(1).area());
	}

	@Test
	void sizeFiltersDropDebrisHugeBlobsAndNuclei() {
		Scene s = new Scene();
		s.rect(10, 10, 5, 5); // debris
		s.rect(100, 20, 12, 70); // chromosome, 840 px
		s.disc(300, 150, 45); // nucleus, ~6360 px, round and solid
		s.rect(40, 200, 180, 30); // long solid rod, 5400 px: not round, kept
		ArrayImg<UnsignedByteType, ByteArray> img = s.render(false);

		DetectionResult r = new ClusterDetector(sharp()).detect(img);
		assertEquals(2, r.clusters().size());
		assertEquals(840, r.cluster(1).area());
		assertEquals(5400, r.cluster(2).area());
		assertEquals(1, r.droppedSmall());
		assertEquals(1, r.droppedNuclei());
		assertTrue(r.cluster(2).solidity() > 0.99 && r.cluster(2).roundness() < 0.3);

		DetectionResult keepNuclei = new ClusterDetector(sharp().withDropNuclei(false)).detect(img);
		assertEquals(3, keepNuclei.clusters().size());
		DetectedCluster nucleus = keepNuclei.cluster(2);
		assertTrue(nucleus.roundness() > 0.95 && nucleus.solidity() > 0.95, nucleus.toString());

		DetectionResult capped = new ClusterDetector(sharp().withDropNuclei(false).withMaxArea(5000)).detect(img);
		assertEquals(1, capped.clusters().size());
		assertEquals(2, capped.droppedLarge());

		DetectionResult noDebrisFilter = new ClusterDetector(sharp().withMinArea(20)).detect(img);
		assertEquals(new Rectangle(10, 10, 5, 5), noDebrisFilter.cluster(1).bounds());
	}

	@Test
	void borderTouchingClustersAreFlaggedNotDropped() {
		Scene s = new Scene();
		s.rect(0, 100, 40, 12);
		s.rect(150, 100, 40, 12);
		s.rect(380, 288, 20, 12);
		DetectionResult r = new ClusterDetector(sharp()).detect(s.render(false));
		assertEquals(3, r.clusters().size(), r.toString());
		assertTrue(r.cluster(1).touchesBorder());
		assertFalse(r.cluster(2).touchesBorder());
		assertTrue(r.cluster(3).touchesBorder());
	}

	@Test
	void diagonalNeighboursAreOneComponentAndIdsFollowRasterOrder() {
		Scene s = new Scene();
		s.rect(200, 50, 20, 20);
		s.rect(220, 70, 20, 20); // touches the first only at a corner: 8-connected
		s.rect(30, 60, 20, 20); // first pixel comes after (200, 50) in raster order
		DetectionResult r = new ClusterDetector(sharp().withMinArea(100)).detect(s.render(false));
		assertEquals(2, r.clusters().size());
		assertEquals(new Rectangle(200, 50, 40, 40), r.cluster(1).bounds());
		assertEquals(new Rectangle(30, 60, 20, 20), r.cluster(2).bounds());
	}

	@Test
	void detectionIsDeterministicAndLeavesTheInputAlone() {
		ArrayImg<UnsignedByteType, ByteArray> img = threeRods().render(false);
		byte[] before = Gray8.pixels(img).clone();
		ClusterDetector d = new ClusterDetector(DetectionSettings.defaults());
		DetectionResult a = d.detect(img), b = d.detect(Gray8.copy(img));
		assertArrayEquals(before, Gray8.pixels(img));
		assertEquals(a.clusters(), b.clusters());
		assertArrayEquals(a.labels().toArray(), b.labels().toArray());
	}

	@Test
	void emptyFieldYieldsNoComponents() {
		DetectionResult r = new ClusterDetector(DetectionSettings.defaults()).detect(new Scene().render(false));
		assertEquals(List.of(), r.clusters());
	}

	@Test
	void cropMasksOtherComponentsAndPadsBeyondTheBorder() {
		Scene s = new Scene();
		s.rect(100, 100, 40, 12);
		s.rect(100, 116, 40, 12); // neighbour 4 px below, inside the first one's margin
		s.rect(0, 200, 30, 12); // on the left border
		ArrayImg<UnsignedByteType, ByteArray> img = s.render(false);
		DetectionResult r = new ClusterDetector(sharp()).detect(img);
		assertEquals(3, r.clusters().size());
		DetectedCluster first = r.cluster(1);

		ArrayImg<UnsignedByteType, ByteArray> crop = ClusterCrop.extract(img, r.labels(), first, 10, 255);
		assertEquals(60, Gray8.width(crop));
		assertEquals(32, Gray8.height(crop));
		// Own pixel and unlabelled background keep their values; the neighbour's pixels become 255.
		assertEquals(Gray8.get(img, 110, 105), Gray8.get(crop, 20, 15));
		assertEquals(Gray8.get(img, 95, 95), Gray8.get(crop, 5, 5));
		for (int y = 116; y < 122; y++) for (int x = 100; x < 140; x++)
			assertEquals(255, Gray8.get(crop, x - 90, y - 90), "neighbour pixel " + x + "," + y);

		ArrayImg<UnsignedByteType, ByteArray> edge = ClusterCrop.extract(img, r.labels(), r.cluster(3), 5, 0);
		assertEquals(40, Gray8.width(edge));
		assertEquals(0, Gray8.get(edge, 2, 10)); // beyond the image border
		assertEquals(Gray8.get(img, 0, 205), Gray8.get(edge, 5, 10));

		assertThrows(IllegalArgumentException.class, () -> ClusterCrop.extract(img, r.labels(), first, -1, 255));
	}

	@Test
	void roiCoversExactlyTheClusterPixels() {
		Scene s = new Scene();
		s.rect(200, 100, 60, 60);
		s.clear(212, 112, 36, 36);
		DetectionResult r = new ClusterDetector(sharp()).detect(s.render(false));
		Roi roi = ClusterRois.toRoi(r.labels(), r.cluster(1));
		assertEquals(new Rectangle(200, 100, 60, 60), roi.getBounds());
		assertEquals("cluster-1", roi.getName());
		assertTrue(roi.contains(205, 105));
		assertFalse(roi.contains(230, 130)); // the kept loop is a hole of the selection
		assertEquals(3600 - 1296, roi.getContainedPoints().length);
	}

	@Test
	void overlayIsScaledAndOutlinesBorderClustersInRed() {
		Scene s = new Scene();
		s.rect(0, 100, 40, 12);
		s.rect(150, 100, 40, 12);
		ArrayImg<UnsignedByteType, ByteArray> img = s.render(false);
		DetectionResult r = new ClusterDetector(sharp()).detect(img);
		java.awt.image.BufferedImage o = DetectionOverlay.render(img, r, 200);
		assertEquals(200, o.getWidth());
		assertEquals(150, o.getHeight());
		// Left edge of the second rod's outline (x = 150 -> 75) is green; the top edge of the first (y = 100 -> 50)
		// is red.
		int green = o.getRGB(75, 53), red = o.getRGB(10, 50);
		assertTrue(((green >> 8) & 0xff) > ((green >> 16) & 0xff) + 40, Integer.toHexString(green));
		assertTrue(((red >> 16) & 0xff) > ((red >> 8) & 0xff) + 40, Integer.toHexString(red));
	}

	@Test
	void settingsValidateScaleAndRoundTripThroughJson() {
		DetectionSettings d = DetectionSettings.defaults();
		assertEquals(d, Json.fromJson(Json.toJson(d), DetectionSettings.class));
		DetectionSettings half = d.scaled(0.5);
		assertEquals(d.backgroundRadius() / 2, half.backgroundRadius(), 1e-9);
		assertEquals(d.minArea() / 4, half.minArea());
		assertEquals(d.nucleusMinArea() / 4, half.nucleusMinArea());
		assertEquals(d.thresholdMethod(), half.thresholdMethod());
		assertThrows(IllegalArgumentException.class, () -> d.withMinArea(0));
		assertThrows(IllegalArgumentException.class, () -> d.withMaxArea(d.minArea() - 1));
		assertThrows(IllegalArgumentException.class, () -> d.withSmoothingSigma(-1));
		assertThrows(IllegalArgumentException.class, () -> d.withNucleusMinSolidity(1.5));
		assertThrows(IllegalArgumentException.class, () -> d.withThresholdMethod(null));
		assertThrows(IllegalArgumentException.class, () -> d.scaled(0));
		assertEquals(AutoThresholder.Method.Otsu, d.withThresholdMethod(AutoThresholder.Method.Otsu)
			.thresholdMethod());
	}

	@Test
	void realMetaphaseGivesAPlausibleComponentCount() throws Exception {
		Path file = Paths.get("..", "shared", "data", "metaphase", "metaphase-01.tif");
		assumeTrue(Files.isRegularFile(file), "reference metaphase not available");
		DetectionResult r = new ClusterDetector(DetectionSettings.defaults()).detect(ImageFiles.read(file));
		assertEquals(Polarity.DARK_ON_LIGHT, r.polarity());
		// By eye (docs/detection-metaphase-01.png): 25 components, none on the border, no background specks.
		int n = r.clusters().size();
		assertTrue(n >= 20 && n <= 32, "components: " + n);
		assertTrue(r.clusters().stream().noneMatch(DetectedCluster::touchesBorder));
		assertEquals(0, r.droppedNuclei());
		// The isolated straight chromosome at the lower right is found whole.
		int id = r.labels().get(1150, 855);
		assertTrue(id > 0);
		assertTrue(r.cluster(id).width() > 120, r.cluster(id).toString());
	}
}
