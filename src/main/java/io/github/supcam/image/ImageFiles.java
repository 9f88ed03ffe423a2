package io.github.supcam.image;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.FileOpener;
import ij.io.Opener;
import ij.io.TiffDecoder;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import io.github.supcam.util.AtomicFiles;
import io.github.supcam.util.ErrorMessages;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads any image ImageJ 1.x opens as 8-bit grayscale, and writes 8-bit PNGs atomically.
 * <p>
 * The format is chosen from the file's first bytes, not its extension. TIFFs are decoded by ImageJ's own TIFF
 * reader after checking that every pixel strip lies inside the file (ImageJ would silently zero-fill a truncated
 * TIFF); PNG, BMP, JPEG and GIF go through {@link ImageIO}, whose errors and warnings (a truncated JPEG) become an
 * {@link ImageReadException}. This way a corrupt file never opens an ImageJ dialog or writes to the ImageJ log,
 * which in headless mode would print to the console. Only the rarer formats ImageJ knows but ImageIO does not
 * (PGM, DICOM, FITS) go through ImageJ's general {@link Opener}.
 */
public final class ImageFiles {
	private ImageFiles() {}

	/** Thrown for a file that is missing, corrupt or not a 2D grayscale/RGB image; the message names the file. */
	public static class ImageReadException extends IOException {
		public ImageReadException(Path file, String reason) {
			super("Cannot read image " + file + ": " + reason);
		}
	}

	private static final String FORMATS = "TIFF, PNG, BMP, JPEG";
	private static final Set<Integer> OPENER_ONLY_TYPES = Set.of(Opener.PGM, Opener.DICOM, Opener.FITS);

	/** Opens an 8-/16-/32-bit grayscale or RGB image (TIFF, PNG, BMP, JPEG, ...) as a single 2D ImagePlus. */
	public static ImagePlus open(Path file) throws ImageReadException {
		if (!Files.isRegularFile(file)) throw new ImageReadException(file, "no such file");
		byte[] head;
		long length;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(4);
			length = Files.size(file);
		} catch (IOException e) {
			throw new ImageReadException(file, "unreadable (" + ErrorMessages.describe(e) + ")");
		}
		if (length == 0) throw new ImageReadException(file, "the file is empty");
		ImagePlus imp;
		try {
			imp = isTiff(head) ? openTiff(file, length) : openOther(file);
		} catch (ImageReadException e) {
			throw e;
		} catch (IOException | RuntimeException e) {
			throw new ImageReadException(file, "corrupt or unsupported (" + e.getMessage() + ")");
		}
		if (imp == null || imp.getWidth() == 0 || imp.getHeight() == 0) throw new ImageReadException(file,
			"corrupt, truncated or not an image format ImageJ opens (" + FORMATS + ")");
		if (imp.getStackSize() > 1) throw new ImageReadException(file, "it is a stack of " + imp.getStackSize() +
			" slices; a single 2D image is expected");
		return imp;
	}

	private static boolean isTiff(byte[] h) {
		return h.length == 4 && ((h[0] == 'I' && h[1] == 'I' && h[2] == 42 && h[3] == 0) ||
			(h[0] == 'M' && h[1] == 'M' && h[2] == 0 && h[3] == 42));
	}

	private static ImagePlus openTiff(Path file, long length) throws IOException {
		Path abs = file.toAbsolutePath();
		String dir = abs.getParent().toString() + java.io.File.separator;
		FileInfo[] infos = new TiffDecoder(dir, abs.getFileName().toString()).getTiffInfo();
		if (infos == null || infos.length == 0) throw new ImageReadException(file, "a TIFF without images");
		if (infos.length > 1 || infos[0].nImages > 1) throw new ImageReadException(file, "it is a stack of " +
			Math.max(infos.length, infos[0].nImages) + " images; a single 2D image is expected");
		FileInfo fi = infos[0];
		if (fi.width <= 0 || fi.height <= 0) throw new ImageReadException(file, "a TIFF without pixels");
		if (!insideFile(fi, length)) throw new ImageReadException(file,
			"truncated: its pixel data runs past the end of the file (" + length + " bytes)");
		return new FileOpener(fi).openImage();
	}

	private static boolean insideFile(FileInfo fi, long length) {
		if (fi.stripOffsets != null && fi.stripLengths != null) {
			for (int i = 0; i < Math.min(fi.stripOffsets.length, fi.stripLengths.length); i++)
				if ((fi.stripOffsets[i] & 0xffffffffL) + (fi.stripLengths[i] & 0xffffffffL) > length) return false;
		}
		if (fi.compression > FileInfo.COMPRESSION_NONE) return true;
		return fi.getOffset() + (long) fi.width * fi.height * fi.getBytesPerPixel() <= length;
	}

	private static ImagePlus openOther(Path file) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
			if (readers != null && readers.hasNext()) {
				ImageReader reader = readers.next();
				try {
					List<String> warnings = new ArrayList<>();
					reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
					reader.setInput(in, false, true);
					BufferedImage bi = reader.read(0);
					if (!warnings.isEmpty()) throw new ImageReadException(file, "corrupt or truncated (" +
						String.join("; ", warnings) + ")");
					return new ImagePlus(file.getFileName().toString(), bi);
				} finally {
					reader.dispose();
				}
			}
		}
		String path = file.toAbsolutePath().toString();
		if (!OPENER_ONLY_TYPES.contains(new Opener().getFileType(path))) throw new ImageReadException(file,
			"not an image format ImageJ opens (" + FORMATS + ")");
		IJ.redirectErrorMessages();
		return new Opener().openImage(path);
	}

	/**
	 * The message for an image that needed more memory than Java has: names the file and says how to get by
	 * (a smaller image, or a larger Java heap for the command line and for Fiji).
	 */
	public static String outOfMemory(Path file) {
		long mib = Runtime.getRuntime().maxMemory() >> 20;
		String size = "";
		try {
			size = ", " + (Files.size(file) >> 20) + " MiB on disk";
		} catch (IOException | RuntimeException e) {
			// the size only helps the user judge; the advice stands without it
		}
		return "out of memory (Java may use " + mib + " MiB" + size + "). Downscale the image, or give Java more " +
			"memory: SUPCAM_JAVA_OPTS=-Xmx" + Math.max(4, 2 * ((mib + 1023) / 1024)) + "g for the supcam command, " +
			"Edit > Options > Memory & Threads in Fiji";
	}

	/** Opens a file and converts it to the canonical 8-bit image. */
	public static ArrayImg<UnsignedByteType, ByteArray> read(Path file) throws ImageReadException {
		return toGray8(open(file));
	}

	/**
	 * Converts to 8-bit grayscale, independently of ImageJ's conversion preferences: RGB by Rec. 601 luminance
	 * (0.299 R + 0.587 G + 0.114 B), 16/32-bit by linearly scaling the data's min..max to 0..255, an 8-bit image
	 * with an inverted or colour lookup table to the gray values it displays. A plain 8-bit image is wrapped
	 * without copying.
	 */
	public static ArrayImg<UnsignedByteType, ByteArray> toGray8(ImagePlus imp) {
		ImageProcessor ip = imp.getProcessor();
		if (imp.getType() == ImagePlus.GRAY8 && !ip.isInvertedLut()) return Gray8.wrap(imp);
		if (imp.getType() == ImagePlus.GRAY8) {
			ImageProcessor c = ip.duplicate();
			c.invert();
			return Gray8.wrap((byte[]) c.getPixels(), c.getWidth(), c.getHeight());
		}
		ImageProcessor c = ip;
		if (imp.getType() == ImagePlus.COLOR_256) c = ip.convertToRGB();
		if (c instanceof ColorProcessor) {
			ColorProcessor cp = (ColorProcessor) c.duplicate();
			cp.setRGBWeights(0.299, 0.587, 0.114);
			c = cp;
		} else {
			c = c.duplicate();
			c.resetMinAndMax();
		}
		ImageProcessor b = c.convertToByte(true);
		return Gray8.wrap((byte[]) b.getPixels(), b.getWidth(), b.getHeight());
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
