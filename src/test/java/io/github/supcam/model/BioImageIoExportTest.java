package io.github.supcam.model;

import io.github.supcam.TinyTraining;
import io.github.supcam.cli.SupcamCli;
import io.github.supcam.util.Checksums;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class BioImageIoExportTest {
	@Test
	void exportHoldsAConsistentTestPair(@TempDir Path tmp) throws Exception {
		Path data = TinyTraining.dataset(tmp.resolve("data"), 4, 3);
		Path clf = TinyTraining.scratchClassifier(data, tmp.resolve("clf"));
		Path out = tmp.resolve("bioimageio");
		assertEquals(SupcamCli.EXIT_OK, SupcamCli.commandLine().execute("export-bioimageio", "--model", clf.toString(),
			"--output", out.toString()));

		String rdf = Files.readString(out.resolve(BioImageIoExport.RDF));
		assertTrue(rdf.contains("channel_names: [\"instance\", \"touching\", \"overlapping\", \"touching-overlapping\"]"));
		assertTrue(rdf.contains("sha256: " + Checksums.sha256(out.resolve(BioImageIoExport.TEST_INPUT))));
		float[] in = readNpy(out.resolve(BioImageIoExport.TEST_INPUT), "(1, 1, 32, 32)");
		float[] expected = readNpy(out.resolve(BioImageIoExport.TEST_OUTPUT), "(1, 4)");
		// The test output is what the model predicts for the test input.
		try (ClusterModel m = ClusterModel.load(clf, "cpu")) {
			double[] p = m.predict(List.of(in), 1)[0];
			for (int i = 0; i < 4; i++) assertEquals(expected[i], p[i], 1e-6);
		}
	}

	/** Minimal .npy reader: checks the header's shape and returns the float32 payload. */
	static float[] readNpy(Path file, String shape) throws Exception {
		byte[] b = Files.readAllBytes(file);
		assertEquals((byte) 0x93, b[0]);
		assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII));
		int headerLength = (b[8] & 0xff) | (b[9] & 0xff) << 8;
		assertEquals(0, (10 + headerLength) % 64, "header padded to 64 bytes");
		String header = new String(b, 10, headerLength, StandardCharsets.US_ASCII);
		assertTrue(header.contains("'descr': '<f4'") && header.contains("'shape': " + shape), header);
		ByteBuffer body = ByteBuffer.wrap(b, 10 + headerLength, b.length - 10 - headerLength)
			.order(ByteOrder.LITTLE_ENDIAN);
		float[] f = new float[body.remaining() / 4];
		for (int i = 0; i < f.length; i++) f[i] = body.getFloat();
		return f;
	}
}
