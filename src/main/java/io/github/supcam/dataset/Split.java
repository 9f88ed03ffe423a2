package io.github.supcam.dataset;

import java.util.Locale;

/** The part of a dataset split an image belongs to. */
public enum Split {
	TRAIN, VAL, TEST;

	/** Name in manifests: {@code train}, {@code val}, {@code test}. */
	public String csvName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses a manifest name ({@code train}, {@code val}/{@code validation}, {@code test}), any case. */
	public static Split parse(String name) {
		String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		switch (n) {
			case "train": return TRAIN;
			case "val": case "validation": return VAL;
			case "test": return TEST;
			default: throw new IllegalArgumentException("Unknown split '" + name + "': expected train, val or test");
		}
	}
}
