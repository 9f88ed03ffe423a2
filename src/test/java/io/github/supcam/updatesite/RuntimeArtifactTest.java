package io.github.supcam.updatesite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeArtifactTest {
	@TempDir
	Path dir;

	@Test
	void readsMavensDependencyList() throws IOException {
		Path list = Files.writeString(dir.resolve("deps.txt"), """

			The following files have been resolved:
			   ai.djl:api:jar:0.36.0:compile:/m2/ai/djl/api/0.36.0/api-0.36.0.jar -- module ai.djl.api [auto]
			   ai.djl.pytorch:pytorch-native-cpu:jar:linux-x86_64:2.7.1:runtime:/m2/p/pytorch-native-cpu-2.7.1-linux-x86_64.jar
			   org.example:bom:pom:1.0:compile:/m2/bom-1.0.pom
			   info.picocli:picocli:jar:4.7.7:compile:C:\\m2\\picocli-4.7.7.jar -- module info.picocli

			""");
		List<RuntimeArtifact> artifacts = RuntimeArtifact.readDependencyList(list);
		assertEquals(3, artifacts.size());
		assertEquals(new RuntimeArtifact("ai.djl", "api", "0.36.0", "", Path.of("/m2/ai/djl/api/0.36.0/api-0.36.0.jar")),
			artifacts.get(0));
		assertEquals("ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64", artifacts.get(1).coordinates());
		assertEquals("linux-x86_64", artifacts.get(1).classifier());
		assertEquals(Path.of("C:\\m2\\picocli-4.7.7.jar"), artifacts.get(2).file());
		assertEquals("info.picocli:picocli", artifacts.get(2).key());

		Path broken = Files.writeString(dir.resolve("broken.txt"), "   just:some:text\n");
		IOException e = assertThrows(IOException.class, () -> RuntimeArtifact.readDependencyList(broken));
		assertTrue(e.getMessage().contains("line 1"), e.getMessage());
	}

	@Test
	void exclusionListNeedsAReasonPerLibrary() throws IOException {
		Path good = Files.writeString(dir.resolve("ok.txt"), "# header\n\nnet.imagej:ij   # Fiji core\n");
		assertEquals(Map.of("net.imagej:ij", "Fiji core"), Exclusions.read(good));
		Path noReason = Files.writeString(dir.resolve("bad.txt"), "net.imagej:ij\n");
		assertThrows(IOException.class, () -> Exclusions.read(noReason));
		Path notCoordinates = Files.writeString(dir.resolve("bad2.txt"), "ij.jar # x\n");
		assertThrows(IOException.class, () -> Exclusions.read(notCoordinates));
	}

	@Test
	void projectExclusionListParses() throws IOException {
		Path file = Path.of("update-site", "fiji-provided.txt");
		Map<String, String> excluded = Exclusions.read(file);
		assertTrue(excluded.containsKey("net.imagej:ij"));
		assertTrue(excluded.containsKey("org.scijava:scijava-common"));
		assertEquals(false, excluded.containsKey("ai.djl:api"), "DJL is not in Fiji");
	}
}
