package io.github.supcam.classify;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ImageProcessor;
import io.github.supcam.cli.SupcamCli;
import io.github.supcam.image.ImageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/** {@code supcam classify --labels-dir}: one 16-bit label image per input whose values are the CSV's cluster ids. */
class ClusterLabelsTest {
	@Test
	void labelImagesHoldTheCsvClusterIds(@TempDir Path tmp) throws Exception {
		Path image = tmp.resolve("spread.png"), csv = tmp.resolve("r.csv"), labels = tmp.resolve("labels");
		ImageFiles.writePng(TestModel.metaphase(3).image(), image);
		BatchClassificationTest.Run r = BatchClassificationTest.cli("classify", "--model", TestModel.path().toString(),
			"--device", "cpu", "--output", csv.toString(), "--labels-dir", labels.toString(), image.toString());
		assertEquals(SupcamCli.EXIT_OK, r.exit(), r.err());
		ImagePlus imp = IJ.openImage(labels.resolve("spread-labels.tif").toString());
		assertEquals(ImagePlus.GRAY16, imp.getType());
		assertEquals(400, imp.getWidth());
		ImageProcessor ip = imp.getProcessor();
		Map<Integer, Long> count = new HashMap<>();
		for (int y = 0; y < imp.getHeight(); y++) for (int x = 0; x < imp.getWidth(); x++)
			if (ip.get(x, y) != 0) count.merge(ip.get(x, y), 1L, Long::sum);
		List<String[]> rows = Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",")).toList();
		assertTrue(rows.size() > 1);
		TreeSet<Integer> ids = new TreeSet<>();
		for (String[] row : rows) {
			int id = Integer.parseInt(row[1]);
			ids.add(id);
			// Every pixel of the cluster carries its id: as many as its area, inside its bounding box.
			assertEquals(Long.parseLong(row[6]), count.get(id), "pixels of cluster " + id);
			int x = Integer.parseInt(row[2]), y = Integer.parseInt(row[3]);
			int w = Integer.parseInt(row[4]), h = Integer.parseInt(row[5]);
			long inside = 0;
			for (int yy = y; yy < y + h; yy++) for (int xx = x; xx < x + w; xx++) if (ip.get(xx, yy) == id) inside++;
			assertEquals(count.get(id), inside, "cluster " + id + " lies in its bounding box");
		}
		assertEquals(ids, new TreeSet<>(count.keySet()), "no label without a CSV row");

		// A second run does not silently replace the label image.
		BatchClassificationTest.Run again = BatchClassificationTest.cli("classify", "--model",
			TestModel.path().toString(), "--device", "cpu", "--output", tmp.resolve("r2.csv").toString(),
			"--labels-dir", labels.toString(), image.toString());
		assertNotEquals(SupcamCli.EXIT_OK, again.exit());
		assertTrue(again.err().contains("spread-labels.tif"), again.err());
	}

	@Test
	void namedRowsAreNumberedByPosition() {
		List<ClusterResult> rows = List.of(row("0000"), row("7"), row("cell.png"));
		assertEquals(1, ClusterLabels.label(rows, 0), "ROI name 0000 is no id");
		assertEquals(7, ClusterLabels.label(rows, 1));
		assertEquals(3, ClusterLabels.label(rows, 2));
	}

	private static ClusterResult row(String cluster) {
		return new ClusterResult("a.png", cluster, new java.awt.Rectangle(0, 0, 1, 1), 1, false,
			io.github.supcam.dataset.ClusterType.INSTANCE, new double[] { 1, 0, 0, 0 }, false);
	}
}
