package io.github.supcam.classify;

import io.github.supcam.detect.DetectionSettings;

/**
 * How clusters are found, cut out and classified. Recorded with every Results file.
 *
 * @param margin pixels of background kept around each cluster's bounding box when cropping
 * @param lowConfidence a prediction whose top probability is below this is flagged low-confidence
 * @param testTimeAugmentation average the predictions of the 8 flips/quarter turns of each crop (on by default:
 *   on the real test cases it gives the right answer more often; see docs/real-data.md)
 * @param batchSize crops per network batch
 * @param detection how clusters are detected in a whole image
 */
public record ClassifySettings(int margin, double lowConfidence, boolean testTimeAugmentation, int batchSize,
	DetectionSettings detection)
{
	public ClassifySettings {
		if (margin < 0 || margin > 200) throw new IllegalArgumentException("margin must be in 0..200 px, got " + margin);
		if (!(lowConfidence >= 0 && lowConfidence <= 1)) throw new IllegalArgumentException(
			"low-confidence threshold must be in [0, 1], got " + lowConfidence);
		if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
		if (detection == null) throw new IllegalArgumentException("detection settings are required");
	}

	public static ClassifySettings defaults() {
		return new ClassifySettings(8, 0.5, true, 32, DetectionSettings.defaults());
	}

	public ClassifySettings withLowConfidence(double t) {
		return new ClassifySettings(margin, t, testTimeAugmentation, batchSize, detection);
	}

	public ClassifySettings withTestTimeAugmentation(boolean tta) {
		return new ClassifySettings(margin, lowConfidence, tta, batchSize, detection);
	}

	public ClassifySettings withDetection(DetectionSettings d) {
		return new ClassifySettings(margin, lowConfidence, testTimeAugmentation, batchSize, d);
	}

	public ClassifySettings withMargin(int m) {
		return new ClassifySettings(m, lowConfidence, testTimeAugmentation, batchSize, detection);
	}
}
