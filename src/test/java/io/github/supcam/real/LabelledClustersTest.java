package io.github.supcam.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.supcam.dataset.ClusterType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledClustersTest {
	private static final String HEADER = "image,x,y,width,height,label,confidence,boxes\n";

	private static IllegalArgumentException refused(Path tmp, String rows) throws Exception {
		Path csv = Files.writeString(tmp.resolve("bad.csv"), HEADER + rows);
		return assertThrows(IllegalArgumentException.class, () -> LabelledClusters.read(csv));
	}

	@Test
	void readsEachRowWithItsLineAndTheFilesChecksum(@TempDir Path tmp) throws Exception {
		Path csv = Files.writeString(tmp.resolve("train-clusters.csv"), HEADER +
			"104611.jpg,55,231,183,217,touching-overlapping,medium,4\n104611.jpg,149,438,126,76,overlapping,high,2\n");
		LabelledClusters l = LabelledClusters.read(csv);
		assertEquals(List.of(new LabelledClusters.Row(2, "104611.jpg", 55, 231, 183, 217,
			ClusterType.TOUCHING_OVERLAPPING), new LabelledClusters.Row(3, "104611.jpg", 149, 438, 126, 76,
			ClusterType.OVERLAPPING)), l.rows());
		assertEquals("104611.jpg@149,438,126x76", l.rows().get(1).componentKey());
		assertEquals("train-clusters.csv", l.file());
		assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(csv))),
			l.sha256());
	}

	@Test
	void theProjectsHandLabelFilesRead() throws Exception {
		for (String name : List.of("g-banded-train-clusters.csv", "g-banded-val-clusters.csv",
			"g-banded-test-clusters.csv"))
		{
			Path csv = Path.of("labels", name);
			List<String> lines = Files.readAllLines(csv);
			assertEquals(lines.size() - 1, LabelledClusters.read(csv).rows().size(), name);
			// A pair of chromosomes has one contact, so it cannot be touching and overlapping at once.
			for (String line : lines.subList(1, lines.size())) {
				String[] f = line.split(",");
				assertTrue(!(f[7].equals("2") && f[5].equals("touching-overlapping")), name + ": " + line);
			}
		}
	}

	@Test
	void unknownLabelsAndRepeatedComponentsAreRefusedNamingTheirLines(@TempDir Path tmp) throws Exception {
		IllegalArgumentException e = refused(tmp, "a.jpg,1,2,3,4,touching,high,2\na.jpg,1,2,3,4,overlapping,high,2\n" +
			"b.jpg,1,2,3,4,crossing,high,2\n");
		assertEquals("Hand-labelled clusters bad.csv: unknown label at line 4 ('crossing'); expected instance, " +
			"touching, overlapping or touching-overlapping; duplicate rows: line 3 repeats line 2 (a.jpg@1,2,3x4)",
			e.getMessage());
	}

	@Test
	void missingColumnsMalformedNumbersAndEmptyFilesAreRefused(@TempDir Path tmp) throws Exception {
		Path noLabel = Files.writeString(tmp.resolve("no-label.csv"), "image,x,y,width,height\na.jpg,1,2,3,4\n");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelledClusters.read(noLabel));
		assertTrue(e.getMessage().startsWith("Hand-labelled clusters no-label.csv: Mapping for label not found"),
			e.getMessage());
		e = refused(tmp, "a.jpg,1,2,three,4,touching,high,2\n");
		assertTrue(e.getMessage().contains("three"), e.getMessage());
		assertEquals("Hand-labelled clusters bad.csv: no rows", refused(tmp, "").getMessage());
	}
}
