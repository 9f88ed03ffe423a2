package io.github.supcam.classify;

import ij.measure.ResultsTable;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.util.AtomicFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Results table of a classification, in the same columns for the CSV file and for ImageJ's ResultsTable (so
 * a macro's {@code getResult("predicted", i)} reads what the CSV holds).
 */
public final class Results {
	private Results() {}

	public static final List<String> COLUMNS;
	static {
		List<String> c = new ArrayList<>(List.of("image", "cluster", "x", "y", "width", "height", "area",
			"touches_border", "predicted"));
		for (ClusterType t : ClusterType.values()) c.add(probabilityColumn(t));
		c.add("confidence");
		c.add("low_confidence");
		c.add("flag");
		COLUMNS = List.copyOf(c);
	}

	public static String probabilityColumn(ClusterType t) {
		return "p_" + t.folderName().replace('-', '_');
	}

	static List<Object> values(ClusterResult r) {
		List<Object> v = new ArrayList<>(List.of(r.image(), r.cluster(), r.bounds().x, r.bounds().y,
			r.bounds().width, r.bounds().height, r.area(), r.touchesBorder(), r.predicted().folderName()));
		for (double p : r.probabilities()) v.add(String.format(Locale.ROOT, "%.4f", p));
		v.add(String.format(Locale.ROOT, "%.4f", r.confidence()));
		v.add(r.lowConfidence());
		v.add(r.flag());
		return v;
	}

	/** Writes the rows as CSV atomically: an interrupted batch never leaves half a file. */
	public static void writeCsv(Path file, List<ClusterResult> rows) throws IOException {
		AtomicFiles.write(file, out -> {
			try (CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
				CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get()))
			{
				for (ClusterResult r : rows) p.printRecord(values(r));
			}
		});
	}

	/** Appends the rows to an ImageJ ResultsTable; numbers stay numbers, so macros can compute with them. */
	public static void addTo(ResultsTable rt, List<ClusterResult> rows) {
		for (ClusterResult r : rows) {
			rt.incrementCounter();
			rt.addValue("image", r.image());
			rt.addValue("cluster", r.cluster());
			rt.addValue("x", r.bounds().x);
			rt.addValue("y", r.bounds().y);
			rt.addValue("width", r.bounds().width);
			rt.addValue("height", r.bounds().height);
			rt.addValue("area", r.area());
			rt.addValue("touches_border", r.touchesBorder() ? 1 : 0);
			rt.addValue("predicted", r.predicted().folderName());
			for (ClusterType t : ClusterType.values()) rt.addValue(probabilityColumn(t), r.probabilities()[t.ordinal()]);
			rt.addValue("confidence", r.confidence());
			rt.addValue("low_confidence", r.lowConfidence() ? 1 : 0);
			rt.addValue("flag", r.flag());
		}
	}

	/** Counts per type, in ordinal order, every type present. */
	public static Map<ClusterType, Integer> counts(List<ClusterResult> rows) {
		Map<ClusterType, Integer> counts = new EnumMap<>(ClusterType.class);
		for (ClusterType t : ClusterType.values()) counts.put(t, 0);
		for (ClusterResult r : rows) counts.merge(r.predicted(), 1, Integer::sum);
		return counts;
	}

	/** One line per image, e.g. {@code cells.tif: 12 clusters: instance 7, touching 3, ... (1 low confidence)}. */
	public static String summary(String image, List<ClusterResult> rows) {
		StringBuilder sb = new StringBuilder(image).append(": ").append(rows.size())
			.append(rows.size() == 1 ? " cluster" : " clusters");
		String sep = ": ";
		for (Map.Entry<ClusterType, Integer> e : counts(rows).entrySet()) {
			sb.append(sep).append(e.getKey().folderName()).append(' ').append(e.getValue());
			sep = ", ";
		}
		long low = rows.stream().filter(ClusterResult::lowConfidence).count();
		if (low > 0) sb.append(" (").append(low).append(" low confidence)");
		return sb.toString();
	}
}
