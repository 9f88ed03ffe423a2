package io.github.supcam.real;

import ij.process.ByteProcessor;
import io.github.supcam.image.Gray8;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A drawn 400x300 spread, dark (60) on light (220), with one case of every assignment rule:
 * <ol>
 * <li>A: a lone rod, its own box: an instance;
 * <li>B, C: two crossing rods, two boxes: a cluster;
 * <li>D: a rod broken in two by a gap, one box: split;
 * <li>E: a rod with a square blob attached, one box on the rod: reaches beyond its box;
 * <li>a square speck without a box;
 * <li>a box over empty background, and a box outside the image.
 * </ol>
 */
public final class Scene {
	public static final int W = 400, H = 300;

	public static final List<Box> BOXES = List.of(
		new Box(1, "A1", 20, 20, 41, 121),
		new Box(2, "B2", 100, 20, 121, 141),
		new Box(3, "C3", 60, 70, 161, 91),
		new Box(4, "D4", 200, 20, 221, 131),
		new Box(5, "E5", 20, 180, 41, 281),
		new Box(6, "F6", 300, 240, 341, 281),
		new Box(7, "G7", 500, 500, 521, 541));

	private Scene() {}

	public static ArrayImg<UnsignedByteType, ByteArray> image() {
		ByteProcessor bp = new ByteProcessor(W, H);
		bp.setColor(220);
		bp.fill();
		bp.setColor(60);
		fill(bp, 20, 20, 41, 121); // A
		fill(bp, 100, 20, 121, 141); // B
		fill(bp, 60, 70, 161, 91); // C
		fill(bp, 200, 20, 221, 70); // D, upper part
		fill(bp, 200, 80, 221, 131); // D, lower part
		fill(bp, 20, 180, 41, 281); // E
		fill(bp, 41, 200, 101, 261); // E's attached blob
		fill(bp, 250, 180, 276, 206); // speck
		return Gray8.wrap((byte[]) bp.getPixels(), W, H);
	}

	private static void fill(ByteProcessor bp, int x0, int y0, int x1, int y1) {
		bp.setRoi(x0, y0, x1 - x0, y1 - y0);
		bp.fill();
		bp.resetRoi();
	}

	/** The boxes as a PASCAL VOC file, as LabelImg writes it (inclusive max coordinates). */
	public static String voc(String imageName, List<Box> boxes) {
		StringBuilder sb = new StringBuilder("<annotation>\n  <folder>x</folder>\n  <filename>").append(imageName)
			.append("</filename>\n  <size><width>" + W + "</width><height>" + H + "</height><depth>3</depth></size>\n");
		for (Box b : boxes) sb.append("  <object>\n    <name>").append(b.label()).append("</name>\n    <bndbox><xmin>")
			.append(b.x0()).append("</xmin><ymin>").append(b.y0()).append("</ymin><xmax>").append(b.x1() - 1)
			.append("</xmax><ymax>").append(b.y1() - 1).append("</ymax></bndbox>\n  </object>\n");
		return sb.append("</annotation>\n").toString();
	}

	public static void writeVoc(Path file, String imageName) throws IOException {
		Files.writeString(file, voc(imageName, BOXES));
	}
}
