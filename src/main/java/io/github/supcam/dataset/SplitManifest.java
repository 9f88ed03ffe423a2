package io.github.supcam.dataset;

import io.github.supcam.util.AtomicFiles;
import io.github.supcam.util.ErrorMessages;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dataset split as a reusable, auditable CSV file with the columns {@code file,label,split}: the image's path
 * relative to the dataset root ('/' separators), its class ({@link ClusterType#folderName()}) and its part
 * ({@link Split#csvName()}). Rows are in relative-path order.
 *
 * @param root the dataset folder the relative paths start from
 * @param entries the assigned images, sorted by relative path
 */
public record SplitManifest(Path root, List<Entry> entries) {
	/** One image and the part it belongs to. */
	public record Entry(LabelledImage image, Split split) {}

	private static final String[] HEADER = { "file", "label", "split" };
	private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
	private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
		.setTrim(true).setIgnoreEmptyLines(true).get();

	public SplitManifest {
		List<Entry> sorted = new ArrayList<>(entries);
		sorted.sort(Comparator.comparing(e -> e.image().relativePath()));
		for (int i = 1; i < sorted.size(); i++)
			if (sorted.get(i).image().relativePath().equals(sorted.get(i - 1).image().relativePath()))
				throw new IllegalArgumentException("Split lists " + sorted.get(i).image().relativePath() + " twice");
		entries = List.copyOf(sorted);
	}

	/** The images of one part, in relative-path order. */
	public List<LabelledImage> part(Split split) {
		return entries.stream().filter(e -> e.split() == split).map(Entry::image).toList();
	}

	/** How many images of a class are in a part. */
	public int count(Split split, ClusterType label) {
		return (int) entries.stream().filter(e -> e.split() == split && e.image().label() == label).count();
	}

	/** The data rows as CSV lines (no header, no line end), sorted. */
	public List<String> lines() {
		List<String> lines = new ArrayList<>(entries.size());
		for (Entry e : entries)
			lines.add(WRITE.format(e.image().relativePath(), e.image().label().folderName(), e.split().csvName()));
		lines.sort(null);
		return lines;
	}

	/**
	 * A stable fingerprint for model packages: the lower-case hex SHA-256 of the UTF-8 bytes of {@link #lines()},
	 * each followed by '\n'. It does not depend on where the dataset lies; from a shell it is
	 * {@code tail -n +2 split.csv | LC_ALL=C sort | sha256sum} for an ASCII manifest.
	 */
	public String sha256() {
		try {
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			for (String line : lines()) md.update((line + "\n").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(md.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
		}
	}

	/** The manifest file's content: the header, then one row per image in relative-path order. */
	public String toCsv() {
		StringBuilder sb = new StringBuilder(WRITE.format((Object[]) HEADER)).append('\n');
		for (Entry e : entries) sb.append(WRITE.format(e.image().relativePath(), e.image().label().folderName(),
			e.split().csvName())).append('\n');
		return sb.toString();
	}

	/**
	 * Writes the manifest atomically. An existing file with the same content is left as is; one with other content
	 * is never replaced.
	 *
	 * @throws IllegalArgumentException if {@code file} exists with a different content
	 */
	public void write(Path file) throws IOException {
		write(file, false);
	}

	/** Writes the manifest atomically, replacing an existing different file only if {@code overwrite}. */
	public void write(Path file, boolean overwrite) throws IOException {
		String csv = toCsv();
		if (Files.exists(file) && !overwrite) {
			if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(csv)) return;
			throw new IllegalArgumentException("Split manifest " + file + " already exists with another split; " +
				"choose another name or allow overwriting");
		}
		AtomicFiles.writeString(file, csv);
	}

	/**
	 * Reads a manifest against a dataset read by {@link DatasetReader}. Images of the dataset that the manifest
	 * does not list are left out of the split.
	 *
	 * @throws IllegalArgumentException naming the manifest line if it lists a file the dataset lacks (missing on
	 *   disk or skipped as unreadable) or labels a file differently from its class folder
	 */
	public static SplitManifest read(Path file, Dataset dataset) throws IOException {
		Map<String, LabelledImage> byPath = new HashMap<>();
		for (LabelledImage i : dataset.images()) byPath.put(i.relativePath(), i);
		List<Entry> entries = new ArrayList<>();
		for (Row r : rows(file)) {
			LabelledImage image = byPath.get(r.path);
			if (image == null) throw r.error(Files.isRegularFile(dataset.root().resolve(r.path)) ?
				"is not part of dataset " + dataset.root() + " (it was skipped while reading the dataset)" :
				"is missing from dataset " + dataset.root());
			if (image.label() != r.label) throw r.error("is labelled " + r.label + " in the manifest but lies in the " +
				image.label() + " class folder");
			entries.add(new Entry(image, r.split));
		}
		return new SplitManifest(dataset.root(), entries);
	}

	/**
	 * Reads a manifest on its own: labels come from the manifest, files are only checked to exist under
	 * {@code root}.
	 *
	 * @throws IllegalArgumentException naming the manifest line of a missing file
	 */
	public static SplitManifest read(Path file, Path root) throws IOException {
		ErrorMessages.requireFolder(root, "Dataset folder");
		List<Entry> entries = new ArrayList<>();
		for (Row r : rows(file)) {
			if (!Files.isRegularFile(root.resolve(r.path))) throw r.error("is missing from dataset " + root);
			entries.add(new Entry(new LabelledImage(root.resolve(r.path), r.path, r.label), r.split));
		}
		return new SplitManifest(root, entries);
	}

	private static boolean isPlainRelative(String path) {
		for (String part : path.split("/", -1))
			if (part.isEmpty() || part.equals(".") || part.equals("..") || part.contains(":")) return false;
		return true;
	}

	private record Row(Path manifest, long line, String path, ClusterType label, Split split) {
		IllegalArgumentException error(String what) {
			return new IllegalArgumentException("Split manifest " + manifest + " line " + line + ": file " + path + " " +
				what);
		}
	}

	private static List<Row> rows(Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new IllegalArgumentException("Split manifest " + file +
			" does not exist");
		List<Row> rows = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
			CSVParser parser = READ.parse(in)) {
			if (!parser.getHeaderNames().containsAll(List.of(HEADER))) throw new IllegalArgumentException(
				"Split manifest " + file + " must have the header file,label,split; found " + parser.getHeaderNames());
			for (CSVRecord rec : parser) {
				long line = parser.getCurrentLineNumber();
				if (!rec.isConsistent()) throw new IllegalArgumentException("Split manifest " + file + " line " + line +
					" has " + rec.size() + " columns, expected " + HEADER.length);
				String path = rec.get("file").replace('\\', '/');
				ClusterType label;
				Split split;
				try {
					label = ClusterType.parse(rec.get("label"));
					split = Split.parse(rec.get("split"));
				} catch (IllegalArgumentException e) {
					throw new IllegalArgumentException("Split manifest " + file + " line " + line + ": " + e.getMessage(), e);
				}
				Row row = new Row(file, line, path, label, split);
				if (!isPlainRelative(path)) throw row.error("must be a path inside the dataset folder, relative to it, " +
					"without '.' or '..' parts");
				if (!seen.add(path)) throw row.error("is listed twice");
				rows.add(row);
			}
		}
		return rows;
	}
}
