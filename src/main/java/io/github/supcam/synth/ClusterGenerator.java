package io.github.supcam.synth;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.Gray8;
import org.apache.commons.math3.random.RandomGenerator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Composes ground-truth clusters of a requested type. Chromosomes that overlap are placed so that their centrelines
 * cross; a chromosome that touches is slid, one pixel at a time, towards the cluster until its mask first meets
 * another (a step of at most one pixel per axis cannot jump from apart to overlapping), then nudged to touch along
 * more of its edge. The type is then measured on
 * the rendered masks and the cluster re-drawn until it matches, so no sample is ever mislabelled.
 */
public final class ClusterGenerator {
	private static final int MARGIN = 2;
	/** Most one-pixel nudges a touching chromosome makes to lie snugly against the cluster. */
	private static final int SETTLE_STEPS = 6;

	private final SynthSettings settings;

	public ClusterGenerator(SynthSettings settings) {
		this.settings = settings;
	}

	public SynthSettings settings() {
		return settings;
	}

	/** A cluster drawn in a frame of its own, not yet placed on a canvas. */
	record Composed(List<DensityMap> chromosomes, ClusterGeometry geometry, int[] bounds, double widthPx,
		double scale) {}

	/** How chromosome {@code i > 0} of a plan joins the ones before it. */
	private record Join(int crossTarget, double targetFraction, double ownFraction, double direction) {
		boolean crosses() {
			return crossTarget >= 0;
		}
	}

	/**
	 * Renders one cluster of the requested type centred on a {@code size x size} canvas.
	 *
	 * @throws IllegalStateException when no cluster of the type fitted within {@link SynthSettings#maxAttempts()}
	 */
	public SynthCluster generate(ClusterType type, int size, RandomGenerator rng) {
		if (size < 32) throw new IllegalArgumentException("Canvas size must be at least 32 px, got " + size);
		Appearance look = Appearance.draw(settings, rng);
		double width = settings.widthPx().draw(rng);
		double limit = Math.min(settings.fill().draw(rng) * size, size - 2 * MARGIN);
		Composed c = compose(type, look, width, limit, rng);
		int ox = (size - c.bounds()[2]) / 2 - c.bounds()[0], oy = (size - c.bounds()[3]) / 2 - c.bounds()[1];
		float[] density = new float[size * size];
		List<boolean[]> masks = new ArrayList<>();
		List<Mask> placed = new ArrayList<>();
		for (DensityMap d : c.chromosomes()) {
			d.addTo(density, size, size, ox, oy);
			Mask m = d.mask.shifted(ox, oy);
			placed.add(m);
			masks.add(m.toFrame(size, size));
		}
		ClusterGeometry g = ClusterLabels.measure(placed);
		if (g.type() != type) throw new IllegalStateException("Internal error: placed " + type + " cluster measures as " +
			g.type());
		int[] b = c.bounds();
		return new SynthCluster(Gray8.wrap(look.expose(density, rng), size, size), type, List.copyOf(masks), g,
			c.widthPx(), c.scale(), new int[] { b[0] + ox, b[1] + oy, b[2], b[3] });
	}

	/**
	 * Draws clusters until one measures as {@code type} and spans at most {@code limit} pixels (shrinking it when it
	 * is too large).
	 */
	Composed compose(ClusterType type, Appearance look, double width, double limit, RandomGenerator rng) {
		for (int attempt = 0; attempt < settings.maxAttempts(); attempt++) {
			int n = switch (type) {
				case INSTANCE -> 1;
				case TOUCHING -> 2 + rng.nextInt(2);
				case OVERLAPPING -> 2;
				case TOUCHING_OVERLAPPING -> 3 + (rng.nextDouble() < 0.3 ? 1 : 0);
			};
			List<ChromosomeShape> shapes = new ArrayList<>();
			List<Join> joins = new ArrayList<>();
			double angle0 = Math.PI * rng.nextDouble();
			for (int i = 0; i < n; i++) {
				boolean cross = type == ClusterType.OVERLAPPING && i == 1 ||
					type == ClusterType.TOUCHING_OVERLAPPING && (i == 1 || i == 3 && rng.nextBoolean());
				// Crossing rods meet at 30..90 degrees, so the overlap is a patch and not a long shared edge.
				double angle = i == 0 ? angle0 : cross ? angle0 + (rng.nextBoolean() ? 1 : -1) * (0.55 + 1.0 *
					rng.nextDouble()) : Math.PI * rng.nextDouble();
				shapes.add(ChromosomeShape.random(rng, settings.morphology(), look.bandScale(), width,
					width * settings.morphology().drawAspect(settings.aspect(), rng), settings.bendRad().draw(rng), angle,
					settings.centromereDepth().draw(rng), look.bandContrast(), look.bandSharpness()));
				joins.add(new Join(cross ? rng.nextInt(Math.min(i, 2)) : -1, 0.2 + 0.6 * rng.nextDouble(),
					0.2 + 0.6 * rng.nextDouble(), 2 * Math.PI * rng.nextDouble()));
			}
			double scale = 1;
			long grainSeed = rng.nextLong();
			for (int fit = 0; fit < 4; fit++) {
				Composed c = realize(shapes, joins, look, scale, grainSeed);
				if (c == null || c.geometry().type() != type) break;
				double extent = Math.max(c.bounds()[2], c.bounds()[3]);
				if (extent <= limit) return c;
				scale *= 0.98 * limit / extent;
			}
		}
		throw new IllegalStateException("Could not draw a " + type + " cluster within " + limit + " px in " +
			settings.maxAttempts() + " attempts; widen the settings (e.g. smaller widthPx or aspect)");
	}

	/** Renders a plan at a scale; null when a touching chromosome found nothing to touch. */
	private Composed realize(List<ChromosomeShape> shapes, List<Join> joins, Appearance look, double scale,
		long grainSeed)
	{
		SplittableRandom grain = new SplittableRandom(grainSeed);
		List<DensityMap> placed = new ArrayList<>();
		double[][] offsets = new double[shapes.size()][];
		for (int i = 0; i < shapes.size(); i++) {
			ChromosomeShape s = shapes.get(i);
			Join j = joins.get(i);
			if (i == 0 || j.crosses()) {
				double dx = 0, dy = 0;
				if (i > 0) {
					double[] target = shapes.get(j.crossTarget()).pointAt(j.targetFraction());
					double[] own = s.pointAt(j.ownFraction());
					dx = target[0] + offsets[j.crossTarget()][0] - own[0];
					dy = target[1] + offsets[j.crossTarget()][1] - own[1];
				}
				offsets[i] = new double[] { dx, dy };
				placed.add(DensityMap.render(s.transformed(dx, dy, scale), look.darkness(), look.blurSigmaPx(), grain));
			} else {
				DensityMap d = slideToContact(DensityMap.render(s.transformed(0, 0, scale), look.darkness(),
					look.blurSigmaPx(), grain), placed, j.direction());
				if (d == null) return null;
				placed.add(d);
			}
		}
		List<Mask> masks = new ArrayList<>();
		for (DensityMap d : placed) masks.add(d.mask);
		int[] bounds = union(masks);
		return new Composed(placed, ClusterLabels.measure(masks), bounds, shapes.get(0).width * scale, scale);
	}

	/** {@code d} slid into contact with the placed chromosomes ({@link #slideToContact(Mask, List, double)}). */
	private static DensityMap slideToContact(DensityMap d, List<DensityMap> placed, double direction) {
		List<Mask> masks = new ArrayList<>();
		for (DensityMap p : placed) masks.add(p.mask);
		int[] shift = slideToContact(d.mask, masks, direction);
		return shift == null ? null : d.shifted(shift[0], shift[1]);
	}

	/**
	 * The shift {dx, dy} that moves {@code moving} from far away along {@code direction} towards the centre of the
	 * {@code placed} masks until it first touches one of them, then nudged to touch along more of its edge; null if
	 * it would overlap first or passes by without contact.
	 */
	public static int[] slideToContact(Mask moving, List<Mask> placed, double direction) {
		int[] u = union(placed);
		return u == null ? null : slideToContact(moving, placed, direction, u[0] + u[2] / 2.0, u[1] + u[3] / 2.0);
	}

	/**
	 * As {@link #slideToContact(Mask, List, double)}, but the moving mask's centre travels on the line through
	 * ({@code cx}, {@code cy}) instead of the placed masks' centre.
	 */
	public static int[] slideToContact(Mask moving, List<Mask> placed, double direction, double cx, double cy) {
		int[] u = union(placed), own = moving.bounds();
		if (u == null || own == null) return null;
		double mx = own[0] + own[2] / 2.0, my = own[1] + own[3] / 2.0;
		// Start beyond the farthest corner of the placed masks as seen from (cx, cy).
		double r = Math.hypot(Math.max(cx - u[0], u[0] + u[2] - cx), Math.max(cy - u[1], u[1] + u[3] - cy)) +
			0.5 * Math.hypot(own[2], own[3]) + 3;
		double ux = Math.cos(direction), uy = Math.sin(direction), norm = Math.max(Math.abs(ux), Math.abs(uy));
		double sx = cx + r * ux - mx, sy = cy + r * uy - my;
		int steps = (int) Math.ceil(2 * r * norm);
		for (int k = 0; k <= steps; k++) {
			int dx = (int) Math.round(sx - k * ux / norm), dy = (int) Math.round(sy - k * uy / norm);
			int c = contacts(moving.shifted(dx, dy), placed);
			if (c < 0) return null;
			if (c > 0) return settle(moving, new int[] { dx, dy }, c, placed);
		}
		return null;
	}

	/**
	 * Nudges a chromosome that just touched at {@code shift}, one pixel at a time, to where it touches along more of
	 * its edge without overlapping: a single touching corner pixel reads as a gap to the eye. Returns the final shift.
	 */
	private static int[] settle(Mask moving, int[] shift, int contacts, List<Mask> masks) {
		for (int iteration = 0; iteration < SETTLE_STEPS; iteration++) {
			int[] best = null;
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					if (dx == 0 && dy == 0) continue;
					int[] n = { shift[0] + dx, shift[1] + dy };
					int c = contacts(moving.shifted(n[0], n[1]), masks);
					if (c > contacts) {
						contacts = c;
						best = n;
					}
				}
			if (best == null) break;
			shift = best;
		}
		return shift;
	}

	/** Pixels of {@code m} that touch the other masks, or -1 when it overlaps one of them. */
	private static int contacts(Mask m, List<Mask> others) {
		int c = 0;
		for (Mask o : others) {
			if (m.overlap(o) > 0) return -1;
			c += m.contacts(o);
		}
		return c;
	}

	/** The box {x, y, width, height} around all set bits, or null when there are none. */
	public static int[] union(List<Mask> masks) {
		int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, y1 = Integer.MIN_VALUE;
		for (Mask m : masks) {
			int[] b = m.bounds();
			if (b == null) continue;
			x0 = Math.min(x0, b[0]);
			y0 = Math.min(y0, b[1]);
			x1 = Math.max(x1, b[0] + b[2]);
			y1 = Math.max(y1, b[1] + b[3]);
		}
		return x1 == Integer.MIN_VALUE ? null : new int[] { x0, y0, x1 - x0, y1 - y0 };
	}
}
