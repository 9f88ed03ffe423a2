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

	/** The states a kill can leave between the renames of a folder replacement, and what recovery makes of them. */
	@Test
	void anInterruptedReplacementIsFinishedOrUndoneAndLeftoversRemoved() throws IOException {
		Path d = tmp.resolve("pkg");
		// Killed after the old folder was moved aside and the new one marked ready: the new one goes in.
		Files.createDirectories(tmp.resolve(".pkg.old-1"));
		Files.writeString(Files.createDirectories(tmp.resolve(".pkg.ready-1")).resolve("f"), "new");
		Files.createDirectories(tmp.resolve(".pkg.tmp-2"));
		List<String> done = AtomicFiles.recover(d);
		assertEquals("new", Files.readString(d.resolve("f")));
		assertEquals(List.of("completed the interrupted replacement of pkg", "removed the temporary leftover .pkg.old-1",
			"removed the temporary leftover .pkg.tmp-2"), done);
		try (var s = Files.list(tmp)) {
			assertEquals(List.of(d), s.toList());
		}
		// Killed after the old folder was moved aside, before the new one was ready: the old one comes back.
		AtomicFiles.deleteRecursively(d);
		Files.writeString(Files.createDirectories(tmp.resolve(".pkg.old-3")).resolve("f"), "old");
		Files.createDirectories(tmp.resolve(".pkg.tmp-4"));
		AtomicFiles.recover(d);
		assertEquals("old", Files.readString(d.resolve("f")));
		assertTrue(AtomicFiles.leftovers(d).isEmpty());
		// The next write cleans up by itself, and a plain file's leftover counts too.
		Files.writeString(tmp.resolve(".pkg.tmp-5"), "partial");
		AtomicFiles.writeDirectory(d, dir -> Files.writeString(dir.resolve("g"), "newest"));
		assertEquals(List.of(), AtomicFiles.leftovers(d));
		assertEquals("newest", Files.readString(d.resolve("g")));
	}

	@Test
	void theSlowRenameHookDelaysEveryRename() throws IOException {
		System.setProperty(AtomicFiles.SLOW_RENAME_PROPERTY, "60");
		try {
			long t0 = System.nanoTime();
			AtomicFiles.writeString(tmp.resolve("a"), "x");
			assertTrue(System.nanoTime() - t0 >= 60_000_000L);
		} finally {
			System.clearProperty(AtomicFiles.SLOW_RENAME_PROPERTY);
		}
	}
}
