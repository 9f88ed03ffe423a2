package io.github.supcam.image;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Random changes of resolution, focus and stain density, as another microscope, camera or stain makes them. Training
 * on changed copies teaches the classifier that a cluster's type does not depend on them. Each changed image gets
 * a {@link Perturbation} of all three, each of a random strength.
 *
 * @param probability share of images changed (0: none, and no random number is drawn)
 * @param minScale smallest scale factor; factors are drawn log-uniformly in [minScale, maxScale]
 * @param maxScale largest scale factor
 * @param maxBlur largest Gaussian σ in pixels of the scaled image; σ is drawn uniformly in [0, maxBlur]
 * @param contrast largest relative change of stain density; the factor is drawn uniformly in 1 ± contrast
 */
public record Degradation(double probability, double minScale, double maxScale, double maxBlur, double contrast) {
	/** No change. */
	public static final Degradation NONE = new Degradation(0, 1, 1, 0, 0);

	public Degradation {
		if (!(probability >= 0 && probability <= 1)) throw new IllegalArgumentException(
			"degradation probability must be in [0, 1], got " + probability);
		if (!(minScale >= 0.1 && minScale <= maxScale && maxScale <= 10)) throw new IllegalArgumentException(
			"degradation scales must satisfy 0.1 <= min <= max <= 10, got " + minScale + ".." + maxScale);
		if (!(maxBlur >= 0 && maxBlur <= 10)) throw new IllegalArgumentException(
			"degradation blur must be in [0, 10] pixels, got " + maxBlur);
		if (!(contrast >= 0 && contrast < 1)) throw new IllegalArgumentException(
			"degradation contrast must be in [0, 1), got " + contrast);
	}

	/**
	 * The changes the robustness targets name (issue 9): scale 0.5-2×, blur σ up to 2, stain density ±30%, applied to
	 * a share {@code probability} of the images ({@link #NONE} for 0).
	 */
	public static Degradation robustness(double probability) {
		return probability == 0 ? NONE : new Degradation(probability, 0.5, 2, 2, 0.3);
	}

	/** Whether any image is changed. */
	public boolean enabled() {
		return probability > 0;
	}

	/** {@code img} changed with this probability (a new image), or {@code img} itself. */
	public ArrayImg<UnsignedByteType, ByteArray> apply(ArrayImg<UnsignedByteType, ByteArray> img,
		RandomGenerator rng)
	{
		if (!enabled() || rng.nextDouble() >= probability) return img;
		double f = minScale * Math.exp(rng.nextDouble() * Math.log(maxScale / minScale));
		double sigma = rng.nextDouble() * maxBlur;
		double c = 1 + contrast * (2 * rng.nextDouble() - 1);
		return new Perturbation(f, sigma, c).apply(img);
	}
}
