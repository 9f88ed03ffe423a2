package io.github.supcam.real;

import java.util.Locale;

/** Why a harvest left out a box or a component. */
public enum Exclusion {
	/** The box lies wholly outside the image. */
	BOX_OUTSIDE_IMAGE("box outside the image"),
	/** No detected component spans the box: its chromosome was not detected (or only in part). */
	BOX_NOT_DETECTED("box not spanned by a detected component"),
	/** Two components together span the box: detection split its chromosome. */
	BOX_SPLIT("box split over two components"),
	/** A component with no box: debris, an interphase nucleus, or a stray fragment. */
	NO_BOX("component without a box (debris or nucleus)"),
	/** A component with too few of its pixels inside its boxes: a nucleus or debris is attached to it. */
	BEYOND_BOXES("component reaches beyond its boxes (nucleus or debris attached)"),
	/** A component holding part of a box that is not wholly its own, so its chromosome count is unsure. */
	PART_OF_EXCLUDED_BOX("component holds part of a split or undetected box");

	private final String description;

	Exclusion(String description) {
		this.description = description;
	}

	public String description() {
		return description;
	}

	/** Name in excluded.csv, e.g. {@code box_split}. */
	public String csvName() {
		return name().toLowerCase(Locale.ROOT);
	}
}
