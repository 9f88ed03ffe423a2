package io.github.supcam.real;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.util.Checksums;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Hand-labelled real components, as in {@code labels/g-banded-val-clusters.csv} ({@code image,x,y,width,height,
 * label,...}): each row names a harvested component by its image and bounding box and gives its type. A value
 * holds only valid rows: every label one of the four types, no component twice. Written into {@code mixed.json} as
 * the file's name, row count and SHA-256 only (the rows themselves are {@code transient}).
 */
public final class LabelledClusters {
	/** One row; {@code line} is its line in the file (the header is line 1), to name it in messages. */
	public record Row(int line, String image, int x, int y, int width, int height, ClusterType type) {
		/** The component this row names, as {@link Harvester.Row#componentKey()} names harvested ones. */
		public String componentKey() {
			return Harvester.componentKey(image, x, y, width, height);
		}
	}

	private final String file;
	private final int rows;
	private final String sha256;
	private final transient List<Row> entries;

	private LabelledClusters(String file, String sha256, List<Row> entries) {
		this.file = file;
		this.rows = entries.size();
		this.sha256 = sha256;
		this.entries = List.copyOf(entries);
	}

	/**
	 * Reads a hand-label CSV; labels are read as {@link ClusterType#tryParse} reads class folders.
	 *
	 * @throws IllegalArgumentException naming the lines with an unknown label, the lines that repeat a component,
	 *   a missing column or a malformed number, or an empty file
	 */
	public static LabelledClusters read(Path csv) throws IOException {
		if (!Files.isRegularFile(csv)) throw new IllegalArgumentException("No hand-label file " + csv);
		String where = "Hand-labelled clusters " + csv.getFileName();
		List<Row> rows = new ArrayList<>();
		List<String> unknown = new ArrayList<>(), repeated = new ArrayList<>();
		Map<String, Integer> firstLine = new HashMap<>();
		try {
			for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
				.parse(new StringReader(Files.readString(csv))))
			{
				int line = (int) r.getRecordNumber() + 1;
				ClusterType type = ClusterType.tryParse(r.get("label"));
				if (type == null) unknown.add("line " + line + " ('" + r.get("label") + "')");
				Row row = new Row(line, r.get("image"), Integer.parseInt(r.get("x")), Integer.parseInt(r.get("y")),
					Integer.parseInt(r.get("width")), Integer.parseInt(r.get("height")), type);
				Integer first = firstLine.putIfAbsent(row.componentKey(), line);
				if (first != null) repeated.add("line " + line + " repeats line " + first + " (" + row.componentKey() + ")");
				rows.add(row);
			}
		} catch (IllegalArgumentException | IllegalStateException e) {
			// commons-csv: a missing column; Integer.parseInt: a malformed number
			throw new IllegalArgumentException(where + ": " + e.getMessage() + " (expected the columns image,x,y," +
				"width,height,label)", e);
		}
		List<String> problems = new ArrayList<>();
		if (!unknown.isEmpty()) problems.add("unknown label at " + String.join(", ", unknown) + "; expected " +
			"instance, touching, overlapping or touching-overlapping");
		if (!repeated.isEmpty()) problems.add("duplicate rows: " + String.join(", ", repeated));
		if (rows.isEmpty()) problems.add("no rows");
		if (!problems.isEmpty()) throw new IllegalArgumentException(where + ": " + String.join("; ", problems));
		return new LabelledClusters(csv.getFileName().toString(), Checksums.sha256(csv), rows);
	}

	/** The file's name, without its folder. */
	public String file() {
		return file;
	}

	/** SHA-256 of the file's bytes, hex. */
	public String sha256() {
		return sha256;
	}

	/** The rows, in the file's order. */
	public List<Row> rows() {
		return entries;
	}
}
