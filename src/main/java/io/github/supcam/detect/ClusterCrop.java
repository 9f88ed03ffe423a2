package io.github.supcam.detect;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import io.github.supcam.image.Gray8;
import io.github.supcam.image.Intensity;

/** Cuts one detected cluster out of its metaphase, for classification. */
public final class ClusterCrop {
	private ClusterCrop() {}

	/**
	 * The cluster's bounding box grown by {@code margin} on every side. Pixels of other components inside the
	 * crop, and pixels beyond the image border, become {@code backgroundValue}; the cluster and unlabelled
	 * background keep their original values.
	 */
	public static ArrayImg<UnsignedByteType, ByteArray> extract(ArrayImg<UnsignedByteType, ByteArray> image,
		LabelImage labels, DetectedCluster cluster, int margin, int backgroundValue)
	{
		int w = Gray8.width(image), h = Gray8.height(image);
		if (labels.width() != w || labels.height() != h) throw new IllegalArgumentException("Label image " +
			labels.width() + "x" + labels.height() + " does not match image " + w + "x" + h);
		if (margin < 0) throw new IllegalArgumentException("margin must be >= 0, got " + margin);
		if (backgroundValue < 0 || backgroundValue > 255) throw new IllegalArgumentException(
			"backgroundValue must be 0..255, got " + backgroundValue);
		if (cluster.x() < 0 || cluster.y() < 0 || cluster.x() + cluster.width() > w ||
			cluster.y() + cluster.height() > h) throw new IllegalArgumentException("Cluster " + cluster.id() +
				" lies outside the " + w + "x" + h + " image");
		int cw = cluster.width() + 2 * margin, ch = cluster.height() + 2 * margin;
		int x0 = cluster.x() - margin, y0 = cluster.y() - margin;
		byte[] src = Gray8.pixels(image), out = new byte[cw * ch];
		int[] lab = labels.array();
		byte bg = (byte) backgroundValue;
		for (int yy = 0; yy < ch; yy++) {
			int y = y0 + yy;
			for (int xx = 0; xx < cw; xx++) {
				int x = x0 + xx;
				boolean keep = x >= 0 && y >= 0 && x < w && y < h;
				if (keep) {
					int l = lab[y * w + x];
					keep = l == 0 || l == cluster.id();
				}
				out[yy * cw + xx] = keep ? src[y * w + x] : bg;
			}
		}
		return Gray8.wrap(out, cw, ch);
	}

	/**
	 * The background grey level crops are filled with: the median of the pixels no component covers (the border
	 * median when components cover everything).
	 */
	public static int backgroundLevel(ArrayImg<UnsignedByteType, ByteArray> image, LabelImage labels) {
		byte[] px = Gray8.pixels(image);
		int[] lab = labels.array();
		long[] hist = new long[256];
		int n = 0;
		for (int i = 0; i < px.length; i++) if (lab[i] == 0) {
			hist[px[i] & 0xff]++;
			n++;
		}
		return n == 0 ? Intensity.borderMedian(image) : Intensity.median(hist);
	}
}
