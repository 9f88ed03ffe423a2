package io.github.supcam.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ErrorMessagesTest {
	@TempDir
	Path tmp;

	@Test
	void aMissingFolderIsSaidInWordsNotAsABarePath() {
		Path data = tmp.resolve("data");
		// What java.nio really throws: the message is only the path.
		NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Files.list(data).close());
		assertEquals(data.toString(), e.getMessage());
		assertEquals(data + " does not exist", ErrorMessages.describe(e));
		assertEquals(data + " does not exist", ErrorMessages.describe(new UncheckedIOException(e)));
	}

	@Test
	void aMissingParentIsNamedAsTheFolderThatIsMissing() {
		Path output = tmp.resolve("out/models/encoder");
		NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Files.createDirectory(output));
		assertEquals("Folder " + tmp.resolve("out") + " does not exist, so " + output +
			" cannot be read or created there", ErrorMessages.describe(e));
	}

	@Test
	void otherFileExceptionsGetASentence() throws IOException {
		Path f = Files.writeString(tmp.resolve("a.txt"), "x");
		FileAlreadyExistsException exists = assertThrows(FileAlreadyExistsException.class, () -> Files.createFile(f));
		assertEquals(f + " already exists", ErrorMessages.describe(exists));
		assertEquals("No permission to read or write /x", ErrorMessages.describe(new AccessDeniedException("/x")));
		assertEquals("bad value", ErrorMessages.describe(new IllegalArgumentException("bad value")));
		assertEquals("NullPointerException", ErrorMessages.describe(new NullPointerException()));
		assertEquals("two lines", ErrorMessages.describe(new IOException("two\nlines")));
	}

	@Test
	void inputFoldersAndOutputParentsAreCheckedUpFront() throws IOException {
		Path missing = tmp.resolve("in");
		assertEquals("Dataset folder " + missing + " does not exist", assertThrows(IllegalArgumentException.class,
			() -> ErrorMessages.requireFolder(missing, "Dataset folder")).getMessage());
		Path file = Files.writeString(tmp.resolve("f.txt"), "x");
		assertEquals("Dataset folder " + file + " is not a folder", assertThrows(IllegalArgumentException.class,
			() -> ErrorMessages.requireFolder(file, "Dataset folder")).getMessage());
		assertDoesNotThrow(() -> ErrorMessages.requireFolder(tmp, "Dataset folder"));

		Path output = tmp.resolve("out/encoder");
		assertEquals("Cannot create output model " + output + ": its folder " + tmp.resolve("out") + " does not exist",
			assertThrows(IllegalArgumentException.class, () -> ErrorMessages.requireParent(output, "output model"))
				.getMessage());
		assertDoesNotThrow(() -> ErrorMessages.requireParent(tmp.resolve("encoder"), "output model"));
	}
}
