package io.github.supcam.nn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CheckpointTest {
	@TempDir
	Path tmp;

	private Path write(Path folder, String content) throws IOException {
		return Checkpoint.write(folder, dir -> Files.writeString(dir.resolve("state.json"), content));
	}

	@Test
	void versionsAreNumberedAndOnlyTheLastTwoAreKept() throws IOException {
		Path folder = Checkpoint.folderFor(tmp.resolve("model"));
		assertEquals(tmp.resolve(".model.checkpoint"), folder);
		assertFalse(Checkpoint.exists(folder));
		for (int i = 1; i <= 3; i++) write(folder, "state " + i);
		try (var s = Files.list(folder)) {
			assertEquals(List.of("000002", "000003"), s.map(p -> p.getFileName().toString()).sorted().toList());
		}
		Path newest = Checkpoint.newestComplete(folder, m -> fail(m)).orElseThrow();
		assertEquals("state 3", Files.readString(newest.resolve("state.json")));
		assertEquals(List.of("state.json"), List.of(Files.readString(newest.resolve(Checkpoint.CHECKSUMS)).split("  ")[1]
			.trim()));
	}

	@Test
	void aDamagedOrIncompleteVersionIsPassedOverWithAMessage() throws IOException {
		Path folder = Checkpoint.folderFor(tmp.resolve("model"));
		write(folder, "state 1");
		Path second = write(folder, "state 2");
		Files.writeString(second.resolve("state.json"), "state X"); // same size, other bytes
		List<String> log = new ArrayList<>();
		Path used = Checkpoint.newestComplete(folder, log::add).orElseThrow();
		assertEquals("state 1", Files.readString(used.resolve("state.json")));
		assertTrue(log.get(0).contains("state.json does not match its checksum"), log.toString());

		Files.delete(used.resolve(Checkpoint.CHECKSUMS));
		log.clear();
		assertTrue(Checkpoint.newestComplete(folder, log::add).isEmpty());
		assertEquals(2, log.size(), log.toString());
		assertTrue(log.get(1).contains("no " + Checkpoint.CHECKSUMS), log.toString());
		assertTrue(Checkpoint.exists(folder), "incomplete versions still block a fresh run without --resume");
	}

	@Test
	void leftoversOfInterruptedWritesAreRemovedWithALogLine() throws IOException {
		Path folder = Checkpoint.folderFor(tmp.resolve("model"));
		write(folder, "state 1");
		Files.createDirectories(folder.resolve(".000002.tmp-123"));
		Files.createDirectories(tmp.resolve("..model.checkpoint.old.456")); // left by the two-rename replacement
		List<String> log = new ArrayList<>();
		assertTrue(Checkpoint.newestComplete(folder, log::add).isPresent());
		assertEquals(2, log.size(), log.toString());
		assertTrue(log.stream().allMatch(l -> l.startsWith("Removed the temporary leftover")), log.toString());
		try (var s = Files.list(tmp)) {
			assertEquals(List.of(folder), s.toList());
		}
		assertEquals("000002", write(folder, "state 2").getFileName().toString());
	}

	@Test
	void aFinishedRunsCheckpointIsRemovedWithoutEverShowingAHalfDeletedVersion() throws IOException {
		Path folder = Checkpoint.folderFor(tmp.resolve("model"));
		write(folder, "state 1");
		// What a kill during an earlier removal left: the folder already renamed aside, partly deleted.
		Files.createDirectories(tmp.resolve("..model.checkpoint.deleting-1/000001"));
		List<String> log = new ArrayList<>();
		Checkpoint.removeAll(folder, log::add);
		try (var s = Files.list(tmp)) {
			assertEquals(List.of(), s.toList());
		}
		assertEquals(1, log.size(), log.toString());
		assertTrue(log.get(0).contains("..model.checkpoint.deleting-1"), log.toString());
	}
}
