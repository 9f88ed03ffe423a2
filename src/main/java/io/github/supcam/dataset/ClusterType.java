package io.github.supcam.dataset;

import java.util.Locale;

/**
 * The four chromosome-cluster types of ChrCluster and SupCAM. The ordinal is the class index used by every
 * network head and written into every model package.
 */
public enum ClusterType {
	INSTANCE("instance", "I"),
	TOUCHING("touching", "T"),
	OVERLAPPING("overlapping", "O"),
	TOUCHING_OVERLAPPING("touching-overlapping", "TO");

	private final String folderName;
	private final String shortLabel;

	ClusterType(String folderName, String shortLabel) {
		this.folderName = folderName;
		this.shortLabel = shortLabel;
	}

	/** Canonical folder / CSV name, e.g. {@code touching-overlapping}. */
	public String folderName() {
		return folderName;
	}

	/** Short label for overlays, e.g. {@code TO}. */
	public String shortLabel() {
		return shortLabel;
	}

	@Override
	public String toString() {
		return folderName;
	}

	/**
	 * Parses the common spellings people use for class folders: {@code touching-overlapping},
	 * {@code touching_overlapping}, {@code TouchingOverlapping}, {@code touch_overlap}, {@code single} ...
	 *
	 * @throws IllegalArgumentException naming the unknown name and the accepted ones
	 */
	public static ClusterType parse(String name) {
		ClusterType t = tryParse(name);
		if (t == null) throw new IllegalArgumentException("Unknown cluster type '" + name +
			"': expected one of instance, touching, overlapping, touching-overlapping");
		return t;
	}

	/** Like {@link #parse} but returns null for an unknown name. */
	public static ClusterType tryParse(String name) {
		if (name == null) return null;
		String n = name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
		switch (n) {
			case "instance": case "instances": case "single": case "singles": case "isolated": case "i":
				return INSTANCE;
			case "touching": case "touch": case "t":
				return TOUCHING;
			case "overlapping": case "overlap": case "overlapped": case "o":
				return OVERLAPPING;
			case "touchingoverlapping": case "touchoverlap": case "touchingandoverlapping":
			case "overlappingtouching": case "to": case "both": case "mixed":
				return TOUCHING_OVERLAPPING;
			default:
				return null;
		}
	}

	/** The type with the given class index. */
	public static ClusterType ofIndex(int index) {
		ClusterType[] all = values();
		if (index < 0 || index >= all.length) throw new IllegalArgumentException("Class index " + index +
			" out of range 0.." + (all.length - 1));
		return all[index];
	}
}
