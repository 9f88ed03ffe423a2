package io.github.supcam.detect;

import ij.process.ByteProcessor;
import io.github.supcam.image.Gray8;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ComponentFlagsTest {
	/** {@code ink} on light (220): a rod, a disc, a speck, a pale rod (185) and a rod cut by the right border. */
	static ArrayImg<UnsignedByteType, ByteArray> scene(int ink) {
		ByteProcessor bp = new ByteProcessor(300, 240);
		bp.setColor(220);
		bp.fill();
		bp.setColor(ink);
		bp.fillRect(20, 20, 20, 100); // chromosome-like rod
		bp.fillOval(80, 20, 60, 60); // nucleus-like disc, 2800 px: below the detector's own nucleus filter
		bp.fillRect(180, 30, 16, 16); // 256 px speck
		bp.fillRect(280, 120, 20, 100); // rod on the border
		bp.setColor(185);
		bp.fillRect(100, 120, 20, 100); // pale rod, 35 levels above the background
		return Gray8.wrap((byte[]) bp.getPixels(), 300, 240);
	}

	@Test
	void nucleiDebrisPaleObjectsAndBorderComponentsAreFlaggedChromosomesNot() {
		ArrayImg<UnsignedByteType, ByteArray> img = scene(60);
		DetectionResult d = new ClusterDetector(DetectionSettings.defaults()).detect(img);
		List<String> flags = ComponentFlags.defaults().flags(img, d);
		assertEquals(d.clusters().size(), flags.size());
		assertEquals("", flags.get(d.labels().get(30, 70) - 1));
		assertEquals(ComponentFlags.NUCLEUS, flags.get(d.labels().get(110, 50) - 1));
		assertEquals(ComponentFlags.DEBRIS, flags.get(d.labels().get(188, 38) - 1));
		assertEquals(ComponentFlags.DEBRIS, flags.get(d.labels().get(110, 170) - 1));
		assertEquals(ComponentFlags.BORDER, flags.get(d.labels().get(290, 170) - 1));
		// Without the pale rule the pale rod passes; below the disc's area it is no longer a nucleus.
		List<String> loose = new ComponentFlags(200, 0, 4000, 0.5, 0.85).flags(img, d);
		assertEquals("", loose.get(d.labels().get(110, 170) - 1));
		assertEquals("", loose.get(d.labels().get(110, 50) - 1));
		assertThrows(IllegalArgumentException.class, () -> new ComponentFlags(0, 1.5, 1, 0.5, 0.5));
	}

	@Test
	void paleIsMeasuredAgainstTheImagesOwnStain() {
		// A paler stain throughout (another laboratory's): chromosomes 40 grey levels from the background, the pale
		// rod 35. Against the image's own chromosomes the pale rod is not pale, and neither are they.
		ArrayImg<UnsignedByteType, ByteArray> img = scene(180);
		DetectionResult d = new ClusterDetector(DetectionSettings.defaults()).detect(img);
		List<String> flags = ComponentFlags.defaults().flags(img, d);
		assertEquals("", flags.get(d.labels().get(30, 70) - 1));
		assertEquals("", flags.get(d.labels().get(110, 170) - 1));
		assertEquals(ComponentFlags.DEBRIS, flags.get(d.labels().get(188, 38) - 1), "the speck is still too small");
		assertEquals(ComponentFlags.BORDER, flags.get(d.labels().get(290, 170) - 1));
		// Only a component below half the typical contrast is pale: the rod is, at a fraction of 0.9.
		assertEquals(ComponentFlags.DEBRIS, new ComponentFlags(400, 0.9, 2000, 0.5, 0.85).flags(img, d)
			.get(d.labels().get(110, 170) - 1));
	}
}
