package io.github.supcam.detect;

import ij.process.ByteProcessor;
import ij.process.FloatProcessor;

/**
 * An immutable label image: 0 is background, {@code k > 0} marks the pixels of component {@code k}. Pixel (x, y)
 * lives at index {@code y * width + x}.
 */
public final class LabelImage {
	private final int width, height;
	private final int[] labels;

	/** Takes ownership of {@code labels}; callers must not modify it afterwards. */
	LabelImage(int width, int height, int[] labels) {
		if (labels.length != width * height) throw new IllegalArgumentException("Label array of length " +
			labels.length + " does not match " + width + "x" + height);
		this.width = width;
		this.height = height;
		this.labels = labels;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** The label at (x, y). */
	public int get(int x, int y) {
		return labels[y * width + x];
	}

	/** A copy of the row-major label array. */
	public int[] toArray() {
		return labels.clone();
	}

	/** A binary ImageJ mask (255 = label {@code id}, 0 elsewhere) of the rectangle x, y, w, h. */
	public ByteProcessor mask(int id, int x, int y, int w, int h) {
		byte[] m = new byte[w * h];
		for (int yy = 0; yy < h; yy++) {
			int row = (y + yy) * width + x;
			for (int xx = 0; xx < w; xx++)
				if (labels[row + xx] == id) m[yy * w + xx] = (byte) 255;
		}
		return new ByteProcessor(w, h, m);
	}

	int[] array() {
		return labels;
	}
}
