package io.github.supcam.synth;

import io.github.supcam.dataset.ClusterType;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import java.util.List;

/**
 * One rendered synthetic cluster on a square canvas with its ground truth.
 *
 * @param image the 8-bit image
 * @param type the type measured on {@code masks}; always the requested type
 * @param masks one full-canvas mask per chromosome, row-major
 * @param geometry what the masks show
 * @param widthPx chromosome width in the image, after any scaling to fit
 * @param scale how much the cluster was shrunk to fit the canvas (1 = not at all)
 * @param bounds the tight box {x, y, width, height} of all masks
 */
public record SynthCluster(ArrayImg<UnsignedByteType, ByteArray> image, ClusterType type, List<boolean[]> masks,
	ClusterGeometry geometry, double widthPx, double scale, int[] bounds) {}
