package io.github.supcam.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

class MorphingTest {
	/** A straight bar, 80 x 8 pixels, on a 100 x 20 crop; its stain darkens along the length. */
	private static SingleChromosome bar() {
		int w = 100, h = 20;
		float[] t = new float[w * h];
		boolean[] mask = new boolean[w * h];
		Arrays.fill(t, 1f);
		for (int y = 6; y < 14; y++) for (int x = 10; x < 90; x++) {
			t[y * w + x] = 0.9f - 0.6f * (x - 10) / 80f;
			mask[y * w + x] = true;
		}
		return new SingleChromosome("bar", w, h, t, mask);
	}

	private static Morphing.Shape turned(double turn, double at, double length) {
		return new Morphing.Shape(1, 1, 0, false, turn, at, length);
	}

	@Test
	void turningTheAxisInvertsExactlyOnEveryPiece() {
		for (double turn : new double[] { 0.4, -1.3, Math.PI, -Math.PI }) {
			Morphing.Turn t = new Morphing.Turn(80, 4, turned(turn, 0.1, 0.4));
			double[] mid = t.turned(0, 0);
			MersenneTwister rng = new MersenneTwister(3);
			for (int i = 0; i < 200; i++) {
				// points within 3 pixels of the axis: nearer to their own piece than the arc's radius (10.2 px at pi)
				double u = -40 + 80 * rng.nextDouble(), v = -3 + 6 * rng.nextDouble();
				double[] p = t.turned(u, v);
				double[] back = t.unturn(p[0] - mid[0], p[1] - mid[1]);
				assertEquals(u, back[0], 1e-9, "u after turning by " + turn);
				assertEquals(v, back[1], 1e-9, "v after turning by " + turn);
			}
		}
	}

	@Test
	void aHalfTurnFoldsTheBarIntoAUWithItsEndsSideBySide() {
		SingleChromosome straight = Morphing.apply(bar(), turned(0, 0, 1), 0);
		SingleChromosome u = Morphing.apply(bar(), turned(Math.PI, 0, 0.5), 0);
		// the arc keeps lengths on the axis: the area changes only by the inner side's squeeze and outer side's stretch
		assertEquals(straight.area(), u.area(), 0.05 * straight.area());
		int[] s = extent(straight), f = extent(u);
		assertEquals(80, s[0], 2);
		assertEquals(8, s[1], 2);
		// the arc is 40 px long, radius 12.7: the arms (20 px each) run back side by side, 25.5 px apart
		assertEquals(20 + 12.7 + 4, f[0], 2);
		assertEquals(2 * 12.7 + 8, f[1], 2);
		assertTrue(f[0] < s[0] / 2, "the U spans less than half the bar's length");
	}

	@Test
	void aShortChromosomeTurnsNoFurtherThanItsWidthAllows() {
		// a 40 px arc of a bar 16 px wide: radius at least 8, so at most 5 radians however far the shape asks
		Morphing.Turn t = new Morphing.Turn(80, 8, turned(2 * Math.PI, 0, 0.5));
		double[] start = t.turned(-20, 0), end = t.turned(20, 0);
		double chord = Math.hypot(end[0] - start[0], end[1] - start[1]);
		assertEquals(2 * 8 * Math.sin(5 / 2.0), chord, 1e-9);
	}

	@Test
	void aTurnMustLieWithinTheChromosome() {
		assertThrows(IllegalArgumentException.class, () -> turned(1, 0.4, 0.5));
		assertThrows(IllegalArgumentException.class, () -> turned(1, 0, 0));
	}

	@Test
	void settingsWithoutTurnsDrawTheSameShapesAsBefore() {
		// the turn draws nothing when none is allowed, so datasets composed before it existed are remade exactly
		MorphologySettings s = MorphologySettings.defaults().withTurns(0, 1);
		MersenneTwister a = new MersenneTwister(9), b = new MersenneTwister(9);
		Morphing.Shape shape = Morphing.Shape.draw(s, a);
		double bend = s.maxBend() * b.nextDouble() * (b.nextBoolean() ? 1 : -1);
		assertEquals(bend, shape.bend());
		assertEquals(Morphing.uniform(s.minStretch(), s.maxStretch(), b), shape.stretch());
		assertEquals(Morphing.uniform(s.minWidthScale(), s.maxWidthScale(), b), shape.widthScale());
		assertEquals(b.nextDouble() < 0.3, shape.sBend());
		assertEquals(0, shape.turn());
		assertEquals(a.nextLong(), b.nextLong());
		Morphing.Shape withTurn = Morphing.Shape.draw(s.withTurns(180, 1), new MersenneTwister(9));
		assertEquals(shape.bend(), withTurn.bend());
		assertTrue(withTurn.turn() != 0 && Math.abs(withTurn.turn()) <= Math.PI);
	}

	@Test
	void aTurnShareTurnsThatShareOfTheChromosomes() {
		MorphologySettings s = MorphologySettings.defaults().withTurns(180, 0.35);
		MersenneTwister rng = new MersenneTwister(4);
		int turned = 0, n = 4000;
		for (int i = 0; i < n; i++) if (Morphing.Shape.draw(s, rng).turn() != 0) turned++;
		// binomial standard deviation about 30
		assertEquals(0.35 * n, turned, 120);
		assertThrows(IllegalArgumentException.class, () -> MorphologySettings.defaults().withTurns(90, 1.5));
	}

	/** Width and height of the mask's bounding box. */
	private static int[] extent(SingleChromosome c) {
		int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
		for (int i = 0; i < c.mask().length; i++) if (c.mask()[i]) {
			int x = i % c.width(), y = i / c.width();
			x0 = Math.min(x0, x);
			y0 = Math.min(y0, y);
			x1 = Math.max(x1, x);
			y1 = Math.max(y1, y);
		}
		return new int[] { x1 - x0 + 1, y1 - y0 + 1 };
	}
}
