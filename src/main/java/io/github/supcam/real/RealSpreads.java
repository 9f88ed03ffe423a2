package io.github.supcam.real;

import io.github.supcam.detect.DetectionSettings;

/** Detection settings for real clinical G-banded spreads (see docs/detection.md). */
public final class RealSpreads {
	private RealSpreads() {}

	public static DetectionSettings detection() {
		return DetectionSettings.defaults();
	}
}
