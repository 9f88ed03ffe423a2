package io.github.supcam.real;

import io.github.supcam.classify.ClassifySettings;
import io.github.supcam.dataset.SplitFractions;
import io.github.supcam.detect.DetectionSettings;

/**
 * Settings of a {@link Harvester} run, written into its output as {@code harvest.json}.
 *
 * @param detection how components are found; the same detector classification uses
 * @param margin background kept around each crop, in pixels; classification's margin, so a harvested crop looks
 *        exactly like the crop the classifier sees at inference
 * @param minSpan fraction of a box's width and height a component must reach across to hold the box (see
 *        {@link BoxAssignment})
 * @param splitShare least share of the second of two components in a box for the box to count as split
 * @param minInside least fraction of a component's pixels inside its boxes; below it, something (a nucleus,
 *        debris) is attached and the component is excluded
 * @param casePattern regular expression whose first group is an image's case, searched in the file name without
 *        extension; null for the default rule (the name minus its last character)
 * @param fractions train/val/test fractions of the case split
 * @param seed seed of the case split
 */
public record HarvestSettings(DetectionSettings detection, int margin, double minSpan, double splitShare,
	double minInside, String casePattern, SplitFractions fractions, long seed)
{
	public HarvestSettings {
		if (detection == null) throw new IllegalArgumentException("detection settings must be set");
		if (margin < 0 || margin > 200) throw new IllegalArgumentException("margin must be in 0..200 px, got " + margin);
		if (!(minSpan > 0 && minSpan <= 1)) throw new IllegalArgumentException("minSpan must be in (0, 1], got " + minSpan);
		if (!(splitShare > 0 && splitShare <= 0.5)) throw new IllegalArgumentException(
			"splitShare must be in (0, 0.5], got " + splitShare);
		if (!(minInside >= 0 && minInside <= 1)) throw new IllegalArgumentException(
			"minInside must be in [0, 1], got " + minInside);
		if (casePattern != null) Cases.pattern(casePattern);
		if (fractions == null) throw new IllegalArgumentException("split fractions must be set");
	}

	/**
	 * Real G-banded spreads: {@link RealSpreads#detection()}, classification's margin, a component must reach across
	 * half a box's width and height (boxes are loose across a straight chromosome: a vertical one 21 px wide may have
	 * a 35 px wide box), a second component holding a quarter of a box splits it, 80% of a component's pixels must lie
	 * in its boxes, the default case rule and the 70/10/20 split with seed 1.
	 */
	public static HarvestSettings defaults() {
		return new HarvestSettings(RealSpreads.detection(), ClassifySettings.defaults().margin(), 0.5, 0.25, 0.8, null,
			Cases.FRACTIONS, Cases.SEED);
	}

	public HarvestSettings withCasePattern(String regex) {
		return new HarvestSettings(detection, margin, minSpan, splitShare, minInside, regex, fractions, seed);
	}

	public HarvestSettings withDetection(DetectionSettings d) {
		return new HarvestSettings(d, margin, minSpan, splitShare, minInside, casePattern, fractions, seed);
	}
}
