package io.github.supcam.real;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Reshapes a real chromosome: aligns it with the x axis (principal axis of its mask), stretches it along the
 * axis, scales its width, bends it smoothly, turns its axis along an arc (up to a U or hairpin, as long
 * prometaphase chromosomes fold in real spreads), and rotates the result by a given angle, all in one inverse
 * mapping so the stain is resampled once (bilinear; the mask nearest-neighbour).
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
	 * @param turn how far the axis turns along one circular arc, radians (signed; 0: no turn, pi: a U)
	 * @param turnAt the arc's middle, as a position along the length in [-0.5, 0.5]
	 * @param turnLength the arc's length as a fraction of the chromosome's, in (0, 1]
	 */
	public record Shape(double stretch, double widthScale, double bend, boolean sBend, double turn, double turnAt,
		double turnLength)
	{
		public Shape {
			if (!(turnLength > 0 && turnLength <= 1 && Math.abs(turnAt) + turnLength / 2 <= 0.5 + 1e-9))
				throw new IllegalArgumentException("The turn's arc must lie within the chromosome, got middle " +
					turnAt + " and length " + turnLength);
		}

		/**
		 * A shape drawn from the settings' ranges. The turn draws nothing when the settings allow none, and whether
		 * this chromosome turns draws nothing when every one does, so data composed before either existed stay
		 * the same.
		 */
		public static Shape draw(MorphologySettings s, RandomGenerator rng) {
			double bend = s.maxBend() * rng.nextDouble() * (rng.nextBoolean() ? 1 : -1);
			double stretch = uniform(s.minStretch(), s.maxStretch(), rng);
			double widthScale = uniform(s.minWidthScale(), s.maxWidthScale(), rng);
			boolean sBend = rng.nextDouble() < 0.3;
			if (s.maxTurn() == 0 || s.turnShare() < 1 && rng.nextDouble() >= s.turnShare())
				return new Shape(stretch, widthScale, bend, sBend, 0, 0, 1);
			double turn = Math.toRadians(s.maxTurn()) * rng.nextDouble() * (rng.nextBoolean() ? 1 : -1);
			double turnLength = uniform(0.05, 1, rng);
			return new Shape(stretch, widthScale, bend, sBend, turn, (0.5 - turnLength / 2) * uniform(-1, 1, rng),
				turnLength);
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
		SingleChromosome.Axis ax = c.axis();
		double cx = ax.cx(), cy = ax.cy(), ca = Math.cos(ax.angle()), sa = Math.sin(ax.angle());
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
		Turn turn = shape.turn() == 0 ? null : new Turn(length, Math.max(-vMin, vMax) * shape.widthScale(), shape);
		// a turned axis stays within half its length of its middle, but not along one line
		double radius = turn == null ? Math.hypot(halfL, halfW) : halfL + halfW;
		int size = (int) Math.ceil(2 * radius) + 2;
		double o = size / 2.0, cr = Math.cos(angle), sr = Math.sin(angle);
		float[] tr = new float[size * size];
		boolean[] mask = new boolean[size * size];
		for (int y = 0; y < size; y++) for (int x = 0; x < size; x++) {
			double dx = x + 0.5 - o, dy = y + 0.5 - o;
			// Undo the final rotation: (U, V) in the reshaped, axis-aligned frame.
			double bigU = dx * cr + dy * sr, bigV = -dx * sr + dy * cr;
			if (turn != null) {
				double[] uv = turn.unturn(bigU, bigV);
				bigU = uv[0];
				bigV = uv[1];
			}
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

	/**
	 * The axis (the x axis from -length/2 to length/2) runs straight, turns by {@code angle} along a circular arc
	 * from {@code u1} to {@code u2}, then runs straight again; a point keeps its distance from the axis. Turned
	 * coordinates are centred on the axis's middle. The arc's radius is at least the half width, as for a chromosome
	 * folded until its inner edges meet, so a short chromosome turns less than a long one: one 2.6 widths long turns
	 * at most about 60 degrees over a third of its length, one 10 widths long folds into a hairpin.
	 */
	static final class Turn {
		private final double u1, u2, radius, sign, angle, midX, midY, endX, endY, dirX, dirY, normX, normY;

		Turn(double length, double halfWidth, Shape shape) {
			double arc = shape.turnLength() * length;
			u1 = (shape.turnAt() - shape.turnLength() / 2) * length;
			u2 = u1 + arc;
			sign = Math.signum(shape.turn());
			angle = Math.min(Math.abs(shape.turn()), arc / Math.max(1e-9, halfWidth));
			radius = arc / angle;
			endX = u1 + radius * Math.sin(angle);
			endY = sign * radius * (1 - Math.cos(angle));
			dirX = Math.cos(angle);
			dirY = sign * Math.sin(angle);
			normX = -sign * Math.sin(angle);
			normY = Math.cos(angle);
			double[] mid = turned(0, 0);
			midX = mid[0];
			midY = mid[1];
		}

		/** Where the straight frame's (u, v) lands, before centring. */
		double[] turned(double u, double v) {
			if (u <= u1) return new double[] { u, v };
			if (u >= u2) return new double[] { endX + (u - u2) * dirX + v * normX, endY + (u - u2) * dirY + v * normY };
			double a = (u - u1) / radius, r = radius - sign * v;
			return new double[] { u1 + r * Math.sin(a), sign * radius - sign * r * Math.cos(a) };
		}

		/**
		 * The straight frame's (u, v) of a centred turned point: of the pieces that can reach it (before, along or
		 * after the arc), the one whose axis is nearest. A point no piece reaches maps far off the chromosome.
		 */
		double[] unturn(double x, double y) {
			x += midX;
			y += midY;
			double bestU = Double.NaN, bestV = Double.POSITIVE_INFINITY;
			if (x <= u1) {
				bestU = x;
				bestV = y;
			}
			double ax = x - u1, ay = sign * radius - y;
			double a = Math.atan2(ax, sign * ay), r = Math.hypot(ax, ay);
			if (a >= 0 && a <= angle && Math.abs(radius - r) < Math.abs(bestV)) {
				bestU = u1 + a * radius;
				bestV = sign * (radius - r);
			}
			double ex = x - endX, ey = y - endY, along = ex * dirX + ey * dirY, across = ex * normX + ey * normY;
			if (along >= 0 && Math.abs(across) < Math.abs(bestV)) {
				bestU = u2 + along;
				bestV = across;
			}
			return Double.isNaN(bestU) ? new double[] { 1e9, 1e9 } : new double[] { bestU, bestV };
		}
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
