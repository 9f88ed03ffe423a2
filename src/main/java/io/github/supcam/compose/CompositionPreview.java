package io.github.supcam.compose;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.ImageFiles;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.apache.commons.math3.random.Well19937c;

/**
 * One composition draw shown side by side: the primary Ip, the candidate Ic and the result Ig, with the pixels
 * where the two foregrounds intersect tinted red on Ig. The title names the label, intersection and attempts, so
 * a user can check the look-up table's decision by eye.
 */
public final class CompositionPreview {
	private CompositionPreview() {}

	/** The draw and its picture. */
	public record Preview(CompositionResult result, ImagePlus image) {}

	/**
	 * Composes {@code primary} and {@code candidate} (each first placed on the settings' square canvas) with the
	 * given seed. Either image may be any 8-bit/16-bit/RGB ImagePlus; its ROI, if any, crops it first.
	 */
	public static Preview render(ImagePlus primary, ClusterType primaryLabel, ImagePlus candidate,
		ClusterType candidateLabel, CompositionSettings settings, long seed)
	{
		ArrayImg<UnsignedByteType, ByteArray> p = place(primary, settings);
		ArrayImg<UnsignedByteType, ByteArray> c = place(candidate, settings);
		CompositionResult r = new Composer(settings, new Well19937c(seed)).compose(p, primaryLabel, c, candidateLabel);
		int n = settings.size(), gap = 4;
		ColorProcessor out = new ColorProcessor(3 * n + 2 * gap, n);
		out.setColor(java.awt.Color.WHITE);
		out.fill();
		draw(out, p, null, 0);
		draw(out, c, null, n + gap);
		draw(out, r.image(), r.intersectionMask(), 2 * (n + gap));
		String title = String.format("Ip %s + Ic %s -> Ig %s (%s, intersection %d px, %d attempt%s, seed %d)",
			primaryLabel, candidateLabel, r.label(), r.source().csvName(), r.intersection(), r.attempts(),
			r.attempts() == 1 ? "" : "s", seed);
		return new Preview(r, new ImagePlus(title, out));
	}

	private static ArrayImg<UnsignedByteType, ByteArray> place(ImagePlus imp, CompositionSettings s) {
		ImagePlus src = imp.getRoi() != null && imp.getRoi().isArea() ? imp.crop() : imp;
		// Placed exactly as Augment Dataset places its inputs, so the preview shows what augmentation would compose.
		return s.place(ImageFiles.toGray8(src)).image();
	}

	private static void draw(ColorProcessor out, ArrayImg<UnsignedByteType, ByteArray> img,
		ArrayImg<UnsignedByteType, ByteArray> overlap, int x0)
	{
		int n = Gray8.width(img);
		byte[] px = Gray8.pixels(img);
		byte[] ov = overlap == null ? null : Gray8.pixels(overlap);
		for (int y = 0; y < n; y++) for (int x = 0; x < n; x++) {
			int i = y * n + x, g = px[i] & 0xff;
			int rgb = (g << 16) | (g << 8) | g;
			// Intersection pixels are blended half-way to red, so their grey values stay visible.
			if (ov != null && ov[i] != 0) rgb = ((g + 255) / 2 << 16) | ((g / 2) << 8) | (g / 2);
			out.set(x0 + x, y, rgb);
		}
	}
}
