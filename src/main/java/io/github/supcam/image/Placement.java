package io.github.supcam.image;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * An image placed on a square canvas.
 *
 * @param image the canvas
 * @param offsetX x on the canvas where the source's pixel (0,0) landed
 * @param offsetY y on the canvas where the source's pixel (0,0) landed
 * @param scale source-to-canvas scale factor (1 when the source fitted without scaling)
 */
public record Placement(ArrayImg<UnsignedByteType, ByteArray> image, int offsetX, int offsetY, double scale) {}
