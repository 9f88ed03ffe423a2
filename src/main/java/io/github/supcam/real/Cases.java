package io.github.supcam.real;

import io.github.supcam.dataset.Split;
import io.github.supcam.dataset.SplitFractions;
import io.github.supcam.dataset.Splitter;
import io.github.supcam.util.AtomicFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.util.MathArrays;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which case (patient sample) an image belongs to, and the seeded split of cases into train, val and test: images
 * of one case always land in the same part, so no case is seen in training and judged in testing.
 */
public final class Cases {
	private Cases() {}

	/** 70/10/20, the real-data split. */
	public static final SplitFractions FRACTIONS = new SplitFractions(0.7, 0.1, 0.2);
	/** The seed of the real-data split. */
	public static final long SEED = 1;
	/** Name of the case table in a harvest folder. */
	public static final String CSV = "cases.csv";

	/**
	 * Compiles a case pattern: a regular expression with at least one group, searched in the file name without
	 * extension; its first group is the case.
	 */
	public static Pattern pattern(String regex) {
		Pattern p;
		try {
			p = Pattern.compile(regex);
		} catch (PatternSyntaxException e) {
			throw new IllegalArgumentException("Bad case pattern '" + regex + "': " + e.getDescription());
		}
		if (p.matcher("").groupCount() < 1) throw new IllegalArgumentException("Case pattern '" + regex +
			"' has no group; put the case in parentheses, e.g. '^(\\d+)-'");
		return p;
	}

	/**
	 * The case of an image file: by default its name without folders and extension, minus the last character
	 * ({@code 103071.jpg} is case {@code 10307}); with a pattern, the pattern's first group.
	 *
	 * @param pattern null for the default rule
	 * @throws IllegalArgumentException if the name is too short or the pattern does not match it
	 */
	public static String caseOf(String fileName, Pattern pattern) {
		String key = ImageAnnotation.key(fileName);
		if (pattern == null) {
			if (key.length() < 2) throw new IllegalArgumentException("Image name '" + fileName +
				"' is too short for the default case rule (name minus its last character); give a case pattern");
			return key.substring(0, key.length() - 1);
		}
		Matcher m = pattern.matcher(key);
		if (!m.find() || m.group(1) == null || m.group(1).isEmpty()) throw new IllegalArgumentException(
			"Case pattern '" + pattern + "' does not give a case for '" + key + "'");
		return m.group(1);
	}

	/**
	 * Splits the distinct cases: sorted, shuffled by a Well19937c generator seeded with {@code seed}, then cut in
	 * train, val and test by {@link Splitter#counts}. The result is in case order.
	 */
	public static Map<String, Split> split(Collection<String> cases, SplitFractions fractions, long seed) {
		List<String> sorted = List.copyOf(new TreeSet<>(cases));
		int[] order = MathArrays.natural(sorted.size());
		MathArrays.shuffle(order, new Well19937c(new int[] { (int) (seed >>> 32), (int) seed }));
		int[] counts = Splitter.counts(sorted.size(), fractions);
		Split[] part = new Split[sorted.size()];
		int next = 0;
		for (Split p : Split.values()) for (int i = 0; i < counts[p.ordinal()]; i++) part[order[next++]] = p;
		Map<String, Split> out = new LinkedHashMap<>();
		for (int i = 0; i < sorted.size(); i++) out.put(sorted.get(i), part[i]);
		return out;
	}

	/** The default split (70/10/20, seed 1) of the cases of these image file names under the default case rule. */
	public static Map<String, Split> defaultSplit(Collection<String> imageFiles) {
		return split(imageFiles.stream().map(f -> caseOf(f, null)).toList(), FRACTIONS, SEED);
	}

	/** Writes {@code case,split} rows atomically. */
	public static void writeCsv(Path file, Map<String, Split> split) throws IOException {
		AtomicFiles.write(file, out -> {
			try (CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
				CSVFormat.DEFAULT.builder().setHeader("case", "split").get()))
			{
				for (Map.Entry<String, Split> e : split.entrySet()) p.printRecord(e.getKey(), e.getValue().csvName());
			}
		});
	}

	/** Reads a {@code case,split} table as {@link #writeCsv} writes it. */
	public static Map<String, Split> readCsv(Path file) throws IOException {
		Map<String, Split> out = new LinkedHashMap<>();
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
				try {
					out.put(rec.get("case"), Split.parse(rec.get("split")));
				} catch (IllegalArgumentException e) {
					throw new IllegalArgumentException(file.getFileName() + " line " + rec.getRecordNumber() + ": " +
						e.getMessage());
				}
			}
		}
		return out;
	}
}
