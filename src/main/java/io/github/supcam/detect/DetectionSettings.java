package io.github.supcam.detect;

import ij.process.AutoThresholder;

/**
 * Settings of {@link ClusterDetector}. Lengths are in pixels and areas in square pixels; the defaults suit a
 * 1600x1200 bright-field metaphase (chromosomes about 25 px wide). For other magnifications use
 * {@link #scaled(double)}.
 *
 * @param polarity which side of the threshold is foreground, or {@link PolarityMode#AUTO} to decide from the histogram
 * @param backgroundRadius half-width of the grey opening that estimates the background for illumination
 *        flattening; larger than half the width of the widest solid blob; 0 disables it
 * @param smoothingSigma Gaussian sigma applied before thresholding, so that pale bands do not split a chromosome;
 *        0 disables it
 * @param thresholdMethod ImageJ auto-threshold method, run on the flattened, smoothed image
 * @param minContrast the threshold is at least this many grey levels above the background level (the histogram
 *        mode of the flattened image), so that an empty field yields no noise components
 * @param maxHoleArea holes in a component smaller than this are filled; larger ones (a loop enclosed by a
 *        cluster) are kept; 0 fills nothing
 * @param minArea components smaller than this are debris and dropped
 * @param maxArea components larger than this are dropped (nuclei, stain blotches)
 * @param dropNuclei whether to drop nucleus-like components (see the next three settings)
 * @param nucleusMinArea a component is nucleus-like only when at least this large,
 * @param nucleusMinSolidity ... at least this solid (area / convex-hull area),
 * @param nucleusMinRoundness ... and at least this round (minor / major axis of the inertia ellipse)
 */
public record DetectionSettings(PolarityMode polarity, double backgroundRadius, double smoothingSigma,
	AutoThresholder.Method thresholdMethod, int minContrast, int maxHoleArea, int minArea, int maxArea,
	boolean dropNuclei, int nucleusMinArea, double nucleusMinSolidity, double nucleusMinRoundness)
{
	/** Image polarity, or automatic detection of it. */
	public enum PolarityMode {
		/**
		 * Light-on-dark when the histogram reaches further above its median than below it (0.2 and 99.8
		 * percentiles), dark-on-light otherwise: the median is background, the objects form the longer tail.
		 */
		AUTO, DARK_ON_LIGHT, LIGHT_ON_DARK
	}

	public DetectionSettings {
		if (polarity == null) throw new IllegalArgumentException("polarity must be set");
		if (thresholdMethod == null) throw new IllegalArgumentException("thresholdMethod must be set");
		if (!(backgroundRadius == 0 || backgroundRadius >= 1 && backgroundRadius <= 10_000)) throw new
			IllegalArgumentException("backgroundRadius must be 0 (off) or 1..10000 px, got " + backgroundRadius);
		if (!(smoothingSigma >= 0 && smoothingSigma <= 100)) throw new IllegalArgumentException(
			"smoothingSigma must be 0..100 px, got " + smoothingSigma);
		if (minContrast < 0 || minContrast > 254) throw new IllegalArgumentException(
			"minContrast must be 0..254 grey levels, got " + minContrast);
		if (maxHoleArea < 0) throw new IllegalArgumentException("maxHoleArea must be >= 0, got " + maxHoleArea);
		if (minArea < 1) throw new IllegalArgumentException("minArea must be >= 1, got " + minArea);
		if (maxArea < minArea) throw new IllegalArgumentException("maxArea (" + maxArea +
			") must be >= minArea (" + minArea + ")");
		if (nucleusMinArea < 1) throw new IllegalArgumentException("nucleusMinArea must be >= 1, got " +
			nucleusMinArea);
		if (!(nucleusMinSolidity >= 0 && nucleusMinSolidity <= 1)) throw new IllegalArgumentException(
			"nucleusMinSolidity must be 0..1, got " + nucleusMinSolidity);
		if (!(nucleusMinRoundness >= 0 && nucleusMinRoundness <= 1)) throw new IllegalArgumentException(
			"nucleusMinRoundness must be 0..1, got " + nucleusMinRoundness);
	}

	/** Defaults tuned on a 1600x1200 bright-field metaphase (see docs/detection.md). */
	public static DetectionSettings defaults() {
		return new DetectionSettings(PolarityMode.AUTO, 150, 1.0, AutoThresholder.Method.Li, 10, 150, 200, 200_000,
			true, 5_000, 0.9, 0.6);
	}

	/**
	 * These settings for an image magnified by {@code factor} relative to the one they were made for: lengths
	 * scale by the factor, areas by its square (each at least 1 px where a positive value is required).
	 */
	public DetectionSettings scaled(double factor) {
		if (!(factor > 0 && Double.isFinite(factor))) throw new IllegalArgumentException(
			"Scale factor must be positive, got " + factor);
		double f2 = factor * factor;
		return new DetectionSettings(polarity, backgroundRadius == 0 ? 0 : Math.max(1, backgroundRadius * factor),
			smoothingSigma * factor, thresholdMethod, minContrast, (int) Math.round(maxHoleArea * f2),
			area(minArea * f2), area(maxArea * f2), dropNuclei, area(nucleusMinArea * f2), nucleusMinSolidity,
			nucleusMinRoundness);
	}

	private static int area(double a) {
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(a)));
	}

	public DetectionSettings withPolarity(PolarityMode v) {
		return new DetectionSettings(v, backgroundRadius, smoothingSigma, thresholdMethod, minContrast, maxHoleArea,
			minArea, maxArea, dropNuclei, nucleusMinArea, nucleusMinSolidity, nucleusMinRoundness);
	}

	public DetectionSettings withBackgroundRadius(double v) {
		return new DetectionSettings(polarity, v, smoothingSigma, thresholdMethod, minContrast, maxHoleArea,
			minArea, maxArea, dropNuclei, nucleusMinArea, nucleusMinSolidity, nucleusMinRoundness);
	}

	public DetectionSettings withSmoothingSigma(double v) {
		return new DetectionSettings(polarity, backgroundRadius, v, thresholdMethod, minContrast, maxHoleArea,
			minArea, maxArea, dropNuclei, nucleusMinArea, nucleusMinSolidity, nucleusMinRoundness);
	}

	public DetectionSettings withThresholdMethod(AutoThresholder.Method v) {
		return new DetectionSettings(polarity, backgroundRadius, smoothingSigma, v, minContrast, maxHoleArea,
			minArea, maxArea, dropNuclei, nucleusMinArea, nucleusMinSolidity, nucleusMinRoundness);
	}

	public DetectionSettings withMinContrast(int v) {
		return new DetectionSettings(polarity, backgroundRadius, smoothingSigma, thresholdMethod, v, maxHoleArea,
			minArea, maxArea, dropNuclei, nucleusMinArea, nucleusMinSolidity, nucleusMinRoundness);
	}

	public DetectionSettings withMaxHoleArea(int v) {
		return new DetectionSettings(polarity, backgroundRadius, smoothingSigma, thresholdMethod, minContrast, v,
			minArea, maxArea, dropNuclei, nucleusMinArea, nucleusMinSolidity, nucleusMinRoundness);
	}

	public DetectionSettings withMinArea(int v) {
		return new DetectionSettings(polarity, backgroundRadius, smoothingSigma, thresholdMethod, minContrast,
			maxHoleArea, v, maxArea, dropNuclei, nucleusMinArea, nucleusMinSolidity, nucleusMinRoundness);
	}

	public DetectionSettings withMaxArea(int v) {
		return new DetectionSettings(polarity, backgroundRadius, smoothingSigma, thresholdMethod, minContrast,
			maxHoleArea, minArea, v, dropNuclei, nucleusMinArea, nucleusMinSolidity, nucleusMinRoundness);
	}

	public DetectionSettings withDropNuclei(boolean v) {
		return new DetectionSettings(polarity, backgroundRadius, smoothingSigma, thresholdMethod, minContrast,
			maxHoleArea, minArea, maxArea, v, nucleusMinArea, nucleusMinSolidity, nucleusMinRoundness);
	}

	public DetectionSettings withNucleusMinArea(int v) {
		return new DetectionSettings(polarity, backgroundRadius, smoothingSigma, thresholdMethod, minContrast,
			maxHoleArea, minArea, maxArea, dropNuclei, v, nucleusMinSolidity, nucleusMinRoundness);
	}

	public DetectionSettings withNucleusMinSolidity(double v) {
		return new DetectionSettings(polarity, backgroundRadius, smoothingSigma, thresholdMethod, minContrast,
			maxHoleArea, minArea, maxArea, dropNuclei, nucleusMinArea, v, nucleusMinRoundness);
	}

	public DetectionSettings withNucleusMinRoundness(double v) {
		return new DetectionSettings(polarity, backgroundRadius, smoothingSigma, thresholdMethod, minContrast,
			maxHoleArea, minArea, maxArea, dropNuclei, nucleusMinArea, nucleusMinSolidity, v);
	}
}
