package io.github.supcam.detect;

import java.util.Arrays;

/** Two-pass union-find labelling of a binary mask. */
public final class ConnectedComponents {
	private ConnectedComponents() {}

	/**
	 * Labels the pixels where {@code mask[i] == value} with 1..n in the raster order of each component's first
	 * pixel; other pixels get 0. Returns n; the labels go to {@code out}.
	 */
	public static int label(boolean[] mask, boolean value, int width, int height, boolean eightConnected, int[] out) {
		int n = mask.length;
		int[] parent = new int[n / 2 + 2];
		int next = 1;
		for (int y = 0; y < height; y++) {
			int row = y * width;
			for (int x = 0; x < width; x++) {
				int i = row + x;
				if (mask[i] != value) {
					out[i] = 0;
					continue;
				}
				int l = 0;
				if (x > 0 && out[i - 1] != 0) l = out[i - 1];
				if (y > 0) {
					l = join(parent, l, out[i - width]);
					if (eightConnected) {
						if (x > 0) l = join(parent, l, out[i - width - 1]);
						if (x < width - 1) l = join(parent, l, out[i - width + 1]);
					}
				}
				if (l == 0) {
					if (next == parent.length) parent = Arrays.copyOf(parent, parent.length * 2);
					parent[next] = next;
					l = next++;
				}
				out[i] = l;
			}
		}
		// Roots get final labels in order of their creation, which is the raster order of the first pixel.
		int[] finalLabel = new int[next];
		int count = 0;
		for (int l = 1; l < next; l++) {
			int r = find(parent, l);
			if (r == l) finalLabel[l] = ++count;
		}
		for (int l = 1; l < next; l++) finalLabel[l] = finalLabel[find(parent, l)];
		for (int i = 0; i < n; i++) out[i] = finalLabel[out[i]];
		return count;
	}

	private static int join(int[] parent, int a, int b) {
		if (b == 0) return a;
		if (a == 0) return b;
		int ra = find(parent, a), rb = find(parent, b);
		// The older root wins so that a root is always the first-created label of its component.
		if (ra < rb) parent[rb] = ra;
		else if (rb < ra) parent[ra] = rb;
		return Math.min(ra, rb);
	}

	private static int find(int[] parent, int a) {
		while (parent[a] != a) {
			parent[a] = parent[parent[a]];
			a = parent[a];
		}
		return a;
	}
}
