package io.github.supcam.synth;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.Gray8;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.apache.commons.math3.random.RandomGenerator;

import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic metaphase spread: many separated clusters of known types on one large canvas, all sharing one
 * appearance and one chromosome width, as one microscope image would.
 *
 * @param image the 8-bit spread
 * @param clusters the ground truth, in the order of their label values
 * @param labels per pixel: 0 background, {@code i + 1} for pixels of {@code clusters.get(i)}'s union mask
 */
public record SyntheticMetaphase(ArrayImg<UnsignedByteType, ByteArray> image, List<Cluster> clusters, int[] labels) {
	/** Clusters are at least this far apart (pixels between their masks' boxes) and from the image border. */
	public static final int SPACING = 12;

	/** Share of each type among a spread's clusters; most objects of a real spread are single chromosomes. */
	private static final double[] TYPE_WEIGHTS = { 0.4, 0.2, 0.2, 0.2 };

	/**
	 * One cluster of a spread.
	 *
	 * @param type its measured type
	 * @param x left of the box around its masks
	 * @param y top of the box
	 * @param width box width
	 * @param height box height
	 * @param mask union of its chromosome masks within the box, row-major
	 * @param geometry what its masks show
	 */
	public record Cluster(ClusterType type, int x, int y, int width, int height, boolean[] mask,
		ClusterGeometry geometry) {}

	/**
	 * Renders a spread with a number of clusters drawn from [minClusters, maxClusters]. Clusters that find no free
	 * place after many tries are left out, so a crowded canvas may hold fewer.
	 */
	public static SyntheticMetaphase render(SynthSettings settings, int width, int height, int minClusters,
		int maxClusters, RandomGenerator rng)
	{
		if (width < 128 || height < 128) throw new IllegalArgumentException("A metaphase canvas needs at least " +
			"128x128 pixels, got " + width + "x" + height);
		if (minClusters < 1 || maxClusters < minClusters) throw new IllegalArgumentException("Cluster count range [" +
			minClusters + ", " + maxClusters + "] must satisfy 1 <= min <= max");
		ClusterGenerator gen = new ClusterGenerator(settings);
		Appearance look = Appearance.draw(settings, rng);
		double chromosomeWidth = settings.widthPx().draw(rng);
		double limit = Math.min(width, height) / 4.0;
		int count = minClusters + rng.nextInt(maxClusters - minClusters + 1);
		float[] density = new float[width * height];
		int[] labels = new int[width * height];
		List<int[]> boxes = new ArrayList<>();
		List<Cluster> clusters = new ArrayList<>();
		for (int k = 0; k < count; k++) {
			ClusterType type = drawType(rng);
			ClusterGenerator.Composed c = gen.compose(type, look, chromosomeWidth, limit, rng);
			int[] b = c.bounds();
			int[] at = findPlace(b[2], b[3], width, height, boxes, rng);
			if (at == null) continue;
			int ox = at[0] - b[0], oy = at[1] - b[1];
			boolean[] union = new boolean[b[2] * b[3]];
			for (DensityMap d : c.chromosomes()) {
				d.addTo(density, width, height, ox, oy);
				Mask m = d.mask;
				for (int y = 0; y < b[3]; y++)
					for (int x = 0; x < b[2]; x++)
						if (m.get(x + b[0], y + b[1])) {
							union[y * b[2] + x] = true;
							labels[(y + at[1]) * width + x + at[0]] = clusters.size() + 1;
						}
			}
			boxes.add(new int[] { at[0], at[1], b[2], b[3] });
			clusters.add(new Cluster(type, at[0], at[1], b[2], b[3], union, c.geometry()));
		}
		return new SyntheticMetaphase(Gray8.wrap(look.expose(density, rng), width, height), List.copyOf(clusters),
			labels);
	}

	private static ClusterType drawType(RandomGenerator rng) {
		double r = rng.nextDouble();
		for (int i = 0; i < TYPE_WEIGHTS.length - 1; i++) {
			if (r < TYPE_WEIGHTS[i]) return ClusterType.ofIndex(i);
			r -= TYPE_WEIGHTS[i];
		}
		return ClusterType.ofIndex(TYPE_WEIGHTS.length - 1);
	}

	/** A free top-left corner for a w x h box at least {@link #SPACING} from the others and the border. */
	private static int[] findPlace(int w, int h, int width, int height, List<int[]> boxes, RandomGenerator rng) {
		int spanX = width - w - 2 * SPACING, spanY = height - h - 2 * SPACING;
		if (spanX < 0 || spanY < 0) return null;
		for (int tries = 0; tries < 300; tries++) {
			int x = SPACING + rng.nextInt(spanX + 1), y = SPACING + rng.nextInt(spanY + 1);
			boolean free = true;
			for (int[] o : boxes)
				free &= x + w + SPACING <= o[0] || o[0] + o[2] + SPACING <= x || y + h + SPACING <= o[1] ||
					o[1] + o[3] + SPACING <= y;
			if (free) return new int[] { x, y };
		}
		return null;
	}
}
