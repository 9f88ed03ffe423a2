package io.github.supcam.real;

import java.awt.Rectangle;

/**
 * One annotated chromosome: a bounding box in image pixels, {@code [x0, x1) x [y0, y1)}.
 *
 * @param index 1-based position of the box in its annotation, so reports can point back to it
 * @param label the annotated class (e.g. a karyotype class such as {@code A1}); may be empty
 */
public record Box(int index, String label, int x0, int y0, int x1, int y1) {
	public Box {
		if (index < 1) throw new IllegalArgumentException("box index must be >= 1, got " + index);
		if (label == null) label = "";
		if (x1 <= x0 || y1 <= y0) throw new IllegalArgumentException("box " + index + " (" + label + ") is empty: x " +
			x0 + ".." + x1 + ", y " + y0 + ".." + y1);
	}

	/** The part of the box inside a {@code width x height} image; empty when the box lies outside it. */
	public Rectangle clip(int width, int height) {
		return new Rectangle(x0, y0, x1 - x0, y1 - y0).intersection(new Rectangle(0, 0, width, height));
	}

	/** E.g. {@code 12:A7}, as the manifests list boxes. */
	public String tag() {
		return label.isEmpty() ? String.valueOf(index) : index + ":" + label;
	}
}
