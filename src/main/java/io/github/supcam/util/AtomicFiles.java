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
}
