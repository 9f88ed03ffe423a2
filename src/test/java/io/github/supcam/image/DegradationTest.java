package io.github.supcam.image;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DegradationTest {
	@Test
	void appliesWithItsProbabilityAndIsSeeded() {
		ArrayImg<UnsignedByteType, ByteArray> img = PerturbationTest.bar();
		Degradation d = Degradation.robustness(0.5);
		int changed = 0;
		Well19937c rng = new Well19937c(5);
		for (int i = 0; i < 400; i++) if (d.apply(img, rng) != img) changed++;
		assertEquals(200, changed, 30);
		ArrayImg<UnsignedByteType, ByteArray> a = Degradation.robustness(1).apply(img, new Well19937c(9));
		ArrayImg<UnsignedByteType, ByteArray> b = Degradation.robustness(1).apply(img, new Well19937c(9));
		assertArrayEquals(Gray8.pixels(a), Gray8.pixels(b), "the same seed gives the same bytes");
		int w = Gray8.width(a);
		assertTrue(w >= 20 && w <= 80, "scale within 0.5-2x: " + w);
	}

	@Test
	void noneDrawsNoRandomNumber() {
		Well19937c used = new Well19937c(3), fresh = new Well19937c(3);
		ArrayImg<UnsignedByteType, ByteArray> img = PerturbationTest.bar();
		assertSame(img, Degradation.NONE.apply(img, used));
		assertFalse(Degradation.NONE.enabled());
		assertEquals(fresh.nextLong(), used.nextLong(), "training without degradation keeps its random stream");
	}

	@Test
	void rejectsSettingsOutOfRange() {
		assertThrows(IllegalArgumentException.class, () -> new Degradation(1.5, 0.5, 2, 2, 0.3));
		assertThrows(IllegalArgumentException.class, () -> new Degradation(0.5, 2, 0.5, 2, 0.3));
		assertThrows(IllegalArgumentException.class, () -> new Degradation(0.5, 0.5, 2, -1, 0.3));
		assertThrows(IllegalArgumentException.class, () -> new Degradation(0.5, 0.5, 2, 2, 1));
		assertThrows(IllegalArgumentException.class, () -> new Degradation(Double.NaN, 0.5, 2, 2, 0.3));
	}

}
