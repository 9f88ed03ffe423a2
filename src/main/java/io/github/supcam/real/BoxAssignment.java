package io.github.supcam.real;

import io.github.supcam.detect.DetectedCluster;
import io.github.supcam.detect.DetectionResult;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns annotated chromosome boxes to detected components. A box is a tight frame around its chromosome, so the
 * component holding that chromosome spans the box: its pixels inside the box reach across at least
 * {@code minSpan} of the box's width and of its height. A neighbour that only pokes into the box does not. The
 * rules, per box:
 * <ul>
 * <li>wholly outside the image: {@link Exclusion#BOX_OUTSIDE_IMAGE} (a box partly outside is clipped);
 * <li>one or more components span it: it belongs to the one with the most pixels in the box;
 * <li>none does, but the two with the most pixels in it span it together, each with at least {@code splitShare} of
 * their pixels there: {@link Exclusion#BOX_SPLIT}, and both components are excluded;
 * <li>otherwise {@link Exclusion#BOX_NOT_DETECTED}, and the component with the most pixels in it, if any, is
 * excluded, since it may hold part of this chromosome.
 * </ul>
 * A component then holds no box (debris, nucleus: {@link Exclusion#NO_BOX}), one (a single chromosome) or several
 * (a cluster). A component with less than {@code minInside} of its pixels inside its boxes has something else
 * attached, typically an interphase nucleus it touches, and is excluded ({@link Exclusion#BEYOND_BOXES}).
 */
public final class BoxAssignment {
	private BoxAssignment() {}

	/** A box left out, with the component it mostly lay in (0 if none). */
	public record ExcludedBox(Box box, int component, Exclusion reason) {}

	/**
	 * The outcome for one image.
	 *
	 * @param boxesOf the boxes each component holds (by id, in id order, excluded components too), in box order
	 * @param excludedComponents the left-out components (by id, in id order) with the reason
	 * @param excludedBoxes the left-out boxes in box order
	 */
	public record Result(Map<Integer, List<Box>> boxesOf, Map<Integer, Exclusion> excludedComponents,
		List<ExcludedBox> excludedBoxes)
	{
		public Result {
			boxesOf = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(boxesOf));
			excludedComponents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(excludedComponents));
			excludedBoxes = List.copyOf(excludedBoxes);
		}

		/** Whether the component is kept: not excluded for any reason, so it holds one or more whole boxes. */
		public boolean kept(int component) {
			return boxesOf.containsKey(component) && !excludedComponents.containsKey(component);
		}
	}

	/** Pixels and extent of one component inside one box. */
	private static final class Extent {
		int count, minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;

		void add(int x, int y) {
			count++;
			minX = Math.min(minX, x);
			maxX = Math.max(maxX, x);
			minY = Math.min(minY, y);
			maxY = Math.max(maxY, y);
		}

		Extent union(Extent o) {
			Extent u = new Extent();
			u.count = count + o.count;
			u.minX = Math.min(minX, o.minX);
			u.minY = Math.min(minY, o.minY);
			u.maxX = Math.max(maxX, o.maxX);
			u.maxY = Math.max(maxY, o.maxY);
			return u;
		}

		boolean spans(Rectangle box, double minSpan) {
			return maxX - minX + 1 >= minSpan * box.width && maxY - minY + 1 >= minSpan * box.height;
		}
	}

	/**
	 * Assigns {@code boxes} to the components of {@code detection}.
	 *
	 * @param minSpan fraction of a box's width and height a component must reach across to hold it, in (0, 1]
	 * @param splitShare least share of each of two components in a box, for the box to count as split, in (0, 0.5]
	 * @param minInside least fraction of a component's pixels inside the union of its boxes, in [0, 1]
	 */
	public static Result assign(DetectionResult detection, List<Box> boxes, double minSpan, double splitShare,
		double minInside)
	{
		if (!(minSpan > 0 && minSpan <= 1)) throw new IllegalArgumentException("minSpan must be in (0, 1], got " + minSpan);
		if (!(splitShare > 0 && splitShare <= 0.5)) throw new IllegalArgumentException(
			"splitShare must be in (0, 0.5], got " + splitShare);
		if (!(minInside >= 0 && minInside <= 1)) throw new IllegalArgumentException(
			"minInside must be in [0, 1], got " + minInside);
		int w = detection.labels().width(), h = detection.labels().height();
		int[] labels = detection.labels().toArray();
		Map<Integer, List<Box>> boxesOf = new LinkedHashMap<>();
		for (DetectedCluster c : detection.clusters()) boxesOf.put(c.id(), new ArrayList<>());
		Map<Integer, Exclusion> excluded = new HashMap<>();
		List<ExcludedBox> excludedBoxes = new ArrayList<>();
		for (Box b : boxes) {
			Rectangle r = b.clip(w, h);
			if (r.isEmpty()) {
				excludedBoxes.add(new ExcludedBox(b, 0, Exclusion.BOX_OUTSIDE_IMAGE));
				continue;
			}
			Map<Integer, Extent> in = new HashMap<>();
			for (int y = r.y; y < r.y + r.height; y++) for (int x = r.x; x < r.x + r.width; x++) {
				int l = labels[y * w + x];
				if (l != 0) in.computeIfAbsent(l, k -> new Extent()).add(x, y);
			}
			// By pixel count, ties by id, so the result does not depend on hash order.
			List<Map.Entry<Integer, Extent>> ranked = new ArrayList<>(in.entrySet());
			ranked.sort(Comparator.<Map.Entry<Integer, Extent>>comparingInt(e -> -e.getValue().count)
				.thenComparingInt(Map.Entry::getKey));
			Integer owner = ranked.stream().filter(e -> e.getValue().spans(r, minSpan)).map(Map.Entry::getKey)
				.findFirst().orElse(null);
			if (owner != null) {
				boxesOf.get(owner).add(b);
				continue;
			}
			if (ranked.size() >= 2) {
				Extent a = ranked.get(0).getValue(), c = ranked.get(1).getValue();
				if (c.count >= splitShare * (a.count + c.count) && a.union(c).spans(r, minSpan)) {
					excludedBoxes.add(new ExcludedBox(b, ranked.get(0).getKey(), Exclusion.BOX_SPLIT));
					excluded.put(ranked.get(0).getKey(), Exclusion.PART_OF_EXCLUDED_BOX);
					excluded.put(ranked.get(1).getKey(), Exclusion.PART_OF_EXCLUDED_BOX);
					continue;
				}
			}
			int main = ranked.isEmpty() ? 0 : ranked.get(0).getKey();
			excludedBoxes.add(new ExcludedBox(b, main, Exclusion.BOX_NOT_DETECTED));
			if (main != 0) excluded.put(main, Exclusion.PART_OF_EXCLUDED_BOX);
		}
		Map<Integer, Exclusion> excludedComponents = new LinkedHashMap<>();
		for (Map.Entry<Integer, List<Box>> e : boxesOf.entrySet()) {
			Exclusion why = excluded.get(e.getKey());
			if (why == null && e.getValue().isEmpty()) why = Exclusion.NO_BOX;
			if (why == null && insideFraction(labels, w, detection.cluster(e.getKey()), e.getValue()) < minInside)
				why = Exclusion.BEYOND_BOXES;
			if (why != null) excludedComponents.put(e.getKey(), why);
			e.setValue(List.copyOf(e.getValue()));
		}
		return new Result(boxesOf, excludedComponents, excludedBoxes);
	}

	private static double insideFraction(int[] labels, int w, DetectedCluster c, List<Box> boxes) {
		int inside = 0;
		for (int y = c.y(); y < c.y() + c.height(); y++) for (int x = c.x(); x < c.x() + c.width(); x++) {
			if (labels[y * w + x] != c.id()) continue;
			for (Box b : boxes) if (x >= b.x0() && x < b.x1() && y >= b.y0() && y < b.y1()) {
				inside++;
				break;
			}
		}
		return (double) inside / c.area();
	}
}
