package io.github.supcam.classify;

import ij.gui.OvalRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Rectangle;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class RoiSetsTest {
	/** Writes a RoiSet .zip as ImageJ's ROI Manager does: one encoded .roi per entry. */
	static Path roiSet(Path file, List<Roi> rois) throws Exception {
		try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (int i = 0; i < rois.size(); i++) {
				zip.putNextEntry(new ZipEntry("000" + i + ".roi"));
				zip.write(RoiEncoder.saveAsByteArray(rois.get(i)));
			}
		}
		return file;
	}

	@Test
	void roiSetZipRoundTrips(@TempDir Path tmp) throws Exception {
		Roi oval = new OvalRoi(10, 20, 30, 40);
		oval.setName("cluster A");
		Roi poly = new PolygonRoi(new int[] { 5, 50, 20 }, new int[] { 5, 10, 60 }, 3, Roi.POLYGON);
		List<Roi> back = RoiSets.read(roiSet(tmp.resolve("RoiSet.zip"), List.of(oval, poly)));
		assertEquals(2, back.size());
		assertEquals("cluster A", back.get(0).getName());
		assertEquals(Roi.OVAL, back.get(0).getType());
		assertEquals(new Rectangle(10, 20, 30, 40), back.get(0).getBounds());
		assertEquals("0001", back.get(1).getName(), "an unnamed ROI is named after its entry");
		assertEquals(Roi.POLYGON, back.get(1).getType());
		assertEquals(new Rectangle(5, 5, 45, 55), back.get(1).getBounds());
	}

	@Test
	void singleRoiFileAndBadFiles(@TempDir Path tmp) throws Exception {
		Path single = tmp.resolve("one.roi");
		Files.write(single, RoiEncoder.saveAsByteArray(new Roi(1, 2, 3, 4)));
		List<Roi> one = RoiSets.read(single);
		assertEquals(1, one.size());
		assertEquals("one", one.get(0).getName());
		assertEquals(new Rectangle(1, 2, 3, 4), one.get(0).getBounds());

		Path empty = roiSet(tmp.resolve("empty.zip"), List.of());
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RoiSets.read(empty));
		assertTrue(e.getMessage().contains("empty.zip"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> RoiSets.read(tmp.resolve("missing.zip")));
	}
}
