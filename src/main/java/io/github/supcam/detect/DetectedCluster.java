package io.github.supcam.detect;

import java.awt.Rectangle;

/**
 * One connected foreground component of a metaphase: a single chromosome or a cluster of them.
 *
 * @param id 1-based label in the {@link DetectionResult}'s label image; ids follow the raster order (top to
 *        bottom, then left to right) of each component's first pixel, so they are deterministic
 * @param x left of the bounding box
 * @param y top of the bounding box
 * @param width bounding box width
 * @param height bounding box height
 * @param area number of pixels (filled holes included)
 * @param centroidX mean x of the pixel centres
 * @param centroidY mean y of the pixel centres
 * @param touchesBorder whether a pixel lies on the image border, so the cluster may be cut off
 * @param solidity area / convex-hull area (1 for a convex shape)
 * @param roundness minor / major axis of the component's inertia ellipse (1 for a disc, near 0 for a thin rod)
 */
public record DetectedCluster(int id, int x, int y, int width, int height, int area, double centroidX,
	double centroidY, boolean touchesBorder, double solidity, double roundness)
{
	/** The bounding box as a new AWT rectangle. */
	public Rectangle bounds() {
		return new Rectangle(x, y, width, height);
	}
}
