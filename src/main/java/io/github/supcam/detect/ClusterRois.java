package io.github.supcam.detect;

import ij.gui.Roi;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

/** ImageJ selections of detected clusters, e.g. for the ROI Manager. */
public final class ClusterRois {
	private ClusterRois() {}

	/**
	 * The exact pixel outline of the cluster (with its unfilled holes) in image coordinates, named
	 * "cluster-&lt;id&gt;".
	 */
	public static Roi toRoi(LabelImage labels, DetectedCluster cluster) {
		ByteProcessor mask = labels.mask(cluster.id(), cluster.x(), cluster.y(), cluster.width(),
			cluster.height());
		mask.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
		Roi roi = new ThresholdToSelection().convert(mask);
		roi.setLocation(cluster.x(), cluster.y());
		roi.setName("cluster-" + cluster.id());
		return roi;
	}
}
