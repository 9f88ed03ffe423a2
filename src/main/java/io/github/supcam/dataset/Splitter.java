package io.github.supcam.dataset;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.util.MathArrays;

import java.util.ArrayList;
import java.util.List;

/**
 * Stratified, seeded train/val/test splits. Each class is split on its own: its images, in relative-path order,
 * are shuffled with a Well19937c generator seeded from (seed, class index), then cut into train, val and test in
 * that order. A class's shuffle therefore depends only on the seed and that class's own files.
 */
public final class Splitter {
	private Splitter() {}

	/** One stratified split of the whole dataset. */
	public static SplitManifest split(Dataset dataset, SplitFractions fractions, long seed) {
		List<SplitManifest.Entry> entries = new ArrayList<>();
		for (ClusterType type : ClusterType.values()) {
			List<LabelledImage> images = dataset.images().stream().filter(i -> i.label() == type).toList();
			if (images.isEmpty()) continue;
			int[] order = MathArrays.natural(images.size());
			MathArrays.shuffle(order, classRandom(seed, type));
			int[] counts = counts(images.size(), fractions);
			int next = 0;
			for (Split part : Split.values())
				for (int i = 0; i < counts[part.ordinal()]; i++) entries.add(new SplitManifest.Entry(images.get(order[next++]),
					part));
		}
		return new SplitManifest(dataset.root(), entries);
	}

	/** {@code k} independent splits with seeds {@code seed, seed + 1, ..., seed + k - 1}. */
	public static List<SplitManifest> repeated(Dataset dataset, SplitFractions fractions, long seed, int k) {
		if (k < 1) throw new IllegalArgumentException("Number of repeated splits must be at least 1, got " + k);
		List<SplitManifest> splits = new ArrayList<>(k);
		for (int i = 0; i < k; i++) splits.add(split(dataset, fractions, seed + i));
		return splits;
	}

	/**
	 * How many of {@code n} images of one class go to train, val and test (indexed by {@link Split#ordinal()}).
	 * Each part first gets {@code floor(n * fraction)}; the images left over go one each to the parts with the
	 * largest remainders (ties: train before val before test). Then, if the class has at least as many images as
	 * there are parts with a non-zero fraction, every such part that is still empty takes one image from the
	 * currently largest part (ties: train first), so a class of 3 or more images appears in train, val and test.
	 * Example, 60/10/30: n = 10 gives 6/1/3, n = 7 gives 4/1/2, n = 3 gives 1/1/1, n = 2 gives 1/0/1.
	 */
	public static int[] counts(int n, SplitFractions fractions) {
		Split[] parts = Split.values();
		int[] c = new int[parts.length];
		double[] remainder = new double[parts.length];
		int left = n, nonEmptyParts = 0;
		for (Split p : parts) {
			double exact = n * fractions.of(p);
			// The epsilon keeps 0.1 * 30 = 3.0000000000000004 and 0.7 * 10 = 6.999999999999999 on their integer.
			c[p.ordinal()] = (int) Math.floor(exact + 1e-9);
			remainder[p.ordinal()] = exact - c[p.ordinal()];
			left -= c[p.ordinal()];
			if (fractions.of(p) > 0) nonEmptyParts++;
		}
		for (; left > 0; left--) {
			int best = 0;
			for (int i = 1; i < parts.length; i++) if (remainder[i] > remainder[best] + 1e-9) best = i;
			c[best]++;
			remainder[best] = -1;
		}
		if (n >= nonEmptyParts) {
			for (Split p : parts) {
				if (fractions.of(p) == 0 || c[p.ordinal()] > 0) continue;
				int largest = 0;
				for (int i = 1; i < parts.length; i++) if (c[i] > c[largest]) largest = i;
				c[largest]--;
				c[p.ordinal()]++;
			}
		}
		return c;
	}

	private static RandomGenerator classRandom(long seed, ClusterType type) {
		return new Well19937c(new int[] { (int) (seed >>> 32), (int) seed, type.ordinal() });
	}
}
