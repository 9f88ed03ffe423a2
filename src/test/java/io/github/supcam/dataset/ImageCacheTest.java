package io.github.supcam.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.supcam.TinyTraining;
import io.github.supcam.image.Degradation;
import io.github.supcam.image.Gray8;
import io.github.supcam.model.Preprocessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.apache.commons.math3.random.Well19937c;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ImageCacheTest {
	private static final Preprocessor PRE = new Preprocessor(TinyTraining.PREPROCESS);

	private static ImageCache.Entry entry(ArrayImg<UnsignedByteType, ByteArray> canvas, float[] input) {
		return new ImageCache.Entry(new LabelledImage(Path.of("x.png"), "x.png", ClusterType.INSTANCE), canvas, input);
	}

	@Test
	void changedCanvasesArePreprocessedAnewAndEmptyOnesKeepTheirInput() {
		ArrayImg<UnsignedByteType, ByteArray> bar = Gray8.create(96, 96, 220);
		byte[] px = Gray8.pixels(bar);
		for (int y = 30; y < 66; y++) for (int x = 44; x < 52; x++) px[y * 96 + x] = (byte) 40;
		float[] input = PRE.apply(bar).data();
		ImageCache.Entry e = entry(bar, input);
		assertSame(input, e.input(Degradation.NONE, PRE, new Well19937c(1)));
		float[] changed = e.input(Degradation.robustness(1), PRE, new Well19937c(1));
		assertEquals(input.length, changed.length);
		assertFalse(Arrays.equals(input, changed));
		assertArrayEquals(changed, e.input(Degradation.robustness(1), PRE, new Well19937c(1)));
		// a canvas without foreground cannot be preprocessed: the unchanged input is used
		ImageCache.Entry blank = entry(Gray8.create(96, 96, 220), input);
		assertSame(input, blank.input(Degradation.robustness(1), PRE, new Well19937c(1)));
	}
}
