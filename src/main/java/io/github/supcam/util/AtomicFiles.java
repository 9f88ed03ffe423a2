package io.github.supcam.util;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a reader, or a killed process, never sees half a file: the content goes to a temporary
 * file in the same folder, which is then renamed over the target.
 */
public final class AtomicFiles {
	private AtomicFiles() {}

	/** Writer of a file's content. */
	@FunctionalInterface
	public interface Content {
		void writeTo(OutputStream out) throws IOException;
	}

	public static void write(Path target, Content content) throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
		try {
			shareable(tmp, false);
			try (OutputStream out = Files.newOutputStream(tmp)) {
				content.writeTo(out);
			}
			try {
				Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(tmp);
		}
	}

	public static void writeString(Path target, String text) throws IOException {
		write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Refuses to reuse a non-empty output folder unless {@code overwrite} is set, so that no earlier result is
	 * silently replaced.
	 */
	public static void prepareOutputDir(Path dir, boolean overwrite) throws IOException {
		if (Files.isRegularFile(dir)) throw new IllegalArgumentException("Output " + dir + " is a file, not a folder");
		if (Files.isDirectory(dir) && !overwrite) {
			try (var s = Files.list(dir)) {
				if (s.findAny().isPresent()) throw new IllegalArgumentException("Output folder " + dir +
					" is not empty; choose another or pass --overwrite");
			}
		}
		Files.createDirectories(dir);
	}

	/**
	 * Moves a fully built folder onto {@code target}, replacing any previous folder there as a whole: the old one is
	 * first renamed aside, so at every moment {@code target} is either the old or the new complete folder.
	 */
	public static void replaceDirectory(Path built, Path target) throws IOException {
		Path old = null;
		if (Files.exists(target)) {
			old = Files.createTempDirectory(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".old.");
			Files.delete(old);
			Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
		}
		try {
			try {
				Files.move(built, target, StandardCopyOption.ATOMIC_MOVE);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(built, target);
			}
		} catch (IOException e) {
			// Put the previous folder back rather than leave the user with none.
			if (old != null) Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
			throw e;
		}
		if (old != null) deleteRecursively(old);
	}

	/** Deletes a file or a folder tree; nothing happens if it does not exist. */
	public static void deleteRecursively(Path p) throws IOException {
		if (!Files.exists(p)) return;
		try (var s = Files.walk(p)) {
			for (Path f : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) Files.deleteIfExists(f);
		}
	}

	/** Writer of a folder's files. */
	@FunctionalInterface
	public interface DirectoryContent {
		void writeInto(Path folder) throws IOException;
	}

	/**
	 * Writes a whole folder atomically: {@code content} fills a fresh sibling folder, which then replaces
	 * {@code folder} (see {@link #replaceDirectory}). A kill at any moment leaves the previous complete folder.
	 */
	public static void writeDirectory(Path folder, DirectoryContent content) throws IOException {
		Path abs = folder.toAbsolutePath();
		Files.createDirectories(abs.getParent());
		Path tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".");
		try {
			shareable(tmp, true);
			content.writeInto(tmp);
			replaceDirectory(tmp, abs);
		} finally {
			deleteRecursively(tmp);
		}
	}

	/**
	 * Temporary files are created private (0600/0700); results must be readable like any other file the user
	 * writes, so the usual rw-r--r-- / rwxr-xr-x applies where the file system has POSIX permissions.
	 */
	private static void shareable(Path p, boolean directory) throws IOException {
		if (!Files.getFileStore(p).supportsFileAttributeView("posix")) return;
		Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
			directory ? "rwxr-xr-x" : "rw-r--r--"));
	}
}
