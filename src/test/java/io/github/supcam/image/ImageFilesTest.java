package io.github.supcam.image;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ShortProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageFilesTest {
	@TempDir
	Path dir;

	private static void assertPixels(ArrayImg<UnsignedByteType, ByteArray> img, int width, int... values) {
		assertEquals(width, Gray8.width(img));
		assertEquals(values.length / width, Gray8.height(img));
		for (int i = 0; i < values.length; i++)
			assertEquals(values[i], Gray8.get(img, i % width, i / width), "pixel " + i);
	}

	@Test
	void reads8BitPngTiffAndBmpExactly() throws Exception {
		for (String name : new String[] { "a.png", "a.tif", "a.bmp" }) {
			ArrayImg<UnsignedByteType, ByteArray> img = ImageFiles.read(TestImages.save(TestImages.ramp(20, 15),
				dir.resolve(name)));
			assertEquals(20, Gray8.width(img), name);
			assertEquals(15, Gray8.height(img), name);
			for (int y = 0; y < 15; y++)
				for (int x = 0; x < 20; x++) assertEquals((x + 20 * y) % 256, Gray8.get(img, x, y), name);
		}
	}

	@Test
	void scales16BitTiffMinMaxTo0To255() throws Exception {
		ShortProcessor sp = TestImages.row(new ShortProcessor(3, 1), 1000, 1500, 2000);
		// ImageJ's 16-to-8-bit scaling: (v - min) * 256 / (max - min + 1), rounded, capped at 255.
		assertPixels(ImageFiles.read(TestImages.save(sp, dir.resolve("s.tif"))), 3, 0, 128, 255);
	}

	@Test
	void scales16BitPng() throws Exception {
		BufferedImage bi = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
		bi.getRaster().setSample(0, 0, 0, 300);
		bi.getRaster().setSample(1, 0, 0, 60000);
		Path f = dir.resolve("s16.png");
		ImageIO.write(bi, "png", f.toFile());
		assertPixels(ImageFiles.read(f), 2, 0, 255);
	}

	@Test
	void convertsRgbPngByLuminance() throws Exception {
		ColorProcessor cp = TestImages.row(new ColorProcessor(4, 1), 0xff0000, 0x00ff00, 0x0000ff, 0x646464);
		// 0.299 * 255 = 76.2, 0.587 * 255 = 149.7, 0.114 * 255 = 29.1; gray stays gray.
		assertPixels(ImageFiles.read(TestImages.save(cp, dir.resolve("rgb.png"))), 4, 76, 150, 29, 100);
	}

	@Test
	void readsJpegApproximately() throws Exception {
		ByteProcessor bp = new ByteProcessor(16, 8);
		for (int y = 0; y < 8; y++) for (int x = 0; x < 16; x++) bp.set(x, y, x < 8 ? 40 : 210);
		ArrayImg<UnsignedByteType, ByteArray> img = ImageFiles.read(TestImages.save(bp, dir.resolve("a.JPG")));
		assertEquals(16, Gray8.width(img));
		assertTrue(Math.abs(Gray8.get(img, 3, 4) - 40) <= 3, "dark block " + Gray8.get(img, 3, 4));
		assertTrue(Math.abs(Gray8.get(img, 12, 4) - 210) <= 3, "light block " + Gray8.get(img, 12, 4));
	}

	@Test
	void rendersInvertedLutAsDisplayed() throws Exception {
		ByteProcessor bp = TestImages.row(new ByteProcessor(3, 1), 0, 10, 255);
		bp.invertLut();
		Path f = TestImages.save(bp, dir.resolve("inv.tif"));
		assertTrue(ImageFiles.open(f).isInvertedLut(), "ImageJ keeps the inverted LUT in the TIFF");
		assertPixels(ImageFiles.read(f), 3, 255, 245, 0);
	}

	@Test
	void detectsFormatByContentNotExtension() throws Exception {
		Path f = TestImages.save(TestImages.ramp(5, 2), dir.resolve("really-a-tiff.tif"));
		Path renamed = Files.move(f, dir.resolve("named.png"));
		assertPixels(ImageFiles.read(renamed), 5, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
	}

	@Test
	void readsPgmThroughImageJ() throws Exception {
		assertPixels(ImageFiles.read(TestImages.save(TestImages.ramp(3, 1), dir.resolve("a.pgm"))), 3, 0, 1, 2);
	}

	@Test
	void corruptFilesFailNamingTheFileWithoutConsoleOutput() throws Exception {
		Path png = TestImages.save(TestImages.ramp(40, 40), dir.resolve("ok.png"));
		Path jpg = TestImages.save(TestImages.ramp(40, 40), dir.resolve("ok.jpg"));
		Path bmp = TestImages.save(TestImages.ramp(40, 40), dir.resolve("ok.bmp"));
		Path tif = TestImages.save(new ShortProcessor(40, 40), dir.resolve("ok.tif"));
		Path[] bad = { TestImages.truncated(png, dir.resolve("trunc.png")),
			TestImages.truncated(jpg, dir.resolve("trunc.jpg")), TestImages.truncated(bmp, dir.resolve("trunc.bmp")),
			TestImages.truncated(tif, dir.resolve("trunc.tif")),
			Files.writeString(dir.resolve("text.png"), "not an image, just text\n"),
			Files.write(dir.resolve("empty.png"), new byte[0]), dir.resolve("missing.png") };
		PrintStream out = System.out, err = System.err;
		ByteArrayOutputStream console = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(console, true));
			System.setErr(new PrintStream(console, true));
			for (Path f : bad) {
				ImageFiles.ImageReadException e = assertThrows(ImageFiles.ImageReadException.class,
					() -> ImageFiles.read(f), f.toString());
				assertTrue(e.getMessage().contains(f.getFileName().toString()), e.getMessage());
			}
		} finally {
			System.setOut(out);
			System.setErr(err);
		}
		assertEquals("", console.toString(), "nothing may reach the console (ImageJ log/dialog)");
	}

	@Test
	void rejectsStacks() throws Exception {
		ImageStack stack = new ImageStack(4, 4);
		stack.addSlice(new ByteProcessor(4, 4));
		stack.addSlice(new ByteProcessor(4, 4));
		Path f = dir.resolve("stack.tif");
		new FileSaver(new ImagePlus("stack", stack)).saveAsTiffStack(f.toString());
		ImageFiles.ImageReadException e = assertThrows(ImageFiles.ImageReadException.class, () -> ImageFiles.read(f));
		assertTrue(e.getMessage().contains("stack"), e.getMessage());
	}

	@Test
	void writePngRoundTrips() throws Exception {
		ArrayImg<UnsignedByteType, ByteArray> img = Gray8.wrap(new byte[] { 0, 7, (byte) 128, (byte) 255 }, 2, 2);
		Path f = dir.resolve("out.png");
		ImageFiles.writePng(img, f);
		assertPixels(ImageFiles.read(f), 2, 0, 7, 128, 255);
	}
}
