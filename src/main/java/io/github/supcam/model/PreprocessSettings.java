package io.github.supcam.model;

import io.github.supcam.image.Polarity;

/**
 * How a cluster crop becomes network input. Recorded in every model package, so classification applies exactly
 * what training applied.
 *
 * @param inputSize side of the square network input in pixels (the paper uses 224)
 * @param polarity polarity of the source images, or null to detect it per image from its border
 * @param targetWidth chromosome width in input pixels after scale normalisation; 0 switches it off (then crops
 *   are only scaled down when they do not fit)
 * @param minScale smallest scale factor scale normalisation may apply (guards against a bad width estimate)
 * @param maxScale largest scale factor scale normalisation may apply
 * @param normalizeContrast map the crop's background to 0 and its median chromosome pixel to 0.5 (per-crop
 *   contrast normalisation); when off, input is (background - value) / 255
 * @param margin empty border kept around the cluster on the input canvas, in pixels
 */
public record PreprocessSettings(int inputSize, Polarity polarity, double targetWidth, double minScale,
	double maxScale, boolean normalizeContrast, int margin)
{
	public PreprocessSettings {
		if (inputSize < 16 || inputSize > 1024) throw new IllegalArgumentException("inputSize must be in 16..1024, got " +
			inputSize);
		if (targetWidth < 0 || targetWidth > inputSize / 4.0) throw new IllegalArgumentException(
			"targetWidth must be 0 (off) or at most inputSize/4 = " + inputSize / 4.0 + ", got " + targetWidth);
		if (!(minScale > 0) || !(maxScale >= minScale)) throw new IllegalArgumentException(
			"need 0 < minScale <= maxScale, got " + minScale + ", " + maxScale);
		if (margin < 0 || 2 * margin >= inputSize) throw new IllegalArgumentException("margin must be in 0.." +
			(inputSize / 2 - 1) + ", got " + margin);
	}

	/** The paper's 224-pixel input, polarity detected, no scale normalisation, per-crop contrast normalisation. */
	public static PreprocessSettings paper() {
		return new PreprocessSettings(224, null, 0, 0.25, 4, true, 4);
	}

	/** Input for the bundled CPU model: small canvas with chromosomes normalised to a fixed width. */
	public static PreprocessSettings robust(int inputSize) {
		return new PreprocessSettings(inputSize, null, inputSize / 16.0, 0.25, 4, true, 2);
	}

	public PreprocessSettings withInputSize(int size) {
		return new PreprocessSettings(size, polarity, targetWidth, minScale, maxScale, normalizeContrast, margin);
	}

	public PreprocessSettings withPolarity(Polarity p) {
		return new PreprocessSettings(inputSize, p, targetWidth, minScale, maxScale, normalizeContrast, margin);
	}

	public PreprocessSettings withTargetWidth(double w) {
		return new PreprocessSettings(inputSize, polarity, w, minScale, maxScale, normalizeContrast, margin);
	}
}
