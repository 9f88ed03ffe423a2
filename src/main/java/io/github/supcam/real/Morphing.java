package io.github.supcam.real;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Reshapes a real chromosome: aligns it with the x axis (principal axis of its mask), stretches it along the
 * axis, scales its width, bends it smoothly, and rotates the result by a given angle, all in one inverse mapping so
 * the stain is resampled once (bilinear; the mask nearest-neighbour).
 */
public final class Morphing {
	private Morphing() {}

	/**
	 * One drawn shape change.
	 *
	 * @param stretch factor along the axis
	 * @param widthScale factor across the axis
	 * @param bend sideways offset as a fraction of the (stretched) length
	 * @param sBend an S bend (two opposite arcs) rather than a C bend
	 */
	public record Shape(double stretch, double widthScale, double bend, boolean sBend) {
		/** A shape drawn from the settings' ranges. */
		public static Shape draw(MorphologySettings s, RandomGenerator rng) {
			double bend = s.maxBend() * rng.nextDouble() * (rng.nextBoolean() ? 1 : -1);
			return new Shape(uniform(s.minStretch(), s.maxStretch(), rng), uniform(s.minWidthScale(),
				s.maxWidthScale(), rng), bend, rng.nextDouble() < 0.3);
		}
	}

	static double uniform(double lo, double hi, RandomGenerator rng) {
		return lo + (hi - lo) * rng.nextDouble();
	}

	/**
	 * {@code c} reshaped by {@code shape}, then turned so its axis points along {@code angle} (radians, counter-
	 * clockwise from the x axis in image coordinates with y down: clockwise on screen).
	 */
	public static SingleChromosome apply(SingleChromosome c, Shape shape, double angle) {
		int w = c.width();
		double n = 0, sx = 0, sy = 0;
		for (int i = 0; i < c.mask().length; i++) if (c.mask()[i]) {
			n++;
			sx += i % w;
			sy += i / w;
		}
		double cx = sx / n + 0.5, cy = sy / n + 0.5, mxx = 0, myy = 0, mxy = 0;
		for (int i = 0; i < c.mask().length; i++) if (c.mask()[i]) {
			double dx = i % w + 0.5 - cx, dy = i / w + 0.5 - cy;
			mxx += dx * dx;
			myy += dy * dy;
			mxy += dx * dy;
		}
		double axis = 0.5 * Math.atan2(2 * mxy, mxx - myy);
		double ca = Math.cos(axis), sa = Math.sin(axis);
		// Extent of the mask along (u) and across (v) its axis, in source pixels.
		double uMin = Double.MAX_VALUE, uMax = -Double.MAX_VALUE, vMin = Double.MAX_VALUE, vMax = -Double.MAX_VALUE;
		for (int i = 0; i < c.mask().length; i++) if (c.mask()[i]) {
			double dx = i % w + 0.5 - cx, dy = i / w + 0.5 - cy;
			double u = dx * ca + dy * sa, v = -dx * sa + dy * ca;
			uMin = Math.min(uMin, u - 0.5);
			uMax = Math.max(uMax, u + 0.5);
			vMin = Math.min(vMin, v - 0.5);
			vMax = Math.max(vMax, v + 0.5);
		}
		double length = (uMax - uMin) * shape.stretch();
		double offset = shape.bend() * length;
		double uMid = (uMin + uMax) / 2 * shape.stretch();
		// Output frame: large enough for the reshaped chromosome in any rotation.
		double halfL = length / 2 + 2, halfW = Math.max(-vMin, vMax) * shape.widthScale() + Math.abs(offset) + 2;
		double radius = Math.hypot(halfL, halfW);
		int size = (int) Math.ceil(2 * radius) + 2;
		double o = size / 2.0, cr = Math.cos(angle), sr = Math.sin(angle);
		float[] tr = new float[size * size];
		boolean[] mask = new boolean[size * size];
		for (int y = 0; y < size; y++) for (int x = 0; x < size; x++) {
			double dx = x + 0.5 - o, dy = y + 0.5 - o;
			// Undo the final rotation: (U, V) in the reshaped, axis-aligned frame.
			double bigU = dx * cr + dy * sr, bigV = -dx * sr + dy * cr;
			double t = bigU / Math.max(1e-9, length); // -0.5..0.5 along the reshaped length
			double u = (bigU + uMid) / shape.stretch();
			double v = (bigV - offset * bend(t, shape.sBend())) / shape.widthScale();
			double srcX = cx + u * ca - v * sa - 0.5, srcY = cy + u * sa + v * ca - 0.5;
			int i = y * size + x;
			tr[i] = sample(c, srcX, srcY);
			int nx = (int) Math.round(srcX), ny = (int) Math.round(srcY);
			mask[i] = nx >= 0 && ny >= 0 && nx < w && ny < c.height() && c.mask()[ny * w + nx];
		}
		return new SingleChromosome(c.name(), size, size, tr, mask);
	}

	/** Sideways offset profile along the length t in [-0.5, 0.5]: 0 at the ends' mean, 1 at the peak. */
	static double bend(double t, boolean sBend) {
		double tt = Math.max(-0.5, Math.min(0.5, t));
		return sBend ? Math.sin(2 * Math.PI * tt) : 1 - 4 * tt * tt - 1.0 / 3;
	}

	private static float sample(SingleChromosome c, double x, double y) {
		int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
		double fx = x - x0, fy = y - y0;
		return (float) ((1 - fy) * ((1 - fx) * at(c, x0, y0) + fx * at(c, x0 + 1, y0)) +
			fy * ((1 - fx) * at(c, x0, y0 + 1) + fx * at(c, x0 + 1, y0 + 1)));
	}

	private static float at(SingleChromosome c, int x, int y) {
		return x < 0 || y < 0 || x >= c.width() || y >= c.height() ? 1f : c.transmittance()[y * c.width() + x];
	}
}
