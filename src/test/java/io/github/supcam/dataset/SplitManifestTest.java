package io.github.supcam.dataset;

import io.github.supcam.image.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitManifestTest {
	@TempDir
	Path dir;

	private Path root() throws Exception {
		Path root = dir.resolve("data");
		for (String f : new String[] { "instance/a.png", "instance/b.png", "touching/c,1.png" })
			TestImages.save(TestImages.ramp(4, 4), root.resolve(f));
		return root;
	}

	private static SplitManifest manual(Path root) {
		return new SplitManifest(root, List.of(
			entry(root, "touching/c,1.png", ClusterType.TOUCHING, Split.VAL),
			entry(root, "instance/b.png", ClusterType.INSTANCE, Split.TEST),
			entry(root, "instance/a.png", ClusterType.INSTANCE, Split.TRAIN)));
	}

	private static SplitManifest.Entry entry(Path root, String rel, ClusterType t, Split s) {
		return new SplitManifest.Entry(new LabelledImage(root.resolve(rel), rel, t), s);
	}

	@Test
	void writesSortedCsvWithStableHash() throws Exception {
		SplitManifest m = manual(Path.of("anywhere"));
		assertEquals("file,label,split\ninstance/a.png,instance,train\ninstance/b.png,instance,test\n" +
			"\"touching/c,1.png\",touching,val\n", m.toCsv());
		// printf '"touching/c,1.png",touching,val\ninstance/a.png,instance,train\ninstance/b.png,instance,test\n' | sha256sum
		assertEquals("7409f0d60583a6cadcb9079ec6a08863ef36320f24803b528cd089d3860e5329", m.sha256());
		assertEquals(m.sha256(), manual(Path.of("elsewhere")).sha256(), "the hash ignores where the data lies");
	}

	@Test
	void roundTripsThroughRootAndDataset() throws Exception {
		Path root = root();
		Dataset d = DatasetReader.read(root);
		SplitManifest m = Splitter.split(d, SplitFractions.PAPER_ABLATION, 5);
		Path csv = dir.resolve("split.csv");
		m.write(csv);
		SplitManifest fromDataset = SplitManifest.read(csv, d);
		assertEquals(m, fromDataset);
		SplitManifest fromRoot = SplitManifest.read(csv, root);
		assertEquals(m.entries(), fromRoot.entries());
		assertEquals(m.sha256(), fromRoot.sha256());
		assertEquals(Files.readString(csv), fromRoot.toCsv());
	}

	@Test
	void neverReplacesAnotherSplitSilently() throws Exception {
		Path root = root();
		Dataset d = DatasetReader.read(root);
		Path csv = dir.resolve("split.csv");
		Splitter.split(d, SplitFractions.PAPER_ABLATION, 1).write(csv);
		Splitter.split(d, SplitFractions.PAPER_ABLATION, 1).write(csv);
		SplitManifest other = manual(root);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.write(csv));
		assertTrue(e.getMessage().contains("already exists"), e.getMessage());
		other.write(csv, true);
		assertEquals(other.toCsv(), Files.readString(csv));
	}

	@Test
	void missingFileFailsNamingFileAndLine() throws Exception {
		Path root = root();
		Path csv = Files.writeString(dir.resolve("m.csv"),
			"file,label,split\ninstance/a.png,instance,train\ninstance/gone.png,instance,test\n");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SplitManifest.read(csv, root));
		assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("instance/gone.png") &&
			e.getMessage().contains("missing"), e.getMessage());
		Dataset d = DatasetReader.read(root);
		e = assertThrows(IllegalArgumentException.class, () -> SplitManifest.read(csv, d));
		assertTrue(e.getMessage().contains("instance/gone.png") && e.getMessage().contains("missing"), e.getMessage());
	}

	@Test
	void badRowsFailClearly() throws Exception {
		Path root = root();
		Dataset d = DatasetReader.read(root);
		String[][] cases = {
			{ "file,label,split\ninstance/a.png,touching,train\n", "labelled touching" },
			{ "file,label,split\ninstance/a.png,instance,holdout\n", "Unknown split 'holdout'" },
			{ "file,label,split\ninstance/a.png,blob,train\n", "Unknown cluster type 'blob'" },
			{ "file,label,split\ninstance/a.png,instance,train\ninstance/a.png,instance,test\n", "listed twice" },
			{ "name,class\ninstance/a.png,instance\n", "header file,label,split" },
			{ "file,label,split\n../data/instance/a.png,instance,train\n", "inside the dataset folder" },
			{ "file,label,split\n/instance/a.png,instance,train\n", "inside the dataset folder" } };
		for (String[] c : cases) {
			Path csv = Files.writeString(dir.resolve("bad.csv"), c[0]);
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SplitManifest.read(csv, d),
				c[0]);
			assertTrue(e.getMessage().contains(c[1]), e.getMessage());
			if (!c[1].startsWith("labelled")) assertThrows(IllegalArgumentException.class,
				() -> SplitManifest.read(csv, root), c[0]);
		}
		assertTrue(assertThrows(IllegalArgumentException.class, () -> SplitManifest.read(dir.resolve("no.csv"), d))
			.getMessage().contains("does not exist"));
	}
}
