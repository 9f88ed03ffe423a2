package io.github.supcam.image;

import ij.IJ;
import ij.ImagePlus;
import ij.io.Opener;
import ij.process.ImageConverter;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import io.github.supcam.util.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads any image ImageJ 1.x opens as 8-bit grayscale, and writes 8-bit PNGs atomically. */
public final class ImageFiles {
	private ImageFiles() {}

	/** Thrown for a file that is missing, corrupt or not a 2D grayscale/RGB image; the message names the file. */
	public static class ImageReadException extends IOException {
		public ImageReadException(Path file, String reason) {
			super("Cannot read image " + file + ": " + reason);
		}
	}

	/** Opens an 8-/16-/32-bit grayscale or RGB image (TIFF, PNG, BMP, JPEG, ...) as an ImagePlus. */
	public static ImagePlus open(Path file) throws ImageReadException {
		if (!Files.isRegularFile(file)) throw new ImageReadException(file, "no such file");
		ImagePlus imp;
		try {
			// Keeps ImageJ from popping up an error dialog (or printing to the log) for an unreadable file.
			IJ.redirectErrorMessages();
			imp = new Opener().openImage(file.toAbsolutePath().toString());
		} catch (RuntimeException e) {
			throw new ImageReadException(file, "corrupt or unsupported (" + e + ")");
		}
		if (imp == null || imp.getWidth() == 0) throw new ImageReadException(file,
			"corrupt, truncated or not an image format ImageJ opens (TIFF, PNG, BMP, JPEG)");
		if (imp.getStackSize() > 1) throw new ImageReadException(file, "it is a stack of " + imp.getStackSize() +
			" slices; a single 2D image is expected");
		return imp;
	}

	/** Opens a file and converts it to the canonical 8-bit image. */
	public static ArrayImg<UnsignedByteType, ByteArray> read(Path file) throws ImageReadException {
		return toGray8(open(file));
	}

	/**
	 * Converts to 8-bit grayscale: RGB by luminance, 16/32-bit by scaling the display range to 0..255. An 8-bit
	 * image is wrapped without copying; an 8-bit image with a non-gray lookup table is rendered through it.
	 */
	public static ArrayImg<UnsignedByteType, ByteArray> toGray8(ImagePlus imp) {
		if (imp.getType() == ImagePlus.GRAY8 && !imp.getProcessor().isInvertedLut()) return Gray8.wrap(imp);
		ImagePlus c = imp.duplicate();
		if (c.getType() == ImagePlus.COLOR_256) new ImageConverter(c).convertToRGB();
		if (c.getType() == ImagePlus.GRAY8 && c.getProcessor().isInvertedLut()) {
			c.getProcessor().invertLut();
			c.getProcessor().invert();
		}
		if (c.getType() != ImagePlus.GRAY8) {
			c.resetDisplayRange();
			new ImageConverter(c).convertToGray8();
		}
		return Gray8.wrap(c);
	}

	/** Writes an 8-bit grayscale PNG atomically. The bytes depend only on the pixels. */
	public static void writePng(ArrayImg<UnsignedByteType, ByteArray> img, Path file) throws IOException {
		int w = Gray8.width(img), h = Gray8.height(img);
		BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		bi.getRaster().setDataElements(0, 0, w, h, Gray8.pixels(img));
		writePng(bi, file);
	}

	/** Writes any BufferedImage (montages, overlays, plots) as PNG atomically. */
	public static void writePng(BufferedImage image, Path file) throws IOException {
		AtomicFiles.write(file, out -> {
			if (!ImageIO.write(image, "png", out)) throw new IOException("No PNG writer available");
		});
	}
}
