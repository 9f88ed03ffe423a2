package io.github.supcam.util;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Writes files and folders so that a reader, or a process killed at any instant, never sees half of one: the
 * content goes to a temporary sibling ({@code .NAME.tmp-…}), which is then renamed onto the target.
 * <p>
 * Replacing an existing folder takes more than one rename, so it goes through named stages that
 * {@link #recover} can finish after a kill: the complete new folder is first renamed to {@code .NAME.ready-…}, the
 * old one to {@code .NAME.old-…}, then the ready one onto the target.
 */
public final class AtomicFiles {
	private AtomicFiles() {}

	/**
	 * Test-only hook (fault injection): milliseconds to sleep before every rename, standing in for a slow or
	 * network file system. 0 (the default) in normal use.
	 */
	public static final String SLOW_RENAME_PROPERTY = "supcam.test.slowRenameMillis";

	private static final String TMP = ".tmp-", READY = ".ready-", OLD = ".old-";

	/** Writer of a file's content. */
	@FunctionalInterface
	public interface Content {
		void writeTo(OutputStream out) throws IOException;
	}

	public static void write(Path target, Content content) throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path tmp = Files.createTempFile(dir, "." + target.getFileName() + TMP, "");
		try {
			shareable(tmp, false);
			try (OutputStream out = Files.newOutputStream(tmp)) {
				content.writeTo(out);
			}
			move(tmp, target, true);
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
	 * Moves a fully built folder onto {@code target}, replacing any previous folder there as a whole. A kill at any
	 * instant leaves either the old or the new complete folder at {@code target}, or one that {@link #recover}
	 * puts back.
	 */
	public static void replaceDirectory(Path built, Path target) throws IOException {
		Path abs = target.toAbsolutePath();
		if (!Files.exists(abs)) {
			move(built, abs, false);
			return;
		}
		String unique = Long.toString(System.nanoTime(), 36);
		Path ready = sibling(abs, READY + unique);
		Path old = sibling(abs, OLD + unique);
		move(built, ready, false);
		move(abs, old, false);
		try {
			move(ready, abs, false);
		} catch (IOException e) {
			// Put the previous folder back rather than leave the user with none.
			move(old, abs, false);
			throw e;
		}
		deleteRecursively(old);
		deleteRecursively(ready);
	}

	/**
	 * Finishes or undoes a folder replacement that a kill interrupted, and removes the temporary leftovers of
	 * interrupted writes of {@code target} (including files written with {@link #write}). Returns one line per
	 * thing done, for the log; empty if there was nothing to do.
	 */
	public static List<String> recover(Path target) throws IOException {
		Path abs = target.toAbsolutePath();
		List<String> done = new ArrayList<>();
		if (!Files.exists(abs.getParent())) return done;
		if (!Files.exists(abs)) {
			Path restore = newest(abs, READY);
			String how = "completed the interrupted replacement of";
			if (restore == null) {
				restore = newest(abs, OLD);
				how = "restored the previous";
			}
			if (restore != null) {
				move(restore, abs, false);
				done.add(how + " " + abs.getFileName());
			}
		}
		for (Path p : leftovers(abs)) {
			deleteRecursively(p);
			done.add("removed the temporary leftover " + p.getFileName());
		}
		return done;
	}

	/** As {@link #recover}, logging one line per thing done. */
	public static void recover(Path target, Consumer<String> log) throws IOException {
		for (String line : recover(target)) log.accept("Interrupted write: " + line);
	}

	/** Temporary siblings of {@code target} left by interrupted writes. */
	static List<Path> leftovers(Path target) throws IOException {
		Path abs = target.toAbsolutePath();
		String prefix = "." + abs.getFileName();
		try (Stream<Path> s = Files.list(abs.getParent())) {
			return s.filter(p -> {
				String n = p.getFileName().toString();
				return n.startsWith(prefix + TMP) || n.startsWith(prefix + READY) || n.startsWith(prefix + OLD);
			}).sorted().toList();
		}
	}

	private static Path newest(Path target, String stage) throws IOException {
		String prefix = "." + target.getFileName() + stage;
		try (Stream<Path> s = Files.list(target.getParent())) {
			return s.filter(p -> p.getFileName().toString().startsWith(prefix))
				.max(Comparator.comparing(p -> Long.parseLong(p.getFileName().toString().substring(prefix.length()), 36)))
				.orElse(null);
		}
	}

	private static Path sibling(Path target, String suffix) {
		return target.resolveSibling("." + target.getFileName() + suffix);
	}

	/** Deletes a file or a folder tree; nothing happens if it does not exist. */
	public static void deleteRecursively(Path p) throws IOException {
		if (!Files.exists(p)) return;
		try (var s = Files.walk(p)) {
			for (Path f : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(f);
		}
	}

	/** Writer of a folder's files. */
	@FunctionalInterface
	public interface DirectoryContent {
		void writeInto(Path folder) throws IOException;
	}

	/**
	 * Writes a whole folder atomically: {@code content} fills a fresh temporary sibling, which then replaces
	 * {@code folder} (see {@link #replaceDirectory}). Leftovers of earlier interrupted writes are cleaned up first.
	 */
	public static void writeDirectory(Path folder, DirectoryContent content) throws IOException {
		Path abs = folder.toAbsolutePath();
		Files.createDirectories(abs.getParent());
		recover(abs);
		Path tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + TMP);
		try {
			shareable(tmp, true);
			content.writeInto(tmp);
			syncFiles(tmp);
			replaceDirectory(tmp, abs);
		} finally {
			deleteRecursively(tmp);
		}
	}

	/** Flushes a folder's files to the device, so a rename never publishes data still only in memory. */
	private static void syncFiles(Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator)
				try (FileChannel c = FileChannel.open(f, StandardOpenOption.WRITE)) {
					c.force(true);
				}
		}
	}

	private static void move(Path from, Path to, boolean replace) throws IOException {
		long delay = Long.getLong(SLOW_RENAME_PROPERTY, 0);
		if (delay > 0) try {
			Thread.sleep(delay);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		try {
			if (replace) Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			else Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		} catch (AtomicMoveNotSupportedException e) {
			if (replace) Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
			else Files.move(from, to);
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
