package io.github.supcam.updatesite;

import io.github.supcam.util.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Assembles a Fiji update site folder: every file at {@code <path>-<timestamp>} (the name the updater downloads)
 * and the index {@code db.xml.gz} listing it at {@code <path>}. The folder can be copied as-is to a static web
 * host. The plugin jar goes to {@code plugins/}, runtime libraries to {@code jars/}, native-library jars to
 * {@code jars/<platform>/} and are marked with that platform so that Fiji installs them only there.
 */
public final class UpdateSiteBuilder {
	private UpdateSiteBuilder() {}

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	/** A file to publish: where Fiji installs it, where it comes from, and what the updater shows about it. */
	public record Entry(String path, Path source, List<String> platforms, String description, List<String> authors,
		List<String> links)
	{
		public Entry {
			platforms = List.copyOf(platforms);
			authors = List.copyOf(authors);
			links = List.copyOf(links);
			if (!Files.isRegularFile(source)) throw new IllegalArgumentException("Missing file for " + path + ": " +
				source);
		}
	}

	/** The update-site entry for a runtime dependency. */
	public static Entry entryFor(RuntimeArtifact a) {
		String platform = platformOf(a.classifier());
		String dir = platform == null ? "jars/" : "jars/" + platform + "/";
		return new Entry(dir + a.file().getFileName(), a.file(), platform == null ? List.of() : List.of(platform),
			"Library used by SupCAM for Fiji: " + a.coordinates(), List.of(), List.of());
	}

	/**
	 * The updater platform of a native-library classifier (DJL's {@code linux-x86_64} style, and the
	 * {@code natives-linux} style of JOGL/LWJGL), or {@code null} for a platform-independent jar.
	 */
	public static String platformOf(String classifier) {
		String c = classifier.toLowerCase(java.util.Locale.ROOT);
		if (c.isEmpty()) return null;
		boolean arm = c.contains("aarch64") || c.contains("arm64");
		if (c.contains("linux")) return arm ? "linux-arm64" : "linux64";
		// before "win": "darwin" contains it
		if (c.contains("osx") || c.contains("mac") || c.contains("darwin")) return arm ? "macos-arm64" : "macos64";
		if (c.contains("win")) return arm ? "win-arm64" : "win64";
		return null;
	}

	/** Current time as an updater timestamp (UTC). */
	public static long now() {
		return Long.parseLong(LocalDateTime.now(ZoneOffset.UTC).format(TIMESTAMP));
	}

	/**
	 * Builds the site in {@code outDir}. The first entry is the plugin; it depends on all the others. A file whose
	 * checksum equals its current version in {@code previous} (the index the site serves now) keeps that version's
	 * timestamp, so it need not be uploaded again; a changed file gets {@code timestamp} and its old version becomes
	 * a {@code previous-version}; a file no longer shipped stays listed as obsolete so that Fiji can remove it.
	 *
	 * @param outDir created; if it exists it must be empty or hold an earlier site (one with a {@code db.xml.gz}),
	 *          which is replaced
	 * @return the records written to {@code db.xml.gz}
	 */
	public static List<SiteRecord> build(List<Entry> entries, Path outDir, long timestamp, List<SiteRecord> previous)
		throws IOException
	{
		if (entries.isEmpty()) throw new IllegalArgumentException("Nothing to publish");
		SiteRecord.requireTimestamp(timestamp);
		Map<String, SiteRecord> before = new LinkedHashMap<>();
		for (SiteRecord r : previous) before.put(SiteRecord.unversioned(r.filename()), r);

		Map<String, SiteRecord.Version> versions = new LinkedHashMap<>();
		Map<String, List<SiteRecord.PreviousVersion>> histories = new LinkedHashMap<>();
		for (Entry e : entries) {
			if (versions.containsKey(e.path())) throw new IllegalArgumentException("Two files for " + e.path());
			String checksum = UpdaterChecksum.of(e.path(), e.source());
			SiteRecord old = before.remove(SiteRecord.unversioned(e.path()));
			List<SiteRecord.PreviousVersion> history = new ArrayList<>(old == null ? List.of() : old.previous());
			long stamp = timestamp;
			if (old != null && old.current() != null) {
				if (old.current().checksum().equals(checksum) && old.filename().equals(e.path()))
					stamp = old.current().timestamp();
				else history.add(0, retire(old, timestamp));
			}
			versions.put(e.path(), new SiteRecord.Version(checksum, stamp, Files.size(e.source())));
			histories.put(e.path(), history);
		}

		List<SiteRecord> records = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			Entry e = entries.get(i);
			List<SiteRecord.Dependency> deps = i > 0 ? List.of() : entries.stream().skip(1)
				.map(d -> new SiteRecord.Dependency(d.path(), versions.get(d.path()).timestamp())).toList();
			records.add(new SiteRecord(e.path(), e.platforms(), versions.get(e.path()), e.description(), deps,
				e.links(), e.authors(), histories.get(e.path())));
		}
		for (SiteRecord gone : before.values()) {
			List<SiteRecord.PreviousVersion> history = new ArrayList<>(gone.previous());
			if (gone.current() != null) history.add(0, retire(gone, timestamp));
			records.add(new SiteRecord(gone.filename(), gone.platforms(), null, null, List.of(), List.of(), List.of(),
				history));
		}

		prepare(outDir);
		for (int i = 0; i < entries.size(); i++) {
			Path source = entries.get(i).source();
			Path target = outDir.resolve(records.get(i).serverPath());
			AtomicFiles.write(target, out -> Files.copy(source, out));
			worldReadable(target);
		}
		DbXml.write(records, outDir.resolve(DbXml.FILE_NAME));
		worldReadable(outDir.resolve(DbXml.FILE_NAME));
		return records;
	}

	/** Atomic writes leave owner-only temp-file permissions; a web server needs to read the file. */
	private static void worldReadable(Path target) throws IOException {
		if (target.getFileSystem().supportedFileAttributeViews().contains("posix"))
			Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
	}

	private static SiteRecord.PreviousVersion retire(SiteRecord old, long when) {
		return new SiteRecord.PreviousVersion(old.current().checksum(), old.current().timestamp(), when,
			old.filename());
	}

	/** Empties an earlier site in {@code dir}; refuses a non-empty folder that is not one. */
	private static void prepare(Path dir) throws IOException {
		if (Files.isDirectory(dir) && !Files.exists(dir.resolve(DbXml.FILE_NAME))) {
			AtomicFiles.prepareOutputDir(dir, false);
			return;
		}
		if (Files.isDirectory(dir)) {
			try (Stream<Path> walk = Files.walk(dir)) {
				walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> {
					try {
						Files.delete(p);
					} catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				});
			} catch (UncheckedIOException e) {
				throw new IOException("Cannot clear the earlier site in " + dir + ": " + e.getCause().getMessage(), e);
			}
		}
		AtomicFiles.prepareOutputDir(dir, false);
	}
}
