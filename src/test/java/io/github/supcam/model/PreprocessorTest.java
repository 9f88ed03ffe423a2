package io.github.supcam.model;

import ij.process.ByteProcessor;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.Polarity;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class PreprocessorTest {

	/** A horizontal dark bar of the given width and length on a white 120x80 background. */
	static ArrayImg<UnsignedByteType, ByteArray> bar(int width, int length, int grey) {
		ByteProcessor bp = new ByteProcessor(120, 80);
		bp.setColor(255);
		bp.fill();
		bp.setColor(grey);
		bp.setRoi(10, 40 - width / 2, length, width);
		bp.fill();
		return Gray8.wrap((byte[]) bp.getPixels(), 120, 80);
	}

	@Test
	void measuresWidthOfABar() {
		for (int width : new int[] { 5, 9, 15 }) {
			byte[] px = Gray8.pixels(bar(width, 80, 100));
			byte[] mask = new byte[px.length];
			for (int i = 0; i < px.length; i++) if ((px[i] & 0xff) < 128) mask[i] = (byte) 255;
			assertEquals(width, Preprocessor.chromosomeWidth(mask, 120, 80), 1.0, "width " + width);
		}
	}

	@Test
	void normalisesScaleAndContrast() {
		PreprocessSettings s = new PreprocessSettings(64, null, 4, 0.1, 4, true, 2);
		Preprocessor.Result r = new Preprocessor(s).apply(bar(9, 60, 100));
		assertEquals(Polarity.DARK_ON_LIGHT, r.polarity());
		assertEquals(255, r.background());
		assertEquals(4.0 / 9, r.scale(), 0.06);
		// Background is 0; the uniform bar's density 155 is the median foreground value, mapped to 0.5.
		assertEquals(0f, r.data()[0]);
		assertEquals(0.5f, r.data()[32 * 64 + 32], 1e-6f);
		// The bar is ~4 px wide after scaling: count the rows at the centre column that are mostly inside it.
		int rows = 0;
		for (int y = 0; y < 64; y++) if (r.data()[y * 64 + 32] > 0.25f) rows++;
		assertTrue(rows >= 3 && rows <= 5, "scaled bar width " + rows);
	}

	@Test
	void invertedImageGivesIdenticalInput() {
		ArrayImg<UnsignedByteType, ByteArray> dark = bar(7, 50, 60);
		byte[] inv = Gray8.pixels(dark).clone();
		for (int i = 0; i < inv.length; i++) inv[i] = (byte) (255 - (inv[i] & 0xff));
		Preprocessor p = new Preprocessor(PreprocessSettings.robust(64));
		Preprocessor.Result a = p.apply(dark);
		Preprocessor.Result b = p.apply(Gray8.wrap(inv, 120, 80));
		assertEquals(Polarity.LIGHT_ON_DARK, b.polarity());
		assertArrayEquals(a.data(), b.data());
	}

	@Test
	void largeClusterIsScaledDownToFit() {
		Preprocessor.Result r = new Preprocessor(PreprocessSettings.paper().withInputSize(32)).apply(bar(9, 100, 100));
		// 32 px input minus a 4 px margin on each side leaves 24 px for the 100 px bar.
		assertEquals(24.0 / 100, r.scale(), 1e-9);
	}

	@Test
	void emptyCropIsRejectedWithAClearMessage() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new Preprocessor(PreprocessSettings.paper()).apply(Gray8.create(50, 50, 255)));
		assertTrue(e.getMessage().contains("No chromosome"), e.getMessage());
	}

	@Test
	void settingsAreValidated() {
		assertThrows(IllegalArgumentException.class, () -> PreprocessSettings.paper().withInputSize(8));
		assertThrows(IllegalArgumentException.class, () -> PreprocessSettings.robust(64).withTargetWidth(40));
	}
}
