package io.github.supcam.compose;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.Intensity;
import io.github.supcam.image.Polarity;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;

import java.util.Arrays;
import java.util.Objects;

/**
 * Category-variant image composition (SupCAM §2.2, Algorithm 1) of a primary (Ip, yp) and a candidate (Ic, yc),
 * two 8-bit images of the same square canvas:
 * <ol>
 * <li>Foreground masks by the indicator {@code polarity.isForeground(value, foregroundThreshold)}, and the
 * bounding box of each cluster.</li>
 * <li>Shifts. Our reading of the paper's "maximum outer enclosing box": the shift ranges are the largest ones that
 * keep each cluster's foreground bounding box inside the canvas. Both images are shifted, independently and
 * uniformly: the primary by (dx, dy) with {@code dx ∈ [−x0, size−1−x1]}, {@code dy ∈ [−y0, size−1−y1]} for its
 * box (x0, y0)–(x1, y1), the candidate likewise for its own box. No foreground pixel is ever lost; only
 * background leaves the canvas.</li>
 * <li>Warp (integer translation) and combine with ⊕: the foreground pixel where only one image has foreground,
 * the background value where neither does, {@link Combine} where both do.</li>
 * <li>Intersection pixel count n∩; n∩ ≤ P∩ is a touching case, above it an overlapping case. The
 * {@link LabelTable} gives the label or "uncertain".</li>
 * <li>An uncertain draw is redrawn, up to {@code maxAttempts} draws; then the candidate (Ic, yc) is returned.
 * Beyond the paper, with {@code requireContact} a draw whose clusters neither intersect nor touch
 * (no 8-connected contact) is not a cluster and also counts as uncertain.</li>
 * </ol>
 * An image without any foreground pixel cannot be composed: the candidate is returned with 0 attempts.
 * <p>
 * Deterministic for a given generator state. Not thread-safe: it reuses its mask buffers and its generator; use
 * one composer per thread. Per call it allocates only the composed image and its intersection mask.
 */
public final class Composer {
	private final CompositionSettings settings;
	private final RandomGenerator rng;
	private final BetaDistribution beta;
	private final boolean[] primaryMask;
	private final boolean[] candidateMask;
	/** The indicator function per grey value, so the mask pass is one table look-up per pixel. */
	private final boolean[] foreground = new boolean[256];
	private int tableThreshold = -1;

	/** @param rng the seeded generator every shift and Beta draw comes from */
	public Composer(CompositionSettings settings, RandomGenerator rng) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.rng = Objects.requireNonNull(rng, "rng");
		this.beta = new BetaDistribution(rng, 1, 1);
		int n = settings.size() * settings.size();
		primaryMask = new boolean[n];
		candidateMask = new boolean[n];
	}

	public CompositionSettings settings() {
		return settings;
	}

	/** Inclusive foreground bounding box. */
	record Box(int x0, int y0, int x1, int y1) {
		Box shift(int dx, int dy) {
			return new Box(x0 + dx, y0 + dy, x1 + dx, y1 + dy);
		}

		boolean contains(int x, int y) {
			return x >= x0 && x <= x1 && y >= y0 && y <= y1;
		}
	}

	/** Composes the two images; both must be size×size. */
	public CompositionResult compose(ArrayImg<UnsignedByteType, ByteArray> primary, ClusterType primaryLabel,
		ArrayImg<UnsignedByteType, ByteArray> candidate, ClusterType candidateLabel)
	{
		Objects.requireNonNull(primaryLabel, "primary label");
		Objects.requireNonNull(candidateLabel, "candidate label");
		byte[] p = checkedPixels(primary, "Primary");
		byte[] c = checkedPixels(candidate, "Candidate");
		if (!settings.table().composes()) return CompositionResult.candidate(candidate, candidateLabel, 0);
		int primaryBackground = Intensity.borderMedian(primary);
		Box bp = mask(p, primaryMask, settings.thresholdFor(primaryBackground));
		Box bc = mask(c, candidateMask, settings.thresholdFor(Intensity.borderMedian(candidate)));
		int empty = settings.adaptiveThreshold() ? primaryBackground : settings.backgroundValue();
		if (bp == null || bc == null) return CompositionResult.candidate(candidate, candidateLabel, 0);
		int last = settings.size() - 1;
		for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
			int pdx = uniform(-bp.x0, last - bp.x1), pdy = uniform(-bp.y0, last - bp.y1);
			int cdx = uniform(-bc.x0, last - bc.x1), cdy = uniform(-bc.y0, last - bc.y1);
			Box sp = bp.shift(pdx, pdy), sc = bc.shift(cdx, cdy);
			int intersection = intersection(sp, pdx, pdy, sc, cdx, cdy);
			if (intersection == 0 && settings.requireContact() && !touches(sp, pdx, pdy, sc, cdx, cdy)) continue;
			ClusterType label = settings.table().label(primaryLabel, candidateLabel,
				intersection > settings.intersectionThreshold());
			if (label == null) continue;
			return render(p, sp, pdx, pdy, c, sc, cdx, cdy, label, intersection, attempt, empty);
		}
		return CompositionResult.candidate(candidate, candidateLabel, settings.maxAttempts());
	}

	private byte[] checkedPixels(ArrayImg<UnsignedByteType, ByteArray> img, String role) {
		int s = settings.size();
		if (Gray8.width(img) != s || Gray8.height(img) != s) throw new IllegalArgumentException(role + " image is " +
			Gray8.width(img) + "x" + Gray8.height(img) + "; composition needs the " + s + "x" + s + " canvas");
		return Gray8.pixels(img);
	}

	/** Fills the mask and returns the foreground bounding box, or null without foreground. */
	private Box mask(byte[] pixels, boolean[] mask, int threshold) {
		if (threshold != tableThreshold) {
			for (int v = 0; v < 256; v++) foreground[v] = settings.polarity().isForeground(v, threshold);
			tableThreshold = threshold;
		}
		int s = settings.size();
		int x0 = s, y0 = s, x1 = -1, y1 = -1;
		for (int y = 0, i = 0; y < s; y++) {
			for (int x = 0; x < s; x++, i++) {
				boolean fg = foreground[pixels[i] & 0xff];
				mask[i] = fg;
				if (fg) {
					if (x < x0) x0 = x;
					if (x > x1) x1 = x;
					if (y < y0) y0 = y;
					y1 = y;
				}
			}
		}
		return x1 < 0 ? null : new Box(x0, y0, x1, y1);
	}

	private int uniform(int lo, int hi) {
		return lo + rng.nextInt(hi - lo + 1);
	}

	private int intersection(Box sp, int pdx, int pdy, Box sc, int cdx, int cdy) {
		int s = settings.size();
		int x0 = Math.max(sp.x0, sc.x0), x1 = Math.min(sp.x1, sc.x1);
		int y0 = Math.max(sp.y0, sc.y0), y1 = Math.min(sp.y1, sc.y1);
		int count = 0;
		for (int y = y0; y <= y1; y++) {
			int ip = (y - pdy) * s - pdx, ic = (y - cdy) * s - cdx;
			for (int x = x0; x <= x1; x++)
				if (primaryMask[ip + x] && candidateMask[ic + x]) count++;
		}
		return count;
	}

	/** True when some candidate pixel has a primary pixel among its 8 neighbours (or under it). */
	private boolean touches(Box sp, int pdx, int pdy, Box sc, int cdx, int cdy) {
		int s = settings.size();
		int x0 = Math.max(sp.x0 - 1, sc.x0), x1 = Math.min(sp.x1 + 1, sc.x1);
		int y0 = Math.max(sp.y0 - 1, sc.y0), y1 = Math.min(sp.y1 + 1, sc.y1);
		for (int y = y0; y <= y1; y++) {
			for (int x = x0; x <= x1; x++) {
				if (!candidateMask[(y - cdy) * s + x - cdx]) continue;
				for (int ny = Math.max(y - 1, sp.y0); ny <= Math.min(y + 1, sp.y1); ny++)
					for (int nx = Math.max(x - 1, sp.x0); nx <= Math.min(x + 1, sp.x1); nx++)
						if (primaryMask[(ny - pdy) * s + nx - pdx]) return true;
			}
		}
		return false;
	}

	private CompositionResult render(byte[] p, Box sp, int pdx, int pdy, byte[] c, Box sc, int cdx, int cdy,
		ClusterType label, int intersection, int attempts, int empty)
	{
		int s = settings.size();
		Combine combine = settings.combine();
		Polarity polarity = settings.polarity();
		double lambda = switch (combine) {
			case EQUAL -> 0.5;
			case BETA -> beta.sample();
			case MAX -> Double.NaN;
		};
		byte[] out = new byte[s * s];
		byte[] both = new byte[s * s];
		// Flat background where neither image has foreground, as in the paper. (Keeping the sources' own background
		// pixels instead leaves ghosts of their soft edges at the unshifted positions.) Training adds noise to every
		// view, so the flat background is no cue for "composed".
		Arrays.fill(out, (byte) empty);
		for (int y = sp.y0; y <= sp.y1; y++) {
			int src = (y - pdy) * s - pdx, dst = y * s;
			for (int x = sp.x0; x <= sp.x1; x++)
				if (primaryMask[src + x]) out[dst + x] = p[src + x];
		}
		for (int y = sc.y0; y <= sc.y1; y++) {
			int src = (y - cdy) * s - cdx, dst = y * s, srcP = (y - pdy) * s - pdx;
			for (int x = sc.x0; x <= sc.x1; x++) {
				if (!candidateMask[src + x]) continue;
				if (sp.contains(x, y) && primaryMask[srcP + x]) {
					out[dst + x] = (byte) combine.apply(p[srcP + x] & 0xff, c[src + x] & 0xff, lambda, polarity);
					both[dst + x] = (byte) 255;
				}
				else out[dst + x] = c[src + x];
			}
		}
		return new CompositionResult(Gray8.wrap(out, s, s), label, CompositionResult.Source.COMPOSED, pdx, pdy, cdx,
			cdy, intersection, attempts, lambda, Gray8.wrap(both, s, s));
	}
}
