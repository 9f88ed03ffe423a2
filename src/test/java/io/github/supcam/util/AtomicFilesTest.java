package io.github.supcam.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AtomicFilesTest {
	@TempDir
	Path tmp;

	@Test
	void writtenFilesAreReadableByOthersAndNoTemporaryIsLeft() throws IOException {
		Path f = tmp.resolve("a.txt");
		AtomicFiles.writeString(f, "hello");
		assertEquals("hello", Files.readString(f));
		assertTrue(Files.getPosixFilePermissions(f).contains(PosixFilePermission.OTHERS_READ));
		try (var s = Files.list(tmp)) {
			assertEquals(List.of(f), s.toList());
		}
	}

	@Test
	void aFailedWriteKeepsTheOldFile() throws IOException {
		Path f = tmp.resolve("a.txt");
		AtomicFiles.writeString(f, "old");
		assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
			out.write("partial".getBytes());
			throw new IOException("disk full");
		}));
		assertEquals("old", Files.readString(f));
	}

	@Test
	void directoriesAreReplacedWhole() throws IOException {
		Path d = tmp.resolve("pkg");
		AtomicFiles.writeDirectory(d, dir -> Files.writeString(dir.resolve("one"), "1"));
		AtomicFiles.writeDirectory(d, dir -> Files.writeString(dir.resolve("two"), "2"));
		try (var s = Files.list(d)) {
			assertEquals(List.of(d.resolve("two")), s.toList());
		}
		assertTrue(Files.getPosixFilePermissions(d).contains(PosixFilePermission.OTHERS_EXECUTE));
	}

	@Test
	void aNonEmptyOutputFolderIsRefusedUnlessOverwriting() throws IOException {
		Files.writeString(tmp.resolve("x"), "data");
		var e = assertThrows(IllegalArgumentException.class, () -> AtomicFiles.prepareOutputDir(tmp, false));
		assertTrue(e.getMessage().contains("--overwrite"));
		AtomicFiles.prepareOutputDir(tmp, true);
		AtomicFiles.prepareOutputDir(tmp.resolve("new"), false);
		assertTrue(Files.isDirectory(tmp.resolve("new")));
	}
}
