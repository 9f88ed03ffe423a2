package io.github.supcam.image;

/** Whether chromosomes are darker or lighter than the background. */
public enum Polarity {
	/** Dark chromosomes on a light background (ChrCluster, bright-field G-banding). The default. */
	DARK_ON_LIGHT,
	/** Light chromosomes on a dark background (inverted crops, e.g. the BioImLab set). */
	LIGHT_ON_DARK;

	/** True where a pixel value lies on the foreground side of {@code threshold}. */
	public boolean isForeground(int value, int threshold) {
		return this == DARK_ON_LIGHT ? value < threshold : value > threshold;
	}

	/** The background value of an 8-bit image of this polarity. */
	public int defaultBackground() {
		return this == DARK_ON_LIGHT ? 255 : 0;
	}

	public Polarity inverse() {
		return this == DARK_ON_LIGHT ? LIGHT_ON_DARK : DARK_ON_LIGHT;
	}
}
