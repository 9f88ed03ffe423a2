package io.github.supcam.updatesite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The checksum that the ImageJ/Fiji updater records in {@code db.xml.gz} and compares with the installed files.
 * <p>
 * It is a lower-case hex SHA-1, but not of the file's bytes:
 * <ul>
 * <li>For a path ending in {@code .jar}: SHA-1 over the jar's entries in ascending order of their names (Java
 * {@link String#compareTo}); for each entry, its name as ASCII, then its uncompressed content. Zip metadata (entry
 * times, compression, order) does not count, so a rebuilt jar keeps its checksum. Two entries are filtered: any
 * {@code *.properties} entry loses its {@code #} comment lines (Maven writes a build date there, see
 * {@link #dropCommentLines}), and {@code META-INF/MANIFEST.MF} contributes its name only. The updater means to keep
 * the manifest's {@code Main-Class} line, but it compares the upper-cased line with the mixed-case
 * {@code "Main-Class:"}, which never matches, so nothing of the manifest is hashed; we do the same, or Fiji would
 * call our files locally modified.</li>
 * <li>For any other path: SHA-1 over the path (relative to {@code Fiji.app}, ASCII) followed by the file's bytes.</li>
 * </ul>
 * Which rule applies depends on the path the file is listed under, not on the name it has on the server
 * ({@code jars/x.jar-20260101000000} is checksummed as {@code jars/x.jar}).
 */
public final class UpdaterChecksum {
	private UpdaterChecksum() {}

	private static final String MANIFEST = "META-INF/MANIFEST.MF";

	/** Checksum of {@code file} as the updater computes it for a file installed at {@code path}. */
	public static String of(String path, Path file) throws IOException {
		return path.endsWith(".jar") ? ofJar(file) : ofFile(path, file);
	}

	/** Checksum of a non-jar file: SHA-1 of the ASCII path followed by the content. */
	public static String ofFile(String path, Path file) throws IOException {
		MessageDigest sha1 = sha1();
		sha1.update(path.getBytes(StandardCharsets.US_ASCII));
		try (InputStream in = Files.newInputStream(file)) {
			drain(in, sha1);
		}
		return HexFormat.of().formatHex(sha1.digest());
	}

	/** Checksum of a jar: SHA-1 over its sorted entries' names and (filtered) contents. */
	public static String ofJar(Path jar) throws IOException {
		MessageDigest sha1 = sha1();
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			List<ZipEntry> entries = new ArrayList<>(Collections.list(zip.entries()));
			entries.sort(Comparator.comparing(ZipEntry::getName));
			for (ZipEntry entry : entries) {
				String name = entry.getName();
				sha1.update(name.getBytes(StandardCharsets.US_ASCII));
				if (name.equals(MANIFEST)) continue;
				try (InputStream in = zip.getInputStream(entry)) {
					if (name.endsWith(".properties")) sha1.update(dropCommentLines(in.readAllBytes()));
					else drain(in, sha1);
				}
			}
		} catch (java.util.zip.ZipException e) {
			throw new IOException("Not a valid jar: " + jar + " (" + e.getMessage() + ")", e);
		}
		return HexFormat.of().formatHex(sha1.digest());
	}

	/**
	 * The content of a {@code .properties} entry as the updater hashes it. A line that starts with {@code #} is
	 * reduced to its newline (a final comment without newline disappears). Two quirks of the updater are kept:
	 * consecutive {@code #}s at a line start count as one comment start, and after an empty line, or after a
	 * comment consisting of {@code #} only, the next line is not looked at for a comment.
	 */
	static byte[] dropCommentLines(byte[] in) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		boolean lineStart = true;
		int i = 0;
		while (i < in.length) {
			byte b = in[i++];
			if (!lineStart || b != '#') {
				out.write(b);
				// At a line start, any byte other than '#' (a newline included) ends the line-start state.
				lineStart = !lineStart && b == '\n';
				continue;
			}
			while (i < in.length && in[i] == '#') i++;
			if (i == in.length) break;
			if (in[i] == '\n') {
				out.write('\n');
				i++;
				lineStart = false;
				continue;
			}
			int newline = i;
			while (newline < in.length && in[newline] != '\n') newline++;
			if (newline == in.length) break;
			out.write('\n');
			i = newline + 1;
			lineStart = true;
		}
		return out.toByteArray();
	}

	private static void drain(InputStream in, MessageDigest digest) throws IOException {
		try (DigestInputStream d = new DigestInputStream(in, digest)) {
			byte[] buffer = new byte[1 << 16];
			while (d.read(buffer) >= 0) {
				// the digest sees every byte read
			}
		}
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("This Java has no SHA-1", e);
		}
	}
}
