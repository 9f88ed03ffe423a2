package io.github.supcam.synth;

import io.github.supcam.image.Gray8;
import io.github.supcam.image.Polarity;
import ij.plugin.filter.EDM;
import ij.process.AutoThresholder;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.Arrays;

/**
 * A few numbers that describe how a single-chromosome image looks, measured the same way on real crops and on
 * synthetic instances so the two can be compared. Gray values are reported dark-on-light (0 black, 255 white)
 * whatever the input's polarity.
 *
 * @param widthPx chromosome width: twice the median distance-to-background on the skeleton, minus one
 * @param lengthPx skeleton length (pixel count) plus one width for the two caps
 * @param chromosomeGray mean gray value of the foreground (Otsu threshold)
 * @param backgroundGray mean gray value of the background
 * @param bandRange 90th minus 10th percentile of the gray values on the skeleton: how strongly the bands differ
 */
public record ChromosomeStatistics(double widthPx, double lengthPx, double chromosomeGray, double backgroundGray,
	double bandRange)
{
	/** Measures one image that shows one chromosome; null when no foreground is found. */
	public static ChromosomeStatistics measure(ArrayImg<UnsignedByteType, ByteArray> img, Polarity polarity) {
		int w = Gray8.width(img), h = Gray8.height(img);
		byte[] src = Gray8.pixels(img);
		int[] gray = new int[src.length];
		int[] hist = new int[256];
		for (int i = 0; i < src.length; i++) {
			gray[i] = polarity == Polarity.DARK_ON_LIGHT ? src[i] & 0xff : 255 - (src[i] & 0xff);
			hist[gray[i]]++;
		}
		int t = new AutoThresholder().getThreshold(AutoThresholder.Method.Otsu, hist);
		ByteProcessor mask = new ByteProcessor(w, h);
		double fgSum = 0, bgSum = 0;
		int fg = 0;
		for (int i = 0; i < gray.length; i++)
			if (gray[i] <= t) {
				mask.set(i, 255);
				fgSum += gray[i];
				fg++;
			} else bgSum += gray[i];
		if (fg == 0 || fg == gray.length) return null;
		FloatProcessor edm = new EDM().makeFloatEDM(mask, 0, false);
		ByteProcessor skeleton = (ByteProcessor) mask.duplicate();
		skeleton.skeletonize(255);
		double[] dist = new double[fg], onSkeleton = new double[fg];
		int n = 0;
		for (int i = 0; i < gray.length; i++)
			if (skeleton.get(i) == 255) {
				dist[n] = edm.getf(i);
				onSkeleton[n++] = gray[i];
			}
		if (n == 0) return null;
		Percentile p = new Percentile();
		double width = 2 * p.evaluate(Arrays.copyOf(dist, n), 50) - 1;
		double[] sk = Arrays.copyOf(onSkeleton, n);
		return new ChromosomeStatistics(width, n + width, fgSum / fg, bgSum / (gray.length - fg),
			p.evaluate(sk, 90) - p.evaluate(sk, 10));
	}
}
