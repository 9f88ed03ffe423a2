package io.github.supcam.updatesite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbXmlTest {
	private static final String SHA_A = "9c2173292c40738f232bb4dd97c5528514fd8773";
	private static final String SHA_B = "1682d601776c7c6ad10792a78962f928361f4c78";

	@TempDir
	Path dir;

	@Test
	void recordsSurviveTheRoundTripByteForByte() throws IOException {
		List<SiteRecord> records = List.of(
			new SiteRecord("plugins/X_-1.0.jar", List.of(), new SiteRecord.Version(SHA_A, 20260101000000L, 42),
				"Ünïcode & <markup> \"quoted\"\r\nsecond line", List.of(new SiteRecord.Dependency("jars/y-2.jar",
					20251231235959L)), List.of("https://example.org/?a=1&b=2"), List.of("A", "B"),
				List.of(new SiteRecord.PreviousVersion(SHA_B, 20250101000000L, 20260101000000L, "plugins/X_-0.9.jar"))),
			new SiteRecord("jars/linux64/n-1.jar", List.of("linux64"), new SiteRecord.Version(SHA_B, 20260101000000L,
				0), null, List.of(), List.of(), List.of(), List.of()),
			new SiteRecord("jars/old-1.jar", List.of(), null, null, List.of(), List.of(), List.of(),
				List.of(new SiteRecord.PreviousVersion(SHA_A, 20240101000000L, 0, null))));
		Path db = dir.resolve("db.xml.gz");
		DbXml.write(records, db);
		assertEquals(records, DbXml.read(db));
		byte[] first = Files.readAllBytes(db);
		DbXml.write(DbXml.read(db), db);
		assertArrayEquals(first, Files.readAllBytes(db), "same records, same bytes");

		String xml = DbXml.toXml(records);
		assertTrue(xml.contains("<!DOCTYPE pluginRecords ["));
		assertTrue(xml.contains("<version checksum=\"" + SHA_A + "\" timestamp=\"20260101000000\" filesize=\"42\">"));
		assertTrue(xml.contains("<previous-version timestamp=\"20240101000000\" checksum=\"" + SHA_A + "\"/>"));
	}

	@Test
	void malformedIndexesAreRejectedWithTheReason() throws IOException {
		assertThrows(IOException.class, () -> DbXml.parseXml("<records/>"));
		IOException bad = assertThrows(IOException.class, () -> DbXml.parseXml(
			"<pluginRecords><plugin filename=\"jars/a.jar\"><version checksum=\"XYZ\" timestamp=\"20260101000000\"" +
				" filesize=\"1\"/></plugin></pluginRecords>"));
		assertTrue(bad.getMessage().contains("jars/a.jar") && bad.getMessage().contains("SHA-1"), bad.getMessage());
		Path notGz = Files.writeString(dir.resolve("db.xml.gz"), "<pluginRecords/>");
		assertThrows(IOException.class, () -> DbXml.read(notGz));
	}

	@Test
	void recordsValidateTheirFields() {
		SiteRecord.Version v = new SiteRecord.Version(SHA_A, 20260101000000L, 1);
		assertThrows(IllegalArgumentException.class, () -> new SiteRecord("/abs.jar", List.of(), v, null, List.of(),
			List.of(), List.of(), List.of()));
		assertThrows(IllegalArgumentException.class, () -> new SiteRecord("jars/a.jar", List.of("linux-x86_64"), v,
			null, List.of(), List.of(), List.of(), List.of()));
		assertThrows(IllegalArgumentException.class, () -> new SiteRecord("jars/a.jar", List.of(), null, "text",
			List.of(), List.of(), List.of(), List.of()));
		assertThrows(IllegalArgumentException.class, () -> new SiteRecord.Version(SHA_A, 2026010100L, 1));
		assertThrows(IllegalArgumentException.class, () -> new SiteRecord.Version(SHA_A.toUpperCase(),
			20260101000000L, 1));
	}

	@Test
	void unversionedNamesFollowTheUpdater() {
		assertEquals("plugins/SupCAM_.jar", SiteRecord.unversioned("plugins/SupCAM_-0.1.0-SNAPSHOT.jar"));
		assertEquals("jars/pytorch-jni.jar", SiteRecord.unversioned("jars/pytorch-jni-2.7.1-0.36.0.jar"));
		assertEquals("jars/VectorGraphics2D.jar", SiteRecord.unversioned("jars/VectorGraphics2D-0.13.jar"));
		// '_' is not allowed in a version qualifier, so this name keeps its version: a new libtorch is a new file.
		assertEquals("jars/linux64/pytorch-native-cpu-2.7.1-linux-x86_64.jar",
			SiteRecord.unversioned("jars/linux64/pytorch-native-cpu-2.7.1-linux-x86_64.jar"));
		assertEquals("macros/a.ijm", SiteRecord.unversioned("macros/a.ijm"));
	}
}
