package io.github.supcam.image;

import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import java.util.Locale;

/**
 * A fixed change of resolution, focus and stain density, as another microscope, camera or stain makes it: the image
 * is scaled, then blurred, then its stain density scaled about the background. Used to check that a classifier's
 * answer does not depend on them ({@code evaluate-real --perturb}), and drawn at random by {@link Degradation}.
 *
 * @param scale scale factor (1: unchanged)
 * @param blur Gaussian σ in pixels of the scaled image (0: none)
 * @param contrast factor on the stain density (1: unchanged)
 */
public record Perturbation(double scale, double blur, double contrast) {
	/** No change. */
	public static final Perturbation NONE = new Perturbation(1, 0, 1);

	public Perturbation {
		if (!(scale >= 0.1 && scale <= 10)) throw new IllegalArgumentException("scale must be in [0.1, 10], got " +
			scale);
		if (!(blur >= 0 && blur <= 10)) throw new IllegalArgumentException("blur must be in [0, 10] pixels, got " +
			blur);
		if (!(contrast > 0 && contrast <= 10)) throw new IllegalArgumentException("contrast must be in (0, 10], got " +
			contrast);
	}

	/**
	 * Parses {@code scale=0.5,blur=1.5,contrast=0.7} (any of the three, in any order; the others stay unchanged).
	 *
	 * @throws IllegalArgumentException naming the part that is wrong
	 */
	public static Perturbation parse(String spec) {
		double scale = 1, blur = 0, contrast = 1;
		for (String part : spec.split(",")) {
			String[] kv = part.trim().split("=", 2);
			double v;
			try {
				v = kv.length == 2 ? Double.parseDouble(kv[1].trim()) : Double.NaN;
			} catch (NumberFormatException e) {
				v = Double.NaN;
			}
			if (Double.isNaN(v)) throw new IllegalArgumentException("Perturbation '" + spec + "': '" + part.trim() +
				"' is not key=number (keys: scale, blur, contrast)");
			switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
				case "scale" -> scale = v;
				case "blur" -> blur = v;
				case "contrast" -> contrast = v;
				default -> throw new IllegalArgumentException("Perturbation '" + spec + "': unknown key '" +
					kv[0].trim() + "' (keys: scale, blur, contrast)");
			}
		}
		return new Perturbation(scale, blur, contrast);
	}

	/** {@code img} changed (a new image), or {@code img} itself for {@link #NONE}. */
	public ArrayImg<UnsignedByteType, ByteArray> apply(ArrayImg<UnsignedByteType, ByteArray> img) {
		ArrayImg<UnsignedByteType, ByteArray> out = scale == 1 ? img : scaled(img, scale);
		if (blur > 0) out = blurred(out, blur);
		return contrast == 1 ? out : contrast(out, contrast);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "scale %s, blur σ %s px, contrast ×%s", num(scale), num(blur), num(contrast));
	}

	private static String num(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
	}

	/** Resized by {@code f} (bilinear; averaging when shrinking, as a coarser camera would). */
	public static ArrayImg<UnsignedByteType, ByteArray> scaled(ArrayImg<UnsignedByteType, ByteArray> img, double f) {
		ImageProcessor ip = new ByteProcessor(Gray8.width(img), Gray8.height(img), Gray8.pixels(img).clone());
		ip.setInterpolationMethod(ImageProcessor.BILINEAR);
		ImageProcessor r = ip.resize(Math.max(1, (int) Math.round(ip.getWidth() * f)),
			Math.max(1, (int) Math.round(ip.getHeight() * f)), f < 1);
		return Gray8.wrap((byte[]) r.getPixels(), r.getWidth(), r.getHeight());
	}

	/** Stain density (distance from the border's median grey) multiplied by {@code f}. */
	public static ArrayImg<UnsignedByteType, ByteArray> contrast(ArrayImg<UnsignedByteType, ByteArray> img, double f) {
		int bg = Intensity.borderMedian(img);
		byte[] px = Gray8.pixels(img).clone();
		for (int i = 0; i < px.length; i++) px[i] = clamp(bg - f * (bg - (px[i] & 0xff)));
		return Gray8.wrap(px, Gray8.width(img), Gray8.height(img));
	}

	/** Gaussian blur of the stain density, which is 0 on the background, so the border stays background. */
	public static ArrayImg<UnsignedByteType, ByteArray> blurred(ArrayImg<UnsignedByteType, ByteArray> img,
		double sigma)
	{
		int bg = Intensity.borderMedian(img), w = Gray8.width(img), h = Gray8.height(img);
		byte[] px = Gray8.pixels(img);
		float[] d = new float[px.length];
		for (int i = 0; i < px.length; i++) d[i] = bg - (px[i] & 0xff);
		Blur.gaussian2d(d, w, h, sigma);
		byte[] out = new byte[px.length];
		for (int i = 0; i < px.length; i++) out[i] = clamp(bg - d[i]);
		return Gray8.wrap(out, w, h);
	}

	private static byte clamp(double v) {
		return (byte) Math.max(0, Math.min(255, Math.round(v)));
	}
}
