package io.github.supcam.classify;

import io.github.supcam.dataset.ClusterType;

import java.awt.Rectangle;

/**
 * One classified cluster: one row of the Results table.
 *
 * @param image image file name or title
 * @param cluster cluster id ("1", "2", ...) or ROI name
 * @param bounds bounding box in image pixels
 * @param area foreground area in pixels (or ROI area)
 * @param touchesBorder whether the cluster touches the image border (it may be cut off)
 * @param predicted the most probable type
 * @param probabilities one probability per {@link ClusterType}, in ordinal order
 * @param lowConfidence whether the top probability is below the configured threshold
 * @param flag why the cluster may not be chromosomes ({@code nucleus}, {@code debris}, {@code border}, see
 *        {@link io.github.supcam.detect.ComponentFlags}), or empty
 */
public record ClusterResult(String image, String cluster, Rectangle bounds, long area, boolean touchesBorder,
	ClusterType predicted, double[] probabilities, boolean lowConfidence, String flag)
{
	public ClusterResult {
		if (flag == null) flag = "";
	}

	/** An unflagged row. */
	public ClusterResult(String image, String cluster, Rectangle bounds, long area, boolean touchesBorder,
		ClusterType predicted, double[] probabilities, boolean lowConfidence)
	{
		this(image, cluster, bounds, area, touchesBorder, predicted, probabilities, lowConfidence, "");
	}

	public double confidence() {
		return probabilities[predicted.ordinal()];
	}
}
