package io.github.supcam.updatesite;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes small jars for the update-site tests, with control over entry order, times and compression. */
final class TestJars {
	private TestJars() {}

	/** A jar with {@code entries} (name to UTF-8 text) in iteration order, all stamped {@code entryTime}. */
	static Path write(Path jar, Map<String, String> entries, long entryTime, int level) throws IOException {
		Files.createDirectories(jar.getParent());
		try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
			zip.setLevel(level);
			for (Map.Entry<String, String> e : entries.entrySet()) {
				ZipEntry entry = new ZipEntry(e.getKey());
				entry.setTime(entryTime);
				zip.putNextEntry(entry);
				zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return jar;
	}

	/** Entries in the given order: name, content, name, content, ... */
	static Map<String, String> entries(String... nameThenContent) {
		Map<String, String> out = new LinkedHashMap<>();
		for (int i = 0; i < nameThenContent.length; i += 2) out.put(nameThenContent[i], nameThenContent[i + 1]);
		return out;
	}

	static Path write(Path jar, Map<String, String> entries) throws IOException {
		return write(jar, entries, 1_700_000_000_000L, 6);
	}
}
