package io.github.supcam.compose;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.Polarity;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static io.github.supcam.compose.TestImages.canvas;
import static io.github.supcam.compose.TestImages.fillRect;
import static io.github.supcam.compose.TestImages.set;
import static io.github.supcam.dataset.ClusterType.INSTANCE;
import static io.github.supcam.dataset.ClusterType.OVERLAPPING;
import static io.github.supcam.dataset.ClusterType.TOUCHING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComposerTest {
	private static final int S = 8;

	private static CompositionSettings small(int size) {
		return CompositionSettings.defaults().withSize(size);
	}

	private static CompositionResult compose(CompositionSettings s, long seed, ArrayImg<UnsignedByteType, ByteArray> p,
		ClusterType yp, ArrayImg<UnsignedByteType, ByteArray> c, ClusterType yc)
	{
		return new Composer(s, new Well19937c(seed)).compose(p, yp, c, yc);
	}

	private record Pair(ArrayImg<UnsignedByteType, ByteArray> p, ArrayImg<UnsignedByteType, ByteArray> c) {}

	/**
	 * Primary foreground {@code pv} in two opposite corners, candidate foreground {@code cv} in the other two, and
	 * both at (x, y): both boxes are the whole canvas, so both shifts are forced to 0 and every output pixel can be
	 * computed by hand.
	 */
	private static Pair pinned(int size, int background, int pv, int cv, int x, int y) {
		ArrayImg<UnsignedByteType, ByteArray> p = canvas(size, background), c = canvas(size, background);
		int last = size - 1;
		for (int[] xy : new int[][] { { 0, 0 }, { last, last }, { x, y } }) set(p, xy[0], xy[1], pv);
		for (int[] xy : new int[][] { { last, 0 }, { 0, last }, { x, y } }) set(c, xy[0], xy[1], cv);
		return new Pair(p, c);
	}

	@Test
	void combinesPixelsByHandForEachMode() {
		Pair pair = pinned(S, 255, 100, 120, 3, 3);
		ArrayImg<UnsignedByteType, ByteArray> p = pair.p(), c = pair.c();
		set(c, 3, 3, 201);
		set(p, 4, 4, 240); // not foreground (threshold 230): must become background
		set(c, 5, 2, 229); // just foreground
		int[] expectedOverlap = { 151, -1, 100 }; // EQUAL (100+201+1)/2 = 151 (150.5 rounded half up), BETA below, MAX darker
		for (Combine mode : Combine.values()) {
			// The paper's rule, with a fixed threshold: pixels foreground in neither image become the background value.
			CompositionResult r = compose(small(S).withCombine(mode).withForegroundThreshold(230), 7, p, INSTANCE, c,
				INSTANCE);
			assertEquals(CompositionResult.Source.COMPOSED, r.source(), mode.toString());
			assertEquals(0, r.primaryShiftX());
			assertEquals(0, r.candidateShiftY());
			assertEquals(1, r.intersection());
			assertEquals(TOUCHING, r.label());
			int want = mode == Combine.BETA ? (int) Math.round(r.lambda() * 100 + (1 - r.lambda()) * 201) :
				expectedOverlap[mode.ordinal()];
			assertEquals(want, Gray8.get(r.image(), 3, 3), mode.toString());
			assertEquals(100, Gray8.get(r.image(), 0, 0));
			assertEquals(120, Gray8.get(r.image(), 7, 0));
			assertEquals(229, Gray8.get(r.image(), 5, 2));
			assertEquals(255, Gray8.get(r.image(), 4, 4));
			assertEquals(255, Gray8.get(r.image(), 1, 1));
			assertEquals(255, Gray8.get(r.intersectionMask(), 3, 3));
			assertEquals(0, Gray8.get(r.intersectionMask(), 0, 0));
		}
	}

	@Test
	void betaDrawsLambdaFromBetaOneOne() {
		Pair pair = pinned(S, 255, 0, 200, 3, 3);
		ArrayImg<UnsignedByteType, ByteArray> p = pair.p(), c = pair.c();
		Composer composer = new Composer(small(S).withCombine(Combine.BETA), new Well19937c(3));
		double sum = 0;
		int n = 2000;
		for (int i = 0; i < n; i++) {
			CompositionResult r = composer.compose(p, INSTANCE, c, INSTANCE);
			assertTrue(r.lambda() >= 0 && r.lambda() <= 1);
			assertEquals((int) Math.round((1 - r.lambda()) * 200), Gray8.get(r.image(), 3, 3));
			sum += r.lambda();
		}
		assertEquals(0.5, sum / n, 0.03, "Beta(1,1) has mean 1/2");
	}

	@Test
	void maxTakesTheBrighterPixelForLightOnDark() {
		CompositionSettings s = small(S).withPolarity(Polarity.LIGHT_ON_DARK, 0).withCombine(Combine.MAX);
		assertEquals(25, s.foregroundThreshold());
		Pair pair = pinned(S, 0, 150, 90, 2, 5);
		set(pair.c(), 6, 6, 20); // below threshold: background
		CompositionResult r = compose(s, 1, pair.p(), INSTANCE, pair.c(), INSTANCE);
		assertEquals(150, Gray8.get(r.image(), 2, 5));
		assertEquals(90, Gray8.get(r.image(), 7, 0));
		assertEquals(0, Gray8.get(r.image(), 6, 6));
	}

	@Test
	void intersectionThresholdSeparatesTouchingFromOverlapping() {
		int size = 40;
		for (int extra = 0; extra <= 1; extra++) {
			Pair pair = pinned(size, 255, 50, 60, 5, 5); // the shared pixel lies in the block below
			ArrayImg<UnsignedByteType, ByteArray> p = pair.p(), c = pair.c();
			fillRect(p, 5, 5, 10, 20, 50); // 200 shared pixels
			fillRect(c, 5, 5, 10, 20, 60);
			if (extra == 1) {
				set(p, 30, 30, 50);
				set(c, 30, 30, 60);
			}
			CompositionResult r = compose(small(size), 5, p, INSTANCE, c, INSTANCE);
			assertEquals(200 + extra, r.intersection());
			assertEquals(extra == 0 ? TOUCHING : OVERLAPPING, r.label());
			assertEquals(1, r.attempts());
		}
	}

	@Test
	void adaptiveThresholdFollowsEachImagesBackground() {
		int size = 32;
		// A grey (200) slide: a fixed threshold of 230 would make all of it foreground and every draw overlap.
		ArrayImg<UnsignedByteType, ByteArray> p = canvas(size, 200), c = canvas(size, 200);
		fillRect(p, 4, 4, 6, 6, 80);
		fillRect(c, 20, 20, 6, 6, 90);
		CompositionResult r = compose(small(size).withRequireContact(false), 1, p, INSTANCE, c, INSTANCE);
		assertEquals(CompositionResult.Source.COMPOSED, r.source());
		assertTrue(r.intersection() <= 36, "only the squares can intersect, got " + r.intersection());
		// Empty pixels keep the primary's background, not white.
		assertEquals(200, Gray8.pixels(r.image())[0] & 0xff);
		CompositionResult fixed = compose(small(size).withForegroundThreshold(230).withRequireContact(false), 1, p,
			INSTANCE, c, INSTANCE);
		assertEquals(size * size, fixed.intersection(), "a fixed threshold above the background floods the mask");
	}

	@Test
	void shiftsNeverClipForegroundAndSpanTheWholeRange() {
		int size = 32;
		SplittableRandom boxes = new SplittableRandom(11);
		// A fixed threshold: some boxes fill the whole canvas, leaving no border to take a background from.
		CompositionSettings s = small(size).withCombine(Combine.MAX).withRequireContact(false)
			.withForegroundThreshold(230);
		for (int trial = 0; trial < 300; trial++) {
			int pw = 1 + boxes.nextInt(size), ph = 1 + boxes.nextInt(size);
			int px = boxes.nextInt(size - pw + 1), py = boxes.nextInt(size - ph + 1);
			int cw = 1 + boxes.nextInt(size), ch = 1 + boxes.nextInt(size);
			int cx = boxes.nextInt(size - cw + 1), cy = boxes.nextInt(size - ch + 1);
			ArrayImg<UnsignedByteType, ByteArray> p = canvas(size, 255), c = canvas(size, 255);
			fillRect(p, px, py, pw, ph, 10);
			fillRect(c, cx, cy, cw, ch, 20);
			CompositionResult r = compose(s, trial, p, INSTANCE, c, INSTANCE);
			assertEquals(CompositionResult.Source.COMPOSED, r.source());
			// boxes stay inside the canvas
			assertTrue(px + r.primaryShiftX() >= 0 && px + pw - 1 + r.primaryShiftX() < size, "trial " + trial);
			assertTrue(py + r.primaryShiftY() >= 0 && py + ph - 1 + r.primaryShiftY() < size, "trial " + trial);
			assertTrue(cx + r.candidateShiftX() >= 0 && cx + cw - 1 + r.candidateShiftX() < size, "trial " + trial);
			assertTrue(cy + r.candidateShiftY() >= 0 && cy + ch - 1 + r.candidateShiftY() < size, "trial " + trial);
			// with MAX on dark-on-light every foreground pixel of both survives: |out| = |P| + |C| - |P∩C|
			int fg = 0;
			for (byte b : Gray8.pixels(r.image())) if ((b & 0xff) < 230) fg++;
			assertEquals(pw * ph + cw * ch - r.intersection(), fg, "trial " + trial);
		}
		// a 1-pixel-wide box at x=0 may land anywhere: shifts 0..size-1 are all reachable
		ArrayImg<UnsignedByteType, ByteArray> dot = canvas(size, 255);
		set(dot, 0, 0, 0);
		Composer composer = new Composer(s, new Well19937c(1));
		boolean[] seen = new boolean[size];
		for (int i = 0; i < 2000; i++) seen[composer.compose(dot, INSTANCE, dot, INSTANCE).primaryShiftX()] = true;
		for (int x = 0; x < size; x++) assertTrue(seen[x], "shift " + x + " never drawn");
	}

	@Test
	void uncertainPairFallsBackToCandidateAfterMaxAttempts() {
		int size = 32;
		ArrayImg<UnsignedByteType, ByteArray> p = canvas(size, 255), c = canvas(size, 255);
		fillRect(p, 1, 1, 30, 30, 40); // two huge clusters always overlap by >= 28*28 pixels
		fillRect(c, 0, 0, 30, 30, 60);
		CompositionResult r = compose(small(size).withMaxAttempts(7), 9, p, TOUCHING, c, TOUCHING);
		assertEquals(CompositionResult.Source.CANDIDATE, r.source());
		assertEquals(7, r.attempts());
		assertEquals(TOUCHING, r.label());
		assertSame(c, r.image());
		assertNull(r.intersectionMask());
		// the same pair under HEAVY is labelled at the first draw
		CompositionResult heavy = compose(small(size).withTable(LabelTable.HEAVY), 9, p, TOUCHING, c, TOUCHING);
		assertEquals(ClusterType.TOUCHING_OVERLAPPING, heavy.label());
		assertEquals(1, heavy.attempts());
	}

	@Test
	void tableNoneAndEmptyImagesReturnTheCandidate() {
		Pair pair = pinned(S, 255, 0, 0, 0, 0);
		ArrayImg<UnsignedByteType, ByteArray> p = pair.p(), c = pair.c();
		CompositionResult none = compose(small(S).withTable(LabelTable.NONE), 1, p, INSTANCE, c, OVERLAPPING);
		assertEquals(CompositionResult.Source.CANDIDATE, none.source());
		assertEquals(OVERLAPPING, none.label());
		assertEquals(0, none.attempts());
		CompositionResult empty = compose(small(S), 1, canvas(S, 255), INSTANCE, c, OVERLAPPING);
		assertEquals(CompositionResult.Source.CANDIDATE, empty.source());
		assertEquals(0, empty.attempts());
	}

	/** Chebyshev distance from the candidate dot (3,3) to the nearer primary dot, (2,2) or (5,5), after the shifts. */
	private static int dotDistance(CompositionResult r) {
		int cx = 3 + r.candidateShiftX(), cy = 3 + r.candidateShiftY(), best = Integer.MAX_VALUE;
		for (int d : new int[] { 2, 5 })
			best = Math.min(best, Math.max(Math.abs(d + r.primaryShiftX() - cx), Math.abs(d + r.primaryShiftY() - cy)));
		return best;
	}

	@Test
	void drawsWithoutContactAreRedrawn() {
		// the primary's two dots span a box, so "inside the box" and "touching a foreground pixel" differ
		int size = 8;
		ArrayImg<UnsignedByteType, ByteArray> p = canvas(size, 255), c = canvas(size, 255);
		set(p, 2, 2, 0);
		set(p, 5, 5, 0);
		set(c, 3, 3, 0);
		int composedWithContact = 0, fallbacks = 0, apartWhenAllowed = 0;
		for (long seed = 0; seed < 300; seed++) {
			CompositionResult r = compose(small(size).withMaxAttempts(3), seed, p, INSTANCE, c, INSTANCE);
			if (r.source() == CompositionResult.Source.CANDIDATE) {
				fallbacks++;
				continue;
			}
			assertTrue(dotDistance(r) <= 1, "dots composed without 8-connected contact, seed " + seed);
			assertEquals(dotDistance(r) == 0 ? 1 : 0, r.intersection());
			composedWithContact++;
			CompositionResult free = compose(small(size).withMaxAttempts(3).withRequireContact(false), seed, p, INSTANCE,
				c, INSTANCE);
			assertEquals(1, free.attempts(), "without the contact rule every draw of I+I is labelled");
		}
		for (long seed = 0; seed < 50; seed++) {
			CompositionResult r = compose(small(size).withRequireContact(false), seed, p, INSTANCE, c, INSTANCE);
			if (dotDistance(r) > 1) {
				apartWhenAllowed++;
				assertEquals(TOUCHING, r.label());
			}
		}
		assertTrue(composedWithContact > 10, "some draws touch: " + composedWithContact);
		assertTrue(fallbacks > 10, "many 3-draw runs never touch: " + fallbacks);
		assertTrue(apartWhenAllowed > 10, "with requireContact off, apart dots are composed: " + apartWhenAllowed);
	}

	@Test
	void sameSeedSameBytes() {
		ArrayImg<UnsignedByteType, ByteArray> p = TestImages.rod(64, 64, 5, 5, 50, 40, 60);
		ArrayImg<UnsignedByteType, ByteArray> c = TestImages.rod(64, 64, 30, 5, 10, 60, 90);
		for (Combine mode : Combine.values()) {
			CompositionSettings s = small(64).withCombine(mode);
			Composer a = new Composer(s, new Well19937c(42)), b = new Composer(s, new Well19937c(42));
			for (int i = 0; i < 20; i++) {
				CompositionResult ra = a.compose(p, INSTANCE, c, OVERLAPPING), rb = b.compose(p, INSTANCE, c, OVERLAPPING);
				assertArrayEquals(Gray8.pixels(ra.image()), Gray8.pixels(rb.image()));
				assertEquals(ra, new CompositionResult(ra.image(), rb.label(), rb.source(), rb.primaryShiftX(),
					rb.primaryShiftY(), rb.candidateShiftX(), rb.candidateShiftY(), rb.intersection(), rb.attempts(),
					rb.lambda(), ra.intersectionMask()));
			}
		}
	}

	@Test
	void rejectsImagesOfTheWrongSize() {
		Composer composer = new Composer(small(S), new Well19937c(1));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> composer.compose(canvas(S + 1, 255), INSTANCE, canvas(S, 255), INSTANCE));
		assertTrue(e.getMessage().contains("9x9"), e.getMessage());
	}
}
