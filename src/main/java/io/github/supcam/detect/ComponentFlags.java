package io.github.supcam.detect;

import io.github.supcam.image.Gray8;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Marks detected components that are probably not chromosomes, so that a classification never presents them as
 * chromosome clusters silently: {@code nucleus} (large, round and solid, yet below the detector's nucleus filter),
 * {@code debris} (smaller than any chromosome, or much paler than the image's chromosomes), and {@code border}
 * (cut by the image border, so possibly a partial nucleus or chromosome). The first rule that applies wins, in that
 * order; an unflagged component gets the empty string. The defaults were fitted on the training cases of 517 real
 * G-banded spreads (docs/detection.md): chromosomes about 18-20 px wide, components without any annotated
 * chromosome as negatives. Paleness is measured against the image's own stain, not in grey levels, because another
 * laboratory's stain or exposure can make every chromosome of a spread paler than the fitted spreads' debris.
 *
 * @param debrisMaxArea a component smaller than this (px) is debris
 * @param paleFraction a component whose contrast (mean grey against the background) is below this fraction of
 *   the image's typical contrast is debris; typical is the area-weighted median over the image's components, which
 *   the chromosomes set, as they cover most of the foreground
 * @param nucleusMinArea a component at least this large (px),
 * @param nucleusMinRoundness ... at least this round (minor / major inertia axis),
 * @param nucleusMinSolidity ... and at least this solid is a nucleus
 */
public record ComponentFlags(int debrisMaxArea, double paleFraction, int nucleusMinArea, double nucleusMinRoundness,
	double nucleusMinSolidity)
{
	public static final String NUCLEUS = "nucleus", DEBRIS = "debris", BORDER = "border";

	public ComponentFlags {
		if (debrisMaxArea < 0) throw new IllegalArgumentException("debrisMaxArea must be >= 0, got " + debrisMaxArea);
		if (!(paleFraction >= 0 && paleFraction <= 1)) throw new IllegalArgumentException(
			"paleFraction must be 0..1, got " + paleFraction);
		if (nucleusMinArea < 1) throw new IllegalArgumentException("nucleusMinArea must be >= 1, got " + nucleusMinArea);
		if (!(nucleusMinRoundness >= 0 && nucleusMinRoundness <= 1)) throw new IllegalArgumentException(
			"nucleusMinRoundness must be 0..1, got " + nucleusMinRoundness);
		if (!(nucleusMinSolidity >= 0 && nucleusMinSolidity <= 1)) throw new IllegalArgumentException(
			"nucleusMinSolidity must be 0..1, got " + nucleusMinSolidity);
	}

	/** 400 px, half the typical contrast, nuclei from 2000 px with roundness 0.5 and solidity 0.85. */
	public static ComponentFlags defaults() {
		return new ComponentFlags(400, 0.5, 2000, 0.5, 0.85);
	}

	/** The flag of each component of {@code detection}, in id order. */
	public List<String> flags(ArrayImg<UnsignedByteType, ByteArray> image, DetectionResult detection) {
		int background = ClusterCrop.backgroundLevel(image, detection.labels());
		int n = detection.clusters().size();
		long[] sum = new long[n + 1];
		byte[] px = Gray8.pixels(image);
		int[] labels = detection.labels().array();
		for (int i = 0; i < px.length; i++) sum[labels[i]] += px[i] & 0xff;
		List<DetectedCluster> clusters = detection.clusters();
		double[] contrast = new double[n];
		for (int i = 0; i < n; i++) contrast[i] = Math.abs(background - (double) sum[clusters.get(i).id()] /
			clusters.get(i).area());
		double pale = paleFraction * typicalContrast(clusters, contrast);
		List<String> out = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			DetectedCluster c = clusters.get(i);
			if (c.area() >= nucleusMinArea && c.roundness() >= nucleusMinRoundness && c.solidity() >= nucleusMinSolidity)
				out.add(NUCLEUS);
			else if (c.area() < debrisMaxArea || contrast[i] < pale) out.add(DEBRIS);
			else if (c.touchesBorder()) out.add(BORDER);
			else out.add("");
		}
		return out;
	}

	/** The contrast that half of the components' area lies below; 0 without components. */
	static double typicalContrast(List<DetectedCluster> clusters, double[] contrast) {
		Integer[] order = new Integer[contrast.length];
		long total = 0;
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
			total += clusters.get(i).area();
		}
		Arrays.sort(order, Comparator.comparingDouble(i -> contrast[i]));
		long cumulative = 0;
		for (int i : order) {
			cumulative += clusters.get(i).area();
			if (2 * cumulative >= total) return contrast[i];
		}
		return 0;
	}
}
