package io.github.supcam.compose;

import io.github.supcam.image.Canvas;
import io.github.supcam.image.Intensity;
import io.github.supcam.image.Placement;
import io.github.supcam.image.Polarity;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * Settings of category-variant image composition (SupCAM §2.2, Algorithm 1). Defaults follow the paper:
 * MIDDLE table, P∩ = 200 intersection pixels, 10 attempts, 224×224 canvas.
 *
 * @param table the label look-up table
 * @param combine the ⊕ rule for overlapping pixels
 * @param intersectionThreshold P∩: a draw whose intersection has at most this many pixels is a touching case,
 *        above it an overlapping case
 * @param foregroundThreshold the indicator function's threshold: a pixel is foreground when
 *        {@code polarity.isForeground(value, foregroundThreshold)}
 * @param polarity whether chromosomes are darker or lighter than the background
 * @param backgroundValue the value written where neither cluster has foreground
 * @param maxAttempts how many shift draws are tried before the candidate is returned unchanged
 * @param requireContact when true, a draw whose clusters neither intersect nor touch (8-connected) is redrawn
 * @param size the side of the square canvas both inputs must have
 * @param adaptiveThreshold when true (the default), each image gets its own threshold
 *        {@value #DEFAULT_THRESHOLD_MARGIN} grey levels from its background (the median of its border), and the
 *        composed image's empty pixels take the primary's background; {@code foregroundThreshold} and
 *        {@code backgroundValue} then only apply to padding. Real slides differ in background level, and one fixed
 *        threshold would turn a grey background into foreground.
 */
public record CompositionSettings(LabelTable table, Combine combine, int intersectionThreshold,
	int foregroundThreshold, Polarity polarity, int backgroundValue, int maxAttempts, boolean requireContact,
	int size, boolean adaptiveThreshold)
{
	public static final int DEFAULT_INTERSECTION_THRESHOLD = 200;
	public static final int DEFAULT_MAX_ATTEMPTS = 10;
	public static final int DEFAULT_SIZE = 224;
	/** Distance of the default foreground threshold from the background value: JPEG noise and faint halos stay background. */
	public static final int DEFAULT_THRESHOLD_MARGIN = 25;

	public CompositionSettings {
		if (table == null) throw new IllegalArgumentException("Composition table must be set (middle, heavy, light or none)");
		if (combine == null) throw new IllegalArgumentException("Combine mode must be set (equal, beta or max)");
		if (polarity == null) throw new IllegalArgumentException("Polarity must be set");
		if (intersectionThreshold < 0) throw new IllegalArgumentException("Intersection threshold must be >= 0, got " +
			intersectionThreshold);
		if (backgroundValue < 0 || backgroundValue > 255) throw new IllegalArgumentException(
			"Background value must be 0..255, got " + backgroundValue);
		if (foregroundThreshold < 0 || foregroundThreshold > 255) throw new IllegalArgumentException(
			"Foreground threshold must be 0..255, got " + foregroundThreshold);
		if (!adaptiveThreshold && polarity.isForeground(backgroundValue, foregroundThreshold)) throw new IllegalArgumentException(
			"Foreground threshold " + foregroundThreshold + " makes the background value " + backgroundValue +
				" foreground for " + polarity + "; use a threshold " + (polarity == Polarity.DARK_ON_LIGHT ? "<= " : ">= ") +
				backgroundValue);
		if (!polarity.isForeground(0, foregroundThreshold) && !polarity.isForeground(255, foregroundThreshold))
			throw new IllegalArgumentException("Foreground threshold " + foregroundThreshold +
				" leaves no value foreground for " + polarity);
		if (maxAttempts < 1) throw new IllegalArgumentException("Max attempts must be >= 1, got " + maxAttempts);
		if (size < 2 || size > 8192) throw new IllegalArgumentException("Canvas size must be 2..8192, got " + size);
	}

	/** The paper's settings for dark chromosomes on a white (255) background. */
	public static CompositionSettings defaults() {
		Polarity p = Polarity.DARK_ON_LIGHT;
		return new CompositionSettings(LabelTable.MIDDLE, Combine.EQUAL, DEFAULT_INTERSECTION_THRESHOLD,
			defaultForegroundThreshold(p, p.defaultBackground()), p, p.defaultBackground(), DEFAULT_MAX_ATTEMPTS, true,
			DEFAULT_SIZE, true);
	}

	public CompositionSettings withAdaptiveThreshold(boolean a) {
		return new CompositionSettings(table, combine, intersectionThreshold, foregroundThreshold, polarity,
			backgroundValue, maxAttempts, requireContact, size, a);
	}

	/**
	 * Places one composition input on this canvas. With the adaptive threshold an image is padded with its own
	 * background (the median of its border), so the padding stays background; otherwise with {@code backgroundValue}.
	 */
	public Placement place(ArrayImg<UnsignedByteType, ByteArray> img) {
		return Canvas.fit(img, size, adaptiveThreshold ? Intensity.borderMedian(img) : backgroundValue);
	}

	/** The threshold of one image whose background is {@code backgroundValue}, as the adaptive mode uses it. */
	public int thresholdFor(int imageBackground) {
		return adaptiveThreshold ? defaultForegroundThreshold(polarity, imageBackground) : foregroundThreshold;
	}

	/** {@value #DEFAULT_THRESHOLD_MARGIN} grey levels from the background towards the foreground side (230 for dark on 255). */
	public static int defaultForegroundThreshold(Polarity polarity, int backgroundValue) {
		return polarity == Polarity.DARK_ON_LIGHT ? Math.max(1, backgroundValue - DEFAULT_THRESHOLD_MARGIN)
			: Math.min(254, backgroundValue + DEFAULT_THRESHOLD_MARGIN);
	}

	public CompositionSettings withTable(LabelTable t) {
		return new CompositionSettings(t, combine, intersectionThreshold, foregroundThreshold, polarity,
			backgroundValue, maxAttempts, requireContact, size, adaptiveThreshold);
	}

	public CompositionSettings withCombine(Combine c) {
		return new CompositionSettings(table, c, intersectionThreshold, foregroundThreshold, polarity,
			backgroundValue, maxAttempts, requireContact, size, adaptiveThreshold);
	}

	public CompositionSettings withIntersectionThreshold(int t) {
		return new CompositionSettings(table, combine, t, foregroundThreshold, polarity, backgroundValue,
			maxAttempts, requireContact, size, adaptiveThreshold);
	}

	/** A fixed threshold for every image (switches the adaptive threshold off). */
	public CompositionSettings withForegroundThreshold(int t) {
		return new CompositionSettings(table, combine, intersectionThreshold, t, polarity, backgroundValue,
			maxAttempts, requireContact, size, false);
	}

	/** Switches polarity and background value, and re-derives the default foreground threshold for them. */
	public CompositionSettings withPolarity(Polarity p, int background) {
		return new CompositionSettings(table, combine, intersectionThreshold, defaultForegroundThreshold(p, background),
			p, background, maxAttempts, requireContact, size, adaptiveThreshold);
	}

	public CompositionSettings withMaxAttempts(int n) {
		return new CompositionSettings(table, combine, intersectionThreshold, foregroundThreshold, polarity,
			backgroundValue, n, requireContact, size, adaptiveThreshold);
	}

	public CompositionSettings withRequireContact(boolean r) {
		return new CompositionSettings(table, combine, intersectionThreshold, foregroundThreshold, polarity,
			backgroundValue, maxAttempts, r, size, adaptiveThreshold);
	}

	public CompositionSettings withSize(int s) {
		return new CompositionSettings(table, combine, intersectionThreshold, foregroundThreshold, polarity,
			backgroundValue, maxAttempts, requireContact, s, adaptiveThreshold);
	}
}
