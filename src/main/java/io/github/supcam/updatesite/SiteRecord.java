package io.github.supcam.updatesite;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code <plugin>} element of an update site's {@code db.xml.gz}: a file that Fiji installs at
 * {@link #filename} (relative to {@code Fiji.app}), its current version (absent for a file the site has removed),
 * and the versions it had before.
 *
 * @param filename path inside {@code Fiji.app}, e.g. {@code jars/picocli-4.7.7.jar}
 * @param platforms updater platform names ({@code linux64}, {@code win64}, {@code macos-arm64}, ...); empty for
 *          every platform
 * @param current the version to install, or {@code null} when the file is obsolete
 * @param description free text shown in the updater
 * @param dependencies files of this site that must be installed with this one
 * @param links URLs shown in the updater
 * @param authors names shown in the updater
 * @param previous earlier versions, so that Fiji recognises an older install as "update available"
 */
public record SiteRecord(String filename, List<String> platforms, Version current, String description,
	List<Dependency> dependencies, List<String> links, List<String> authors, List<PreviousVersion> previous)
{
	/** The platform names the updater knows (Fiji 2 / Jaunch era; the older launcher used a subset). */
	public static final List<String> KNOWN_PLATFORMS = List.of("linux-arm64", "linux32", "linux64", "macos-arm64",
		"macos64", "macosx", "win-arm64", "win32", "win64");

	private static final Pattern TIMESTAMP = Pattern.compile("\\d{14}");
	private static final Pattern MAVEN_VERSION =
		Pattern.compile("(.+?)(-\\d+(\\.\\d+)+[a-z]?(-[A-Za-z0-9.]+|\\.GA)*)(\\.jar)");

	/** A file's current version: updater checksum, upload time (yyyyMMddHHmmss) and size in bytes. */
	public record Version(String checksum, long timestamp, long filesize) {
		public Version {
			requireChecksum(checksum);
			requireTimestamp(timestamp);
			if (filesize < 0) throw new IllegalArgumentException("File size must not be negative: " + filesize);
		}
	}

	/** A superseded version; {@code filename} is set where the file had another name then. */
	public record PreviousVersion(String checksum, long timestamp, long timestampObsolete, String filename) {
		public PreviousVersion {
			requireChecksum(checksum);
			requireTimestamp(timestamp);
			if (timestampObsolete != 0) requireTimestamp(timestampObsolete);
		}
	}

	/** A dependency on another file, with the timestamp of the version that is needed. */
	public record Dependency(String filename, long timestamp) {
		public Dependency {
			requirePath(filename);
			if (timestamp != 0) requireTimestamp(timestamp);
		}
	}

	public SiteRecord {
		requirePath(filename);
		platforms = List.copyOf(platforms);
		for (String p : platforms)
			if (!KNOWN_PLATFORMS.contains(p))
				throw new IllegalArgumentException("Unknown updater platform '" + p + "' for " + filename + "; known: " +
					KNOWN_PLATFORMS);
		if (current == null && (description != null || !dependencies.isEmpty() || !links.isEmpty() ||
			!authors.isEmpty()))
			throw new IllegalArgumentException("Obsolete record " + filename + " cannot carry version metadata");
		dependencies = List.copyOf(dependencies);
		links = List.copyOf(links);
		authors = List.copyOf(authors);
		previous = List.copyOf(previous);
	}

	/** Whether the site no longer ships this file (it only has previous versions). */
	public boolean isObsolete() {
		return current == null;
	}

	/** The name the current version has on the server: {@code <filename>-<timestamp>}. */
	public String serverPath() {
		if (current == null) throw new IllegalStateException(filename + " is obsolete; it has no file on the server");
		return filename + "-" + current.timestamp();
	}

	/**
	 * The name without a Maven-style version, which the updater uses to tell that {@code jars/x-1.0.jar} and
	 * {@code jars/x-1.1.jar} are the same component: {@code -<digits>(.<digits>)+} with an optional letter and
	 * {@code -qualifier}s before {@code .jar}.
	 */
	public static String unversioned(String filename) {
		var m = MAVEN_VERSION.matcher(filename);
		return m.matches() ? m.group(1) + m.group(5) : filename;
	}

	private static void requirePath(String path) {
		if (path == null || path.isBlank() || path.startsWith("/") || path.contains("\\") || path.contains("..") ||
			path.contains("//"))
			throw new IllegalArgumentException("Not a relative path inside Fiji.app: '" + path + "'");
	}

	private static void requireChecksum(String checksum) {
		if (checksum == null || !checksum.matches("[0-9a-f]{40}"))
			throw new IllegalArgumentException("Not a lower-case hex SHA-1: '" + checksum + "'");
	}

	static void requireTimestamp(long timestamp) {
		if (!TIMESTAMP.matcher(Long.toString(timestamp)).matches())
			throw new IllegalArgumentException("Not a yyyyMMddHHmmss timestamp: " + timestamp);
	}
}
