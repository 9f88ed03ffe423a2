package io.github.supcam.detect;

import io.github.supcam.image.Polarity;

import java.util.List;

/**
 * What {@link ClusterDetector} found in one image.
 *
 * @param labels label image of the kept components; label k belongs to {@code clusters.get(k - 1)}
 * @param clusters the kept components, ordered by id
 * @param polarity the polarity used (resolved when the settings asked for AUTO)
 * @param threshold the threshold on the flattened, smoothed image, in grey levels above its background
 *        (foreground made bright): a pixel above it is foreground
 * @param droppedSmall components dropped as debris (area below minArea)
 * @param droppedLarge components dropped as too large (above maxArea)
 * @param droppedNuclei components dropped as nucleus-like
 */
public record DetectionResult(LabelImage labels, List<DetectedCluster> clusters, Polarity polarity, int threshold,
	int droppedSmall, int droppedLarge, int droppedNuclei)
{
	public DetectionResult {
		clusters = List.copyOf(clusters);
	}

	/** The cluster with the given 1-based id. */
	public DetectedCluster cluster(int id) {
		if (id < 1 || id > clusters.size()) throw new IllegalArgumentException("No cluster " + id + "; there are " +
			clusters.size());
		return clusters.get(id - 1);
	}
}
