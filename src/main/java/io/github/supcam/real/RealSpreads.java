package io.github.supcam.real;

import io.github.supcam.detect.DetectionSettings;

/**
 * Detection settings for real clinical G-banded spreads (500-1,100 px, chromosomes about 18-20 px wide, JPEG): the
 * defaults with the threshold at least 25 grey levels above the flattened background instead of 10. On dense
 * spreads with a darker centre, Li's threshold can fall to within 10 levels of the background and the whole centre
 * becomes one component; see docs/detection.md for the measurements behind it.
 */
public final class RealSpreads {
	private RealSpreads() {}

	public static DetectionSettings detection() {
		return DetectionSettings.defaults().withMinContrast(25);
	}
}
