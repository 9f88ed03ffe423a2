package io.github.supcam.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumsTest {
	@Test
	void matchesTheStandardTestVectors(@TempDir Path tmp) throws Exception {
		// FIPS 180-2 examples, as sha256sum prints them
		assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
			Checksums.sha256(Files.writeString(tmp.resolve("abc"), "abc")));
		assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
			Checksums.sha256(Files.writeString(tmp.resolve("empty"), "")));
	}
}
