package io.github.supcam.real;

import java.util.List;

/**
 * The chromosome boxes of one image.
 *
 * @param source the annotation file it was read from, for error messages
 * @param key the image it belongs to, as a file name without folders and extension (see {@link #key(String)}):
 *        a VOC file's own name, a COCO image's {@code file_name}
 * @param boxes the boxes, in annotation order
 */
public record ImageAnnotation(String source, String key, List<Box> boxes) {
	public ImageAnnotation {
		boxes = List.copyOf(boxes);
	}

	/** The matching key of an image or annotation file name: without folders (either slash) and extension. */
	public static String key(String fileName) {
		String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}
}
