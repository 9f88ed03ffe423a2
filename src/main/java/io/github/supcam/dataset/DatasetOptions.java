package io.github.supcam.dataset;

import io.github.supcam.image.Polarity;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How {@link DatasetReader} reads a dataset folder.
 *
 * @param numericMapping the class of each numbered folder, as in ChrCluster's {@code 0/ 1/ 2/ 3/} layout
 * @param ignoreUnknownFolders skip (and report in the problems) folders that name no class, instead of failing
 * @param validate decode every image while reading, so that corrupt files are reported and skipped up front;
 *   when false only names and extensions are checked and a corrupt file fails later, when it is used
 * @param polarity the images' polarity, or null to detect it per image
 */
public record DatasetOptions(Map<Integer, ClusterType> numericMapping, boolean ignoreUnknownFolders,
	boolean validate, Polarity polarity) {

	/** ChrCluster's numbering: 0 instance, 1 touching, 2 overlapping, 3 touching-overlapping. */
	public static final Map<Integer, ClusterType> CHRCLUSTER_MAPPING = Map.of(0, ClusterType.INSTANCE, 1,
		ClusterType.TOUCHING, 2, ClusterType.OVERLAPPING, 3, ClusterType.TOUCHING_OVERLAPPING);

	public DatasetOptions {
		if (numericMapping == null || numericMapping.isEmpty()) throw new IllegalArgumentException(
			"The numeric folder mapping must name at least one folder, e.g. " + format(CHRCLUSTER_MAPPING));
		Set<ClusterType> seen = EnumSet.noneOf(ClusterType.class);
		for (Map.Entry<Integer, ClusterType> e : numericMapping.entrySet()) {
			if (e.getKey() == null || e.getKey() < 0 || e.getValue() == null) throw new IllegalArgumentException(
				"Invalid numeric folder mapping entry " + e.getKey() + "=" + e.getValue());
			if (!seen.add(e.getValue())) throw new IllegalArgumentException("Numeric folder mapping " +
				format(numericMapping) + " maps two folders to " + e.getValue());
		}
		numericMapping = Map.copyOf(numericMapping);
	}

	/** ChrCluster numbering, unknown folders are errors, every image is decoded, polarity detected. */
	public static DatasetOptions defaults() {
		return new DatasetOptions(CHRCLUSTER_MAPPING, false, true, null);
	}

	public DatasetOptions withNumericMapping(Map<Integer, ClusterType> mapping) {
		return new DatasetOptions(mapping, ignoreUnknownFolders, validate, polarity);
	}

	/** Parses the mapping from text such as {@code 0=instance,1=touching,2=overlapping,3=touching-overlapping}. */
	public DatasetOptions withNumericMapping(String mapping) {
		return withNumericMapping(parseMapping(mapping));
	}

	public DatasetOptions withIgnoreUnknownFolders(boolean ignore) {
		return new DatasetOptions(numericMapping, ignore, validate, polarity);
	}

	public DatasetOptions withValidate(boolean v) {
		return new DatasetOptions(numericMapping, ignoreUnknownFolders, v, polarity);
	}

	/** @param p the images' polarity, or null to detect it */
	public DatasetOptions withPolarity(Polarity p) {
		return new DatasetOptions(numericMapping, ignoreUnknownFolders, validate, p);
	}

	/**
	 * Parses {@code number=class} pairs separated by commas (class names as {@link ClusterType#parse} accepts).
	 *
	 * @throws IllegalArgumentException naming the malformed pair
	 */
	public static Map<Integer, ClusterType> parseMapping(String text) {
		if (text == null || text.isBlank()) throw new IllegalArgumentException(
			"Empty numeric folder mapping; expected e.g. " + format(CHRCLUSTER_MAPPING));
		Map<Integer, ClusterType> m = new LinkedHashMap<>();
		for (String pair : text.split(",")) {
			String[] kv = pair.split("=", -1);
			if (kv.length != 2 || !kv[0].trim().matches("\\d+")) throw new IllegalArgumentException(
				"Bad numeric folder mapping entry '" + pair.trim() + "' in '" + text + "': expected number=class, e.g. " +
					format(CHRCLUSTER_MAPPING));
			int folder = Integer.parseInt(kv[0].trim());
			if (m.put(folder, ClusterType.parse(kv[1])) != null) throw new IllegalArgumentException(
				"Numeric folder mapping '" + text + "' names folder " + folder + " twice");
		}
		return m;
	}

	/** The mapping as text that {@link #parseMapping} reads back, in folder order. */
	public static String format(Map<Integer, ClusterType> mapping) {
		return new TreeMap<>(mapping).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining(","));
	}
}
