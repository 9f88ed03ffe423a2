package io.github.supcam.synth;

import io.github.supcam.dataset.ClusterType;

/**
 * What the masks of one cluster show, measured pixel by pixel.
 *
 * @param type the cluster type the masks prove, or null when they are not one connected cluster
 * @param chromosomes number of masks
 * @param overlapPixels shared pixels summed over all pairs of masks
 * @param contactPixels for the pairs that touch without overlapping: pixels of one mask 8-adjacent to the other
 * @param overlappingPairs pairs of masks with at least one shared pixel
 * @param touchingPairs pairs with no shared pixel and at least one 8-adjacent pixel
 */
public record ClusterGeometry(ClusterType type, int chromosomes, int overlapPixels, int contactPixels,
	int overlappingPairs, int touchingPairs) {}
