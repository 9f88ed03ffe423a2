package io.github.supcam.real;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.dataset.DatasetReader;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.image.Blur;
import io.github.supcam.synth.ClusterGenerator;
import io.github.supcam.synth.ClusterGeometry;
import io.github.supcam.synth.ClusterLabels;
import io.github.supcam.synth.Mask;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Composes real single chromosomes into labelled clusters. Each chromosome is reshaped ({@link Morphing}) and
 * joined to one placed before it in one of the contact geometries seen in real spreads ({@link Contact}); 2-5
 * chromosomes make a touching cluster, 3-14 a touching-overlapping one, 2-3 crossing ones an overlapping cluster. Stains
 * multiply where chromosomes overlap. The label is measured on the placed masks ({@link ClusterLabels}); a draw
 * that measures as another type is redrawn. The composed image is then blurred, re-contrasted, gamma-corrected
 * and given noise ({@link MorphologySettings}). Output images are dark on light, as large as the cluster plus a
 * margin.
 */
public final class RealClusterComposer {
	/** How a chromosome joins the cluster. */
	public enum Contact {
		/** Tip to tip, roughly collinear. */
		END_TO_END,
		/** Parallel, touching along part of their lengths. */
		SIDE_BY_SIDE,
		/** The tip of one against the side of the other. */
		T_JUNCTION,
		/** Slid in from a random direction until it touches. */
		ANY_TOUCH,
		/** Lying across the other at 15-90 degrees, middle or (a share set in the settings) tip over its body. */
		CROSSING
	}

	private static final int MAX_ATTEMPTS = 200;
	private static final double MIN_CROSSING = Math.toRadians(15), MAX_CROSSING = Math.toRadians(90);

	/** A reshaped chromosome placed in the cluster's frame; {@code angle} is its axis direction. */
	private record Placed(SingleChromosome chromosome, Mask mask, double angle) {
		Placed shifted(int dx, int dy) {
			return new Placed(chromosome, mask.shifted(dx, dy), angle);
		}

		double[] centre() {
			int[] b = mask.bounds();
			return new double[] { b[0] + b[2] / 2.0, b[1] + b[3] / 2.0 };
		}
	}

	/**
	 * One composed cluster.
	 *
	 * @param contacts how chromosomes 2, 3, ... joined (empty for an instance)
	 */
	public record Cluster(ArrayImg<UnsignedByteType, ByteArray> image, ClusterType type, ClusterGeometry geometry,
		List<String> sources, List<Contact> contacts) {}

	private final List<SingleChromosome> singles;
	private final MorphologySettings morphology;
	/** Running sums of the cluster members' weights, length^lengthWeight; null when uniform. */
	private final double[] cumulativeWeight;

	public RealClusterComposer(List<SingleChromosome> singles, MorphologySettings morphology) {
		if (singles.isEmpty()) throw new IllegalArgumentException("No usable single-chromosome crop");
		if (morphology == null) throw new IllegalArgumentException("morphology settings must be set");
		this.singles = List.copyOf(singles);
		this.morphology = morphology;
		if (morphology.lengthWeight() == 0) cumulativeWeight = null;
		else {
			cumulativeWeight = new double[singles.size()];
			double sum = 0;
			for (int i = 0; i < singles.size(); i++) {
				sum += Math.pow(singles.get(i).lengthInWidths(), morphology.lengthWeight());
				cumulativeWeight[i] = sum;
			}
		}
	}

	/** A chromosome for a cluster of {@code n}: uniform for a single one, else weighted by length. */
	private SingleChromosome draw(int n, RandomGenerator rng) {
		if (n == 1 || cumulativeWeight == null) return singles.get(rng.nextInt(singles.size()));
		double r = rng.nextDouble() * cumulativeWeight[cumulativeWeight.length - 1];
		int i = Arrays.binarySearch(cumulativeWeight, r);
		// not found: the insertion point is the first running sum above r
		return singles.get(Math.min(singles.size() - 1, i >= 0 ? i + 1 : -i - 1));
	}

	/**
	 * Every readable crop under {@code folder} (either polarity), named by its path relative to {@code folder};
	 * unreadable or empty ones are reported through {@code log} and skipped.
	 */
	public static List<SingleChromosome> load(Path folder, Consumer<String> log) throws IOException {
		if (!Files.isDirectory(folder)) throw new IllegalArgumentException("Single-chromosome folder " + folder +
			" does not exist");
		List<Path> files;
		try (Stream<Path> s = Files.walk(folder)) {
			files = s.filter(Files::isRegularFile).filter(p -> DatasetReader.isImageName(p.getFileName().toString()))
				.sorted().toList();
		}
		return load(folder, files, log);
	}

	/** The given crops, named by their paths relative to {@code root}. */
	public static List<SingleChromosome> load(Path root, List<Path> files, Consumer<String> log) {
		List<SingleChromosome> out = new ArrayList<>();
		for (Path f : files) {
			String name = root.relativize(f).toString().replace('\\', '/');
			try {
				SingleChromosome c = SingleChromosome.of(name, ImageFiles.read(f));
				if (c == null) log.accept("Skipped " + name + ": no chromosome found in it");
				else out.add(c);
			} catch (IOException e) {
				log.accept("Skipped " + name + ": " + e.getMessage());
			}
		}
		return out;
	}

	/**
	 * Composes one cluster of {@code type}.
	 *
	 * @throws IllegalStateException if no draw measured as {@code type} within the attempts
	 */
	public Cluster compose(ClusterType type, RandomGenerator rng) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			int n = count(type, rng);
			List<Placed> placed = new ArrayList<>();
			List<Contact> contacts = new ArrayList<>();
			boolean touched = false;
			for (int i = 0; i < n && placed.size() == i; i++) {
				SingleChromosome source = draw(n, rng);
				Morphing.Shape shape = Morphing.Shape.draw(morphology, rng);
				if (i == 0) {
					placed.add(place(source, shape, Math.PI * 2 * rng.nextDouble()));
					continue;
				}
				Contact contact = contact(type, i, n, touched, rng);
				touched |= contact != Contact.CROSSING;
				Placed p = join(source, shape, contact, placed, rng);
				if (p != null) {
					placed.add(p);
					contacts.add(contact);
				}
			}
			if (placed.size() < n) continue;
			List<Mask> masks = placed.stream().map(Placed::mask).toList();
			ClusterGeometry g = ClusterLabels.measure(masks);
			if (g.type() != type) continue;
			return new Cluster(render(placed, rng), type, g, placed.stream().map(p -> p.chromosome().name()).toList(),
				List.copyOf(contacts));
		}
		throw new IllegalStateException("Could not compose a " + type + " cluster of real chromosomes in " +
			MAX_ATTEMPTS + " attempts");
	}

	/**
	 * Chromosomes per cluster: mostly 2-3 as in real spreads. Touching-overlapping clusters follow the sizes of the
	 * harvested real clusters of 3 or more chromosomes in the training cases (3: 42%, 4: 21%, 5: 13%, 6-8: 14%,
	 * 9 and more: 10%), so large tangles of up to 14 chromosomes are seen in training.
	 */
	private static int count(ClusterType type, RandomGenerator rng) {
		double r = rng.nextDouble();
		return switch (type) {
			case INSTANCE -> 1;
			case TOUCHING -> r < 0.55 ? 2 : r < 0.8 ? 3 : r < 0.92 ? 4 : 5;
			case OVERLAPPING -> r < 0.85 ? 2 : 3;
			case TOUCHING_OVERLAPPING -> r < 0.42 ? 3 : r < 0.63 ? 4 : r < 0.76 ? 5 : r < 0.9 ? 6 + rng.nextInt(3) :
				9 + rng.nextInt(6);
		};
	}

	/**
	 * The contact of chromosome {@code i} of {@code n}: only crossings for an overlapping cluster, only touching
	 * ones for a touching cluster; a touching-overlapping one starts with a crossing and has at least one touch.
	 */
	private static Contact contact(ClusterType type, int i, int n, boolean touched, RandomGenerator rng) {
		Contact touch = switch (rng.nextInt(4)) {
			case 0 -> Contact.END_TO_END;
			case 1 -> Contact.SIDE_BY_SIDE;
			case 2 -> Contact.T_JUNCTION;
			default -> Contact.ANY_TOUCH;
		};
		return switch (type) {
			case OVERLAPPING -> Contact.CROSSING;
			case TOUCHING_OVERLAPPING -> i == 1 ? Contact.CROSSING : i == n - 1 && !touched ? touch :
				rng.nextBoolean() ? Contact.CROSSING : touch;
			default -> touch;
		};
	}

	private static Placed place(SingleChromosome source, Morphing.Shape shape, double angle) {
		SingleChromosome c = Morphing.apply(source, shape, angle);
		return new Placed(c, new Mask(0, 0, c.width(), c.height(), c.mask()), angle);
	}

	/** {@code source} joined to a random placed chromosome by {@code contact}; null when it found no contact. */
	private Placed join(SingleChromosome source, Morphing.Shape shape, Contact contact, List<Placed> placed,
		RandomGenerator rng)
	{
		Placed target = placed.get(rng.nextInt(placed.size()));
		double a = target.angle(), sign = rng.nextBoolean() ? 1 : -1;
		List<Mask> masks = placed.stream().map(Placed::mask).toList();
		double[] c = target.centre();
		switch (contact) {
			case CROSSING: {
				Placed p = place(source, shape, a + sign * Morphing.uniform(MIN_CROSSING, MAX_CROSSING, rng));
				// a fixed share of 0 draws nothing, so datasets composed before tip crossings existed stay the same
				boolean tip = morphology.tipCrossing() > 0 && rng.nextDouble() < morphology.tipCrossing();
				int[] own = tip ? tipPixel(p.mask(), p.angle(), rng) : middlePixel(p.mask(), rng);
				int[] onto = middlePixel(target.mask(), rng);
				return p.shifted(onto[0] - own[0], onto[1] - own[1]);
			}
			case END_TO_END: {
				Placed p = place(source, shape, a + 0.35 * rng.nextGaussian());
				return slide(p, masks, a + (sign > 0 ? 0 : Math.PI), c[0], c[1]);
			}
			case SIDE_BY_SIDE: {
				Placed p = place(source, shape, a + Morphing.uniform(-0.2, 0.2, rng));
				double along = Morphing.uniform(-0.35, 0.35, rng) * Math.max(target.mask().width(),
					target.mask().height());
				return slide(p, masks, a + sign * Math.PI / 2, c[0] + along * Math.cos(a), c[1] + along * Math.sin(a));
			}
			case T_JUNCTION: {
				double angle = a + sign * Morphing.uniform(Math.toRadians(60), Math.toRadians(120), rng);
				Placed p = place(source, shape, angle);
				int[] onto = middlePixel(target.mask(), rng);
				return slide(p, masks, angle + (rng.nextBoolean() ? 0 : Math.PI), onto[0], onto[1]);
			}
			default: {
				Placed p = place(source, shape, Math.PI * 2 * rng.nextDouble());
				int[] u = ClusterGenerator.union(masks);
				return slide(p, masks, Math.PI * 2 * rng.nextDouble(), u[0] + u[2] / 2.0, u[1] + u[3] / 2.0);
			}
		}
	}

	private static Placed slide(Placed p, List<Mask> masks, double direction, double cx, double cy) {
		int[] shift = ClusterGenerator.slideToContact(p.mask(), masks, direction, cx, cy);
		return shift == null ? null : p.shifted(shift[0], shift[1]);
	}

	/**
	 * A set pixel from the middle 60% of the mask's pixels in raster order: the middle part of an upright
	 * chromosome, but anywhere along a lying one, tips included. Meeting every chromosome at 20-80% of its length
	 * along its axis instead (tried as train-gband.sh v13, commit d56f764) made real tangles look touching: 72.0%
	 * against 78.1% on the hand-labelled validation clusters.
	 */
	private static int[] middlePixel(Mask m, RandomGenerator rng) {
		int k = (int) (m.area() * (0.2 + 0.6 * rng.nextDouble()));
		for (int y = 0; y < m.height(); y++) for (int x = 0; x < m.width(); x++)
			if (m.bits()[y * m.width() + x] && k-- == 0) return new int[] { m.x0() + x, m.y0() + y };
		throw new IllegalStateException("empty mask");
	}

	/**
	 * A set pixel on the mask's axis 3-20% of its extent along {@code angle} from a random end: of the pixels in
	 * that slice across the axis, the middle one.
	 */
	static int[] tipPixel(Mask m, double angle, RandomGenerator rng) {
		double ca = Math.cos(angle), sa = Math.sin(angle), lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
		// set pixels as {x, y, position along the axis}
		List<double[]> pixels = new ArrayList<>();
		for (int y = 0; y < m.height(); y++) for (int x = 0; x < m.width(); x++) if (m.bits()[y * m.width() + x]) {
			double u = x * ca + y * sa;
			pixels.add(new double[] { x, y, u });
			lo = Math.min(lo, u);
			hi = Math.max(hi, u);
		}
		if (pixels.isEmpty()) throw new IllegalStateException("empty mask");
		double f = Morphing.uniform(0.03, 0.2, rng), at = rng.nextBoolean() ? lo + f * (hi - lo) : hi - f * (hi - lo);
		// the slice across the axis at that position, widened until it holds pixels
		for (double half = 0.75; ; half *= 2) {
			double h = half;
			List<double[]> slice = pixels.stream().filter(p -> Math.abs(p[2] - at) <= h)
				.sorted(Comparator.comparingDouble(p -> -p[0] * sa + p[1] * ca)).toList();
			if (slice.isEmpty()) continue;
			double[] p = slice.get(slice.size() / 2);
			return new int[] { m.x0() + (int) p[0], m.y0() + (int) p[1] };
		}
	}

	/**
	 * The placed chromosomes on a canvas of the cluster's size plus a margin: background times the product of their
	 * transmittances, then the photometric augmentation.
	 */
	private ArrayImg<UnsignedByteType, ByteArray> render(List<Placed> placed, RandomGenerator rng) {
		int[] b = ClusterGenerator.union(placed.stream().map(Placed::mask).toList());
		int margin = 8;
		int w = b[2] + 2 * margin, h = b[3] + 2 * margin, ox = margin - b[0], oy = margin - b[1];
		MorphologySettings s = morphology;
		// a fixed exponent draws nothing, so datasets composed before it existed (multiplying stains) stay the same
		double overlapStain = s.minOverlapStain() == s.maxOverlapStain() ? s.minOverlapStain() :
			Morphing.uniform(s.minOverlapStain(), s.maxOverlapStain(), rng);
		// product and (when it matters) darkest layer per pixel; where layers overlap,
		// darkest * (product / darkest)^overlapStain
		float[] t = new float[w * h], darkest = overlapStain == 1 ? null : new float[w * h];
		java.util.Arrays.fill(t, 1f);
		if (darkest != null) java.util.Arrays.fill(darkest, 1f);
		for (Placed p : placed) {
			SingleChromosome c = p.chromosome();
			for (int y = 0; y < c.height(); y++) for (int x = 0; x < c.width(); x++) {
				int fx = x + p.mask().x0() + ox, fy = y + p.mask().y0() + oy;
				if (fx < 0 || fy < 0 || fx >= w || fy >= h) continue;
				float tc = c.transmittance()[y * c.width() + x];
				t[fy * w + fx] *= tc;
				if (darkest != null) darkest[fy * w + fx] = Math.min(darkest[fy * w + fx], tc);
			}
		}
		if (darkest != null) for (int i = 0; i < t.length; i++) if (darkest[i] > 0 && t[i] < darkest[i])
			t[i] = (float) (darkest[i] * Math.pow(t[i] / darkest[i], overlapStain));
		double contrast = Morphing.uniform(s.minContrast(), s.maxContrast(), rng);
		double blur = s.maxBlur() * rng.nextDouble();
		int background = s.minBackground() + (int) Math.round((s.maxBackground() - s.minBackground()) *
			rng.nextDouble());
		double gamma = Morphing.uniform(s.minGamma(), s.maxGamma(), rng);
		double noise = s.maxNoise() * rng.nextDouble();
		// Blur the stain density (1 - t), which is 0 on the background, so the canvas border stays clean.
		for (int i = 0; i < t.length; i++) t[i] = 1f - (float) Math.pow(t[i], contrast);
		Blur.gaussian2d(t, w, h, blur);
		byte[] px = new byte[w * h];
		for (int i = 0; i < px.length; i++) {
			double v = background * (1 - t[i]);
			v = 255 * Math.pow(v / 255, gamma) + noise * rng.nextGaussian();
			px[i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
		}
		return Gray8.wrap(px, w, h);
	}
}
