package io.github.supcam.compose;

import io.github.supcam.dataset.ClusterType;

import java.util.Locale;
import java.util.Objects;

import static io.github.supcam.dataset.ClusterType.INSTANCE;
import static io.github.supcam.dataset.ClusterType.OVERLAPPING;
import static io.github.supcam.dataset.ClusterType.TOUCHING;
import static io.github.supcam.dataset.ClusterType.TOUCHING_OVERLAPPING;

/**
 * The label look-up tables of category-variant composition (SupCAM §2.2), read from the paper's text. A table maps
 * the two source labels and the case of the draw (touching: intersection ≤ P∩, overlapping: above it) to the
 * label of the composed image, or to "uncertain" ({@code null}), which makes the composer redraw. Pairs are
 * unordered: {@code label(a, b, c) == label(b, a, c)}. A composed image is never {@code instance}.
 * <ul>
 * <li>Touching case (all tables but NONE): touching-overlapping if either source is overlapping or
 * touching-overlapping, else touching.</li>
 * <li>Overlapping case, {@link #MIDDLE}: overlapping when both sources are instance or overlapping; uncertain
 * otherwise. {@link #HEAVY}: like MIDDLE but every uncertain cell is touching-overlapping. {@link #LIGHT}:
 * overlapping only for instance + instance; uncertain otherwise.</li>
 * <li>{@link #NONE}: no composition at all; every cell is uncertain and the composer returns the candidate.</li>
 * </ul>
 */
public enum LabelTable {
	MIDDLE, HEAVY, LIGHT, NONE;

	/**
	 * The composed label, or {@code null} when the table leaves this pair uncertain.
	 *
	 * @param overlappingCase true when the intersection exceeds the intersection threshold
	 */
	public ClusterType label(ClusterType primary, ClusterType candidate, boolean overlappingCase) {
		Objects.requireNonNull(primary, "primary label");
		Objects.requireNonNull(candidate, "candidate label");
		if (this == NONE) return null;
		if (!overlappingCase) return hasOverlap(primary) || hasOverlap(candidate) ? TOUCHING_OVERLAPPING : TOUCHING;
		if (this == LIGHT) return primary == INSTANCE && candidate == INSTANCE ? OVERLAPPING : null;
		if (isInstanceOrOverlapping(primary) && isInstanceOrOverlapping(candidate)) return OVERLAPPING;
		return this == HEAVY ? TOUCHING_OVERLAPPING : null;
	}

	/** False for {@link #NONE}, which turns composition off. */
	public boolean composes() {
		return this != NONE;
	}

	/** The lower-case name used on the command line and in augment.json. */
	public String cliName() {
		return name().toLowerCase(Locale.ROOT);
	}

	private static boolean hasOverlap(ClusterType t) {
		return t == OVERLAPPING || t == TOUCHING_OVERLAPPING;
	}

	private static boolean isInstanceOrOverlapping(ClusterType t) {
		return t == INSTANCE || t == OVERLAPPING;
	}
}
