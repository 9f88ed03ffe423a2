package io.github.supcam.synth;

import io.github.supcam.image.Blur;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The optical density (absorbance) of one rendered chromosome over the box {@code [x0, x0+width) x [y0, y0+height)}
 * of its frame, and its mask. The mask threshold is defined here and nowhere else.
 */
final class DensityMap {
	/** A pixel belongs to a chromosome where its density exceeds this (about 10% of the light absorbed: the
	 * visible edge of a blurred chromosome). */
	static final float MASK_THRESHOLD = 0.1f;

	/** Relative pixel-to-pixel variation of the stain before blurring. */
	private static final double GRAIN = 0.15;

	final int x0, y0, width, height;
	final float[] density;
	final Mask mask;

	DensityMap(int x0, int y0, int width, int height, float[] density) {
		this.x0 = x0;
		this.y0 = y0;
		this.width = width;
		this.height = height;
		this.density = density;
		boolean[] bits = new boolean[density.length];
		for (int i = 0; i < bits.length; i++) bits[i] = density[i] > MASK_THRESHOLD;
		mask = new Mask(x0, y0, width, height, bits);
	}

	private DensityMap(DensityMap m, int dx, int dy) {
		x0 = m.x0 + dx;
		y0 = m.y0 + dy;
		width = m.width;
		height = m.height;
		density = m.density;
		mask = m.mask.shifted(dx, dy);
	}

	/** The same chromosome moved by whole pixels (arrays shared). */
	DensityMap shifted(int dx, int dy) {
		return new DensityMap(this, dx, dy);
	}

	/** Adds this density into a {@code w x h} canvas with this map's frame origin at canvas (ox, oy). */
	void addTo(float[] canvas, int w, int h, int ox, int oy) {
		for (int y = 0; y < height; y++) {
			int cy = y + y0 + oy;
			if (cy < 0 || cy >= h) continue;
			for (int x = 0; x < width; x++) {
				int cx = x + x0 + ox;
				if (cx >= 0 && cx < w) canvas[cy * w + cx] += density[y * width + x];
			}
		}
	}

	/**
	 * Renders a chromosome: density = darkness x band(position along the rod) x cross-section(distance from the
	 * centreline / local half width), with a little chromatin grain, then blurred.
	 */
	static DensityMap render(ChromosomeShape c, double darkness, double blurSigma, SplittableRandom grain) {
		double reach = 0.8 * c.width + 3 * blurSigma + 2;
		double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
		for (int i = 0; i < c.xs.length; i++) {
			minX = Math.min(minX, c.xs[i]);
			maxX = Math.max(maxX, c.xs[i]);
			minY = Math.min(minY, c.ys[i]);
			maxY = Math.max(maxY, c.ys[i]);
		}
		int x0 = (int) Math.floor(minX - reach), y0 = (int) Math.floor(minY - reach);
		int w = (int) Math.ceil(maxX + reach) - x0 + 1, h = (int) Math.ceil(maxY + reach) - y0 + 1;
		float[] bestD2 = new float[w * h];
		float[] bestS = new float[w * h];
		Arrays.fill(bestD2, Float.MAX_VALUE);
		double hw = 0.8 * c.width + 1.5; // covers the soft edge out to u = 1.6
		int last = c.xs.length - 2;
		for (int i = 0; i <= last; i++) {
			double ax = c.xs[i], ay = c.ys[i], dx = c.xs[i + 1] - ax, dy = c.ys[i + 1] - ay;
			double len2 = Math.max(1e-12, dx * dx + dy * dy), len = Math.sqrt(len2);
			int bx0 = (int) Math.floor(Math.min(ax, ax + dx) - hw) - x0, bx1 = (int) Math.ceil(Math.max(ax, ax + dx) + hw) - x0;
			int by0 = (int) Math.floor(Math.min(ay, ay + dy) - hw) - y0, by1 = (int) Math.ceil(Math.max(ay, ay + dy) + hw) - y0;
			for (int y = Math.max(0, by0); y <= Math.min(h - 1, by1); y++)
				for (int x = Math.max(0, bx0); x <= Math.min(w - 1, bx1); x++) {
					double px = x + x0 - ax, py = y + y0 - ay;
					double t = (px * dx + py * dy) / len2;
					// The caps continue the band pattern beyond the centreline's ends.
					double tc = Math.min(1, Math.max(0, t));
					double ex = px - tc * dx, ey = py - tc * dy;
					float d2 = (float) (ex * ex + ey * ey);
					int k = y * w + x;
					if (d2 < bestD2[k]) {
						bestD2[k] = d2;
						double ts = i == 0 ? Math.min(1, t) : i == last ? Math.max(0, t) : tc;
						bestS[k] = (float) (c.arc[i] + ts * len);
					}
				}
		}
		float[] dens = new float[w * h];
		double edge = 0.09, inner = c.arc[c.arc.length - 1];
		for (int k = 0; k < dens.length; k++) {
			if (bestD2[k] == Float.MAX_VALUE) continue;
			double s = bestS[k];
			double sc = Math.min(inner, Math.max(0, s));
			double u = Math.sqrt(bestD2[k]) / c.halfWidth(sc);
			if (u > 1.6) continue;
			double cross = 1 / (1 + Math.exp((u - 1) / edge)) * (1 - c.groove(sc) * Math.exp(-u * u / 0.03));
			double q = (s + 0.5 * c.width) / c.length;
			dens[k] = (float) (darkness * cross * c.band(q) * (1 + GRAIN * grain.nextGaussian()));
		}
		Blur.gaussian2d(dens, w, h, blurSigma);
		return new DensityMap(x0, y0, w, h, dens);
	}
}
