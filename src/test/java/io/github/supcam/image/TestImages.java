package io.github.supcam.image;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Test images written with ImageJ, shared by the image and dataset tests. */
public final class TestImages {
	private TestImages() {}

	/** An 8-bit image whose pixel (x, y) is {@code (x + y * width) % 256}. */
	public static ByteProcessor ramp(int width, int height) {
		ByteProcessor bp = new ByteProcessor(width, height);
		for (int i = 0; i < width * height; i++) bp.set(i % width, i / width, i % 256);
		return bp;
	}

	/** Fills the single row of {@code ip} with {@code values} (gray levels, or 0xRRGGBB for RGB). */
	public static <T extends ImageProcessor> T row(T ip, int... values) {
		for (int x = 0; x < values.length; x++) ip.set(x, 0, values[x]);
		return ip;
	}

	/** Saves with ImageJ in the format its extension names (tif, png, bmp, jpg, pgm); creates folders. */
	public static Path save(ImageProcessor ip, Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		FileSaver saver = new FileSaver(new ImagePlus(file.getFileName().toString(), ip));
		String path = file.toString(), name = path.toLowerCase();
		boolean ok = name.endsWith(".png") ? saver.saveAsPng(path) : name.endsWith(".bmp") ? saver.saveAsBmp(path) :
			name.endsWith(".jpg") || name.endsWith(".jpeg") ? saver.saveAsJpeg(path) :
				name.endsWith(".pgm") ? saver.saveAsPgm(path) : saver.saveAsTiff(path);
		if (!ok) throw new IOException("ImageJ could not save " + file);
		return file;
	}

	/** Copies the first half of {@code source} to {@code target}. */
	public static Path truncated(Path source, Path target) throws IOException {
		byte[] bytes = Files.readAllBytes(source);
		return Files.write(target, Arrays.copyOf(bytes, bytes.length / 2));
	}
}
