package io.github.supcam.compose;

import ij.process.ByteProcessor;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.ImageFiles;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small synthetic images and datasets for the composition tests. */
final class TestImages {
	private TestImages() {}

	static ArrayImg<UnsignedByteType, ByteArray> canvas(int size, int background) {
		return Gray8.create(size, size, background);
	}

	static void set(ArrayImg<UnsignedByteType, ByteArray> img, int x, int y, int value) {
		Gray8.pixels(img)[y * Gray8.width(img) + x] = (byte) value;
	}

	static void fillRect(ArrayImg<UnsignedByteType, ByteArray> img, int x0, int y0, int w, int h, int value) {
		for (int y = y0; y < y0 + h; y++)
			for (int x = x0; x < x0 + w; x++)
				set(img, x, y, value);
	}

	/** A dark rod (value {@code value}, 5 px wide) on white, drawn with ImageJ. */
	static ArrayImg<UnsignedByteType, ByteArray> rod(int w, int h, int x0, int y0, int x1, int y1, int value) {
		ByteProcessor ip = new ByteProcessor(w, h);
		ip.setColor(255);
		ip.fill();
		ip.setColor(value);
		ip.setLineWidth(5);
		ip.drawLine(x0, y0, x1, y1);
		// a darker band, so that pixel values vary along the rod
		ip.setColor(Math.max(0, value - 30));
		ip.setLineWidth(3);
		ip.drawLine((x0 + x1) / 2, (y0 + y1) / 2, (x0 + 3 * x1) / 4, (y0 + 3 * y1) / 4);
		return Gray8.wrap((byte[]) ip.getPixels(), w, h);
	}

	/**
	 * Writes a tiny four-class dataset of rods (48x48, one 100x40 that must be scaled down onto a 64 canvas) plus
	 * one corrupt file in touching/.
	 */
	static void writeRodDataset(Path root) throws IOException {
		int k = 0;
		for (ClusterType t : ClusterType.values()) {
			Path dir = Files.createDirectories(root.resolve(t.folderName()));
			for (int i = 0; i < 3; i++, k++) {
				int v = 40 + 12 * k;
				ArrayImg<UnsignedByteType, ByteArray> img = switch (i) {
					case 0 -> rod(48, 48, 4, 6 + 3 * k, 43, 40 - 2 * k, v);
					case 1 -> rod(48, 48, 10 + k, 4, 36 - k, 44, v);
					default -> rod(48, 40, 3, 20, 44, 20, v);
				};
				ImageFiles.writePng(img, dir.resolve("rod" + i + ".png"));
			}
		}
		ImageFiles.writePng(rod(100, 40, 5, 8, 95, 30, 70), root.resolve("instance/wide.png"));
		Files.write(root.resolve("touching/broken.png"), new byte[] { 1, 2, 3, 4, 5 });
	}
}
