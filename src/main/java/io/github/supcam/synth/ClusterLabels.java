package io.github.supcam.synth;

import io.github.supcam.dataset.ClusterType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cluster type of a set of chromosome masks, from the pixels alone. Two masks overlap when they share a pixel
 * and touch when they share none but a pixel of one is 8-adjacent to a pixel of the other. The masks must form one
 * connected cluster through such pairs. Then: one mask is an instance; only touching pairs, touching; only
 * overlapping pairs, overlapping; both kinds, touching-overlapping.
 */
public final class ClusterLabels {
	private ClusterLabels() {}

	/**
	 * The type of the full-frame masks (each {@code width * height}, row-major), or empty when they are not one
	 * connected cluster or a mask is empty.
	 */
	public static Optional<ClusterType> labelOf(List<boolean[]> masks, int width, int height) {
		List<Mask> m = new ArrayList<>(masks.size());
		for (boolean[] b : masks) m.add(Mask.ofFrame(b, width, height));
		return Optional.ofNullable(measure(m).type());
	}

	/** Measures masks that live in one frame. */
	public static ClusterGeometry measure(List<Mask> masks) {
		int n = masks.size();
		int[] parent = new int[n];
		for (int i = 0; i < n; i++) parent[i] = i;
		int overlapPixels = 0, contactPixels = 0, overlapping = 0, touching = 0;
		boolean empty = n == 0;
		for (int i = 0; i < n; i++) {
			if (masks.get(i).area() == 0) empty = true;
			for (int j = i + 1; j < n; j++) {
				int shared = masks.get(i).overlap(masks.get(j));
				if (shared > 0) {
					overlapping++;
					overlapPixels += shared;
				} else {
					int c = masks.get(i).contacts(masks.get(j));
					if (c == 0) continue;
					touching++;
					contactPixels += c;
				}
				parent[find(parent, i)] = find(parent, j);
			}
		}
		boolean connected = true;
		for (int i = 1; i < n; i++) connected &= find(parent, i) == find(parent, 0);
		ClusterType type = empty || !connected ? null : n == 1 ? ClusterType.INSTANCE :
			overlapping > 0 && touching > 0 ? ClusterType.TOUCHING_OVERLAPPING :
			overlapping > 0 ? ClusterType.OVERLAPPING : ClusterType.TOUCHING;
		return new ClusterGeometry(type, n, overlapPixels, contactPixels, overlapping, touching);
	}

	private static int find(int[] parent, int i) {
		while (parent[i] != i) i = parent[i] = parent[parent[i]];
		return i;
	}
}
