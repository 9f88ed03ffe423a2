package io.github.supcam.nn;

import io.github.supcam.util.AtomicFiles;
import io.github.supcam.util.Checksums;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where a training run keeps its checkpoints, and how they survive a kill at any instant: a hidden folder beside
 * the output holds numbered versions ({@code 000001}, {@code 000002}, …). Each version is written whole into a
 * temporary folder with a {@value #CHECKSUMS} file listing every file's SHA-256 (in {@code sha256sum} format),
 * then appears by a single rename under a new number; no rename ever replaces anything. The previous version is
 * kept until a newer one is complete. Resuming uses the newest version whose files match their checksums.
 */
public final class Checkpoint {
	private Checkpoint() {}

	/** The list of files and their SHA-256 in every version; a version without it is incomplete. */
	public static final String CHECKSUMS = "checksums.sha256";

	/** Complete versions kept: the newest and the one before (should the newest be damaged later). */
	private static final int KEEP = 2;

	/**
	 * Test-only hook (scripts/determinism-stress.sh): when "true", every version is kept, also after the run
	 * finished, so that runs can be compared checkpoint by checkpoint.
	 */
	public static final String KEEP_ALL_PROPERTY = "supcam.test.keepCheckpoints";

	static boolean keepAll() {
		return Boolean.getBoolean(KEEP_ALL_PROPERTY);
	}

	/** The checkpoint folder of a run writing {@code output}. */
	public static Path folderFor(Path output) {
		Path abs = output.toAbsolutePath();
		return abs.resolveSibling("." + abs.getFileName() + ".checkpoint");
	}

	/** Whether {@code folder} holds any checkpoint version (complete or not). */
	public static boolean exists(Path folder) throws IOException {
		return !versions(folder).isEmpty();
	}

	/**
	 * Writes a new version with {@code content} and its checksums, then deletes the versions older than the
	 * previous one. Returns the new version's folder.
	 */
	public static Path write(Path folder, AtomicFiles.DirectoryContent content) throws IOException {
		Files.createDirectories(folder);
		List<Path> before = versions(folder);
		int next = before.isEmpty() ? 1 : number(before.get(before.size() - 1)) + 1;
		Path version = folder.resolve(String.format("%06d", next));
		AtomicFiles.writeDirectory(version, dir -> {
			content.writeInto(dir);
			writeChecksums(dir);
		});
		List<Path> all = keepAll() ? List.of() : versions(folder);
		for (Path old : all.subList(0, Math.max(0, all.size() - KEEP))) {
			// Hidden first, in one rename, so no half-deleted version is ever visible as a version.
			Path hidden = folder.resolve("." + old.getFileName() + ".deleting");
			Files.move(old, hidden, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			AtomicFiles.deleteRecursively(hidden);
		}
		return version;
	}

	/**
	 * Removes the whole checkpoint folder (a finished run's) and any leftovers beside it, one log line each. The
	 * folder is first renamed to a hidden name in one step, so a kill while deleting never leaves a half-deleted
	 * version that looks like a checkpoint; the next start removes the rest.
	 */
	public static void removeAll(Path folder, Consumer<String> log) throws IOException {
		if (Files.exists(folder)) {
			Path trash = folder.resolveSibling("." + folder.getFileName() + ".deleting-" + System.nanoTime());
			Files.move(folder, trash, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			AtomicFiles.deleteRecursively(trash);
		}
		removeLeftovers(folder, log);
	}

	/**
	 * The newest complete version, after removing the temporary leftovers of interrupted writes; each version
	 * passed over, and each leftover removed, is named in {@code log}.
	 */
	public static Optional<Path> newestComplete(Path folder, Consumer<String> log) throws IOException {
		removeLeftovers(folder, log);
		if (!Files.isDirectory(folder)) return Optional.empty();
		List<Path> versions = versions(folder);
		for (int i = versions.size() - 1; i >= 0; i--) {
			Path v = versions.get(i);
			String problem = problem(v);
			if (problem == null) return Optional.of(v);
			log.accept("Checkpoint " + v + " is incomplete or damaged (" + problem + "); trying an older one");
		}
		return Optional.empty();
	}

	/** Why {@code version} cannot be used, or null if all its files match its checksums. */
	public static String problem(Path version) throws IOException {
		Path sums = version.resolve(CHECKSUMS);
		if (!Files.isRegularFile(sums)) return "no " + CHECKSUMS;
		List<String> lines = Files.readAllLines(sums, StandardCharsets.UTF_8);
		if (lines.isEmpty()) return "empty " + CHECKSUMS;
		for (String line : lines) {
			int sep = line.indexOf("  ");
			if (sep != 64) return "malformed line in " + CHECKSUMS + ": " + line;
			Path f = version.resolve(line.substring(sep + 2));
			if (!Files.isRegularFile(f)) return f.getFileName() + " is missing";
			if (!line.substring(0, sep).equals(Checksums.sha256(f)))
				return f.getFileName() + " does not match its checksum";
		}
		return null;
	}

	/**
	 * Removes what interrupted writes left inside {@code folder}, and the hidden {@code .NAME.checkpoint.*}
	 * siblings that earlier versions of this plugin left after a kill; one log line each.
	 */
	private static void removeLeftovers(Path folder, Consumer<String> log) throws IOException {
		List<Path> stray = new ArrayList<>();
		String legacy = "." + folder.getFileName() + ".";
		try (Stream<Path> s = Files.list(folder.getParent())) {
			s.filter(p -> p.getFileName().toString().startsWith(legacy)).forEach(stray::add);
		}
		if (Files.isDirectory(folder)) try (Stream<Path> s = Files.list(folder)) {
			s.filter(p -> p.getFileName().toString().startsWith(".")).forEach(stray::add);
		}
		stray.sort(null);
		for (Path p : stray) {
			AtomicFiles.deleteRecursively(p);
			log.accept("Removed the temporary leftover of an interrupted checkpoint write: " + p);
		}
	}

	/** Version folders, oldest first. */
	private static List<Path> versions(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) return List.of();
		List<Path> out = new ArrayList<>();
		try (Stream<Path> s = Files.list(folder)) {
			s.filter(p -> p.getFileName().toString().matches("\\d{6,}") && Files.isDirectory(p)).forEach(out::add);
		}
		out.sort((a, b) -> Integer.compare(number(a), number(b)));
		return out;
	}

	private static int number(Path version) {
		return Integer.parseInt(version.getFileName().toString());
	}

	private static void writeChecksums(Path dir) throws IOException {
		StringBuilder sb = new StringBuilder();
		try (Stream<Path> s = Files.list(dir)) {
			for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator)
				sb.append(Checksums.sha256(f)).append("  ").append(f.getFileName()).append('\n');
		}
		AtomicFiles.writeString(dir.resolve(CHECKSUMS), sb.toString());
	}
}
