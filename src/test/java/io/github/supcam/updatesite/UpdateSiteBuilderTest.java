package io.github.supcam.updatesite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class UpdateSiteBuilderTest {
	private static final long T1 = 20260101120000L;
	private static final long T2 = 20260202130000L;

	@TempDir
	Path dir;

	@Test
	void builtSiteListsEveryFileWithItsSizeAndChecksum() throws Exception {
		Path site = dir.resolve("site");
		List<SiteRecord> records = UpdateSiteBuilder.build(entries("1"), site, T1, List.of());
		assertEquals(List.of(), UpdateSiteVerifier.verify(site));

		// Read the index back with plain javax.xml, independently of DbXml.
		Document doc;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(site.resolve("db.xml.gz")))) {
			doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
		}
		NodeList plugins = doc.getElementsByTagName("plugin");
		assertEquals(3, plugins.getLength());
		Map<String, Element> byName = new HashMap<>();
		for (int i = 0; i < plugins.getLength(); i++) {
			Element p = (Element) plugins.item(i);
			byName.put(p.getAttribute("filename"), p);
			Element v = (Element) p.getElementsByTagName("version").item(0);
			Path onServer = site.resolve(p.getAttribute("filename") + "-" + v.getAttribute("timestamp"));
			assertTrue(Files.isRegularFile(onServer), onServer.toString());
			assertEquals(Files.size(onServer), Long.parseLong(v.getAttribute("filesize")));
			assertEquals(UpdaterChecksum.of(p.getAttribute("filename"), onServer), v.getAttribute("checksum"));
			assertEquals(Long.toString(T1), v.getAttribute("timestamp"));
		}
		Element plugin = byName.get("plugins/Demo_-1.0.jar");
		assertEquals("Demo plugin & more", text(plugin, "description"));
		assertEquals("Jane Doe", text(plugin, "author"));
		NodeList deps = plugin.getElementsByTagName("dependency");
		assertEquals(2, deps.getLength());
		assertEquals("jars/lib-2.0.jar", ((Element) deps.item(0)).getAttribute("filename"));
		assertEquals("jars/linux64/native-1.0-linux-x86_64.jar", ((Element) deps.item(1)).getAttribute("filename"));
		assertEquals("linux64", text(byName.get("jars/linux64/native-1.0-linux-x86_64.jar"), "platform"));
		assertEquals(0, byName.get("jars/lib-2.0.jar").getElementsByTagName("platform").getLength());
		assertEquals(records, DbXml.read(site.resolve("db.xml.gz")));
	}

	@Test
	void verifierFindsCorruptMissingAndStrayFiles() throws IOException {
		Path site = dir.resolve("site");
		List<SiteRecord> records = UpdateSiteBuilder.build(entries("1"), site, T1, List.of());
		Path lib = site.resolve(records.get(1).serverPath());
		Files.write(lib, new byte[] { 1, 2, 3 });
		Path plugin = site.resolve(records.get(0).serverPath());
		long pluginSize = Files.size(plugin);
		TestJars.write(plugin, Map.of("demo/Main.class", "mainX"));
		assertEquals(pluginSize + 1, Files.size(plugin));
		Files.delete(site.resolve(records.get(2).serverPath()));
		Files.writeString(site.resolve("jars/stray.jar"), "x");
		List<String> problems = UpdateSiteVerifier.verify(site);
		assertEquals(List.of(
			"plugins/Demo_-1.0.jar: size " + (pluginSize + 1) + " bytes, index says " + pluginSize,
			"plugins/Demo_-1.0.jar: checksum " + UpdaterChecksum.ofJar(plugin) + ", index says " +
				records.get(0).current().checksum(),
			"jars/lib-2.0.jar: size 3 bytes, index says " + records.get(1).current().filesize(),
			"jars/lib-2.0.jar: checksum not computable",
			"jars/linux64/native-1.0-linux-x86_64.jar: " + records.get(2).serverPath() + " is missing",
			Path.of("jars", "stray.jar") + " is on the site but not in db.xml.gz"),
			// the zip library's own words vary between Java versions
			problems.stream().map(p -> p.replaceAll("(checksum not computable).*", "$1")).toList());
	}

	@Test
	void rebuildKeepsUnchangedFilesAndRecordsHistory() throws IOException {
		List<SiteRecord> v1 = UpdateSiteBuilder.build(entries("1"), dir.resolve("v1"), T1, List.of());
		// Second release: the plugin is rebuilt with new entry times only, the library changes, the native jar is
		// dropped.
		Path plugin = TestJars.write(dir.resolve("in2/Demo_-1.0.jar"), Map.of("demo/Main.class", "main"),
			1_900_000_000_000L, 9);
		Path lib = TestJars.write(dir.resolve("in2/lib-2.1.jar"), Map.of("lib/L.class", "lib v2.1"));
		List<UpdateSiteBuilder.Entry> entries = List.of(
			new UpdateSiteBuilder.Entry("plugins/Demo_-1.0.jar", plugin, List.of(), "Demo plugin & more",
				List.of("Jane Doe"), List.of()),
			new UpdateSiteBuilder.Entry("jars/lib-2.1.jar", lib, List.of(), null, List.of(), List.of()));
		Path site = dir.resolve("v2");
		List<SiteRecord> v2 = UpdateSiteBuilder.build(entries, site, T2, DbXml.read(dir.resolve("v1/db.xml.gz")));
		assertEquals(List.of(), UpdateSiteVerifier.verify(site));

		SiteRecord demo = v2.get(0);
		assertEquals(T1, demo.current().timestamp(), "unchanged content keeps its upload");
		assertTrue(Files.exists(site.resolve("plugins/Demo_-1.0.jar-" + T1)));
		assertEquals(List.of(new SiteRecord.Dependency("jars/lib-2.1.jar", T2)), demo.dependencies());

		SiteRecord newLib = v2.get(1);
		assertEquals(T2, newLib.current().timestamp());
		assertEquals(List.of(new SiteRecord.PreviousVersion(v1.get(1).current().checksum(), T1, T2,
			"jars/lib-2.0.jar")), newLib.previous());

		SiteRecord gone = v2.get(2);
		assertTrue(gone.isObsolete());
		assertEquals("jars/linux64/native-1.0-linux-x86_64.jar", gone.filename());
		assertEquals(List.of("linux64"), gone.platforms());
		assertEquals(v1.get(2).current().checksum(), gone.previous().get(0).checksum());
		assertEquals(T2, gone.previous().get(0).timestampObsolete());
	}

	@Test
	void replacesAnEarlierSiteButNotOtherFiles() throws IOException {
		Path site = dir.resolve("site");
		UpdateSiteBuilder.build(entries("1"), site, T1, List.of());
		UpdateSiteBuilder.build(entries("2"), site, T2, List.of());
		assertEquals(List.of(), UpdateSiteVerifier.verify(site), "no leftovers of the first build");
		assertFalse(Files.exists(site.resolve("jars/lib-2.0.jar-" + T1)));

		Path mine = dir.resolve("mine");
		Files.createDirectories(mine);
		Files.writeString(mine.resolve("notes.txt"), "keep me");
		assertThrows(IllegalArgumentException.class, () -> UpdateSiteBuilder.build(entries("3"), mine, T1, List.of()));
		assertEquals("keep me", Files.readString(mine.resolve("notes.txt")));
	}

	@Test
	void nativeClassifiersMapToUpdaterPlatforms() throws IOException {
		Path jar = TestJars.write(dir.resolve("n.jar"), Map.of("a", "b"));
		UpdateSiteBuilder.Entry e = UpdateSiteBuilder.entryFor(
			new RuntimeArtifact("ai.djl.pytorch", "pytorch-native-cpu", "2.7.1", "linux-x86_64", jar));
		assertEquals("jars/linux64/n.jar", e.path());
		assertEquals(List.of("linux64"), e.platforms());
		assertEquals("macos-arm64", UpdateSiteBuilder.platformOf("osx-aarch64"));
		assertEquals("win64", UpdateSiteBuilder.platformOf("win-x86_64"));
		assertEquals("win64", UpdateSiteBuilder.platformOf("natives-windows"));
		assertEquals("macos64", UpdateSiteBuilder.platformOf("darwin-x86_64"));
		assertEquals("linux-arm64", UpdateSiteBuilder.platformOf("linux-aarch64"));
		assertEquals(null, UpdateSiteBuilder.platformOf(""));
		assertEquals(null, UpdateSiteBuilder.platformOf("sources"));
	}

	/** A plugin, a library and a native jar; {@code variant} changes the library's content. */
	private List<UpdateSiteBuilder.Entry> entries(String variant) throws IOException {
		Path in = dir.resolve("in" + variant);
		Path plugin = TestJars.write(in.resolve("Demo_-1.0.jar"), Map.of("demo/Main.class", "main"));
		Path lib = TestJars.write(in.resolve("lib-2.0.jar"), Map.of("lib/L.class", "lib " + variant));
		Path nat = TestJars.write(in.resolve("native.jar"), Map.of("native/lib/libx.so", "elf"));
		List<UpdateSiteBuilder.Entry> out = new ArrayList<>();
		out.add(new UpdateSiteBuilder.Entry("plugins/Demo_-1.0.jar", plugin, List.of(), "Demo plugin & more",
			List.of("Jane Doe"), List.of("https://example.org/demo")));
		out.add(new UpdateSiteBuilder.Entry("jars/lib-2.0.jar", lib, List.of(), "A library", List.of(), List.of()));
		out.add(new UpdateSiteBuilder.Entry("jars/linux64/native-1.0-linux-x86_64.jar", nat, List.of("linux64"),
			"Native code", List.of(), List.of()));
		return out;
	}

	private static String text(Element parent, String tag) {
		return parent.getElementsByTagName(tag).item(0).getTextContent();
	}
}
