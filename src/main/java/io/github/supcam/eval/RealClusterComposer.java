package io.github.supcam.eval;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.dataset.DatasetReader;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.synth.ClusterGenerator;
import io.github.supcam.synth.ClusterGeometry;
import io.github.supcam.synth.ClusterLabels;
import io.github.supcam.synth.Mask;
import io.github.supcam.synth.SynthDatasetWriter;
import io.github.supcam.util.AtomicFiles;
import io.github.supcam.util.Progress;

import ij.process.AutoThresholder;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Builds a labelled cluster set from real single-chromosome crops (light on dark, e.g. BioImLab), for measuring
 * how a model trained on synthetic clusters does on real banding. Each cluster places 1-4 randomly rotated crops
 * as the synthetic generator does (1 for an instance, 2-3 touching, 2 crossing for overlapping, 3-4 with one or
 * two crossings for touching-overlapping; a crossing lays a point of one chromosome onto a point of another at
 * 30-90 degrees, a touching one slides in from afar until its mask first meets the cluster). The crops are
 * inverted to dark on light and their stain combines multiplicatively where they overlap. The label comes from the
 * placed masks ({@link ClusterLabels}); a draw that measures as another type is redrawn.
 */
public final class RealClusterComposer {
	/** Background of the composed images: the median background of the inverted BioImLab crops. */
	static final int BACKGROUND = 252;
	private static final int MARGIN = 4;
	private static final int MAX_ATTEMPTS = 200;

	/** One real crop: transmittance (1 = background) and its chromosome mask, both on the crop's grid. */
	record Crop(String name, int width, int height, float[] transmittance, boolean[] mask) {}

	/** A crop rotated and placed in a common frame. */
	private record Placed(Crop crop, int x0, int y0, Mask mask) {
		Placed shifted(int dx, int dy) {
			return new Placed(crop, x0 + dx, y0 + dy, mask.shifted(dx, dy));
		}
	}

	/** One composed cluster. */
	public record Cluster(ArrayImg<UnsignedByteType, ByteArray> image, ClusterType type, ClusterGeometry geometry,
		List<String> sources) {}

	private final List<Crop> crops;
	private final int size;

	/**
	 * @param crops the crops, light on dark
	 * @param size side of the square output images
	 */
	RealClusterComposer(List<Crop> crops, int size) {
		if (crops.isEmpty()) throw new IllegalArgumentException("No usable single-chromosome crop");
		if (size < 32) throw new IllegalArgumentException("Size must be at least 32 px, got " + size);
		this.crops = List.copyOf(crops);
		this.size = size;
	}

	/**
	 * Loads every readable crop under {@code source} whose longer side fits {@code 0.6 * size}; unreadable ones are
	 * reported through {@code log} and skipped.
	 */
	public static RealClusterComposer load(Path source, int size, java.util.function.Consumer<String> log)
		throws IOException
	{
		if (!Files.isDirectory(source)) throw new IllegalArgumentException("Single-chromosome folder " + source +
			" does not exist");
		List<Path> files;
		try (Stream<Path> s = Files.walk(source)) {
			files = s.filter(Files::isRegularFile).filter(p -> DatasetReader.isImageName(p.getFileName().toString()))
				.sorted().toList();
		}
		List<Crop> crops = new ArrayList<>();
		for (Path f : files) {
			try {
				Crop c = crop(source.relativize(f).toString().replace('\\', '/'), ImageFiles.read(f));
				if (c != null && Math.max(c.width(), c.height()) <= 0.6 * size) crops.add(c);
			} catch (IOException e) {
				log.accept("Skipped " + f + ": " + e.getMessage());
			}
		}
		log.accept("Using " + crops.size() + " of " + files.size() + " crops (longer side at most " +
			(int) (0.6 * size) + " px)");
		return new RealClusterComposer(crops, size);
	}

	/** A light-on-dark crop as transmittance of the inverted image and an Otsu mask; null if it has no foreground. */
	static Crop crop(String name, ArrayImg<UnsignedByteType, ByteArray> img) {
		int w = Gray8.width(img), h = Gray8.height(img);
		byte[] px = Gray8.pixels(img);
		int[] hist = new int[256];
		for (byte b : px) hist[b & 0xff]++;
		int t = new AutoThresholder().getThreshold(AutoThresholder.Method.Otsu, hist);
		float[] tr = new float[w * h];
		boolean[] mask = new boolean[w * h];
		boolean any = false;
		for (int i = 0; i < px.length; i++) {
			int v = px[i] & 0xff;
			mask[i] = v > t;
			any |= mask[i];
			tr[i] = Math.min(1f, (255 - v) / (float) BACKGROUND);
		}
		if (!any) return null;
		// Padding and haze beyond one pixel of the chromosome must not print as a gray box.
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) if (!near(mask, w, h, x, y)) tr[y * w + x] = 1;
		return new Crop(name, w, h, tr, mask);
	}

	private static boolean near(boolean[] mask, int w, int h, int x, int y) {
		for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) {
			int xx = x + dx, yy = y + dy;
			if (xx >= 0 && yy >= 0 && xx < w && yy < h && mask[yy * w + xx]) return true;
		}
		return false;
	}

	/**
	 * Composes one cluster of {@code type}.
	 *
	 * @throws IllegalStateException if no draw measured as {@code type} and fitted within the attempts
	 */
	public Cluster compose(ClusterType type, RandomGenerator rng) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			int n = switch (type) {
				case INSTANCE -> 1;
				case TOUCHING -> 2 + rng.nextInt(2);
				case OVERLAPPING -> 2;
				case TOUCHING_OVERLAPPING -> 3 + (rng.nextDouble() < 0.3 ? 1 : 0);
			};
			double angle0 = Math.PI * rng.nextDouble();
			List<Placed> placed = new ArrayList<>();
			for (int i = 0; i < n && placed.size() == i; i++) {
				boolean cross = type == ClusterType.OVERLAPPING && i == 1 ||
					type == ClusterType.TOUCHING_OVERLAPPING && (i == 1 || i == 3 && rng.nextBoolean());
				double angle = i == 0 ? angle0 : cross ? angle0 + (rng.nextBoolean() ? 1 : -1) * (0.55 + 1.0 *
					rng.nextDouble()) : Math.PI * rng.nextDouble();
				Placed p = rotate(crops.get(rng.nextInt(crops.size())), angle);
				if (i == 0) placed.add(p);
				else if (cross) placed.add(crossOnto(p, placed.get(rng.nextInt(Math.min(i, 2))), rng));
				else {
					int[] shift = ClusterGenerator.slideToContact(p.mask(), placed.stream().map(Placed::mask).toList(),
						2 * Math.PI * rng.nextDouble());
					if (shift != null) placed.add(p.shifted(shift[0], shift[1]));
				}
			}
			if (placed.size() < n) continue;
			List<Mask> masks = placed.stream().map(Placed::mask).toList();
			ClusterGeometry g = ClusterLabels.measure(masks);
			int[] b = ClusterGenerator.union(masks);
			if (g.type() != type || Math.max(b[2], b[3]) > size - 2 * MARGIN) continue;
			return new Cluster(render(placed, b), type, g, placed.stream().map(p -> p.crop().name()).toList());
		}
		throw new IllegalStateException("Could not compose a " + type + " cluster of real crops within " + size +
			" px in " + MAX_ATTEMPTS + " attempts");
	}

	/** The crop rotated by {@code angle} about its centre (bilinear stain, nearest-neighbour mask). */
	static Placed rotate(Crop c, double angle) {
		double cos = Math.cos(angle), sin = Math.sin(angle);
		int w = (int) Math.ceil(Math.abs(c.width() * cos) + Math.abs(c.height() * sin)) + 2;
		int h = (int) Math.ceil(Math.abs(c.width() * sin) + Math.abs(c.height() * cos)) + 2;
		double cx = c.width() / 2.0, cy = c.height() / 2.0, ox = w / 2.0, oy = h / 2.0;
		float[] tr = new float[w * h];
		boolean[] mask = new boolean[w * h];
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
			double dx = x + 0.5 - ox, dy = y + 0.5 - oy;
			double sx = cos * dx + sin * dy + cx - 0.5, sy = -sin * dx + cos * dy + cy - 0.5;
			tr[y * w + x] = bilinear(c, sx, sy);
			int nx = (int) Math.round(sx), ny = (int) Math.round(sy);
			mask[y * w + x] = nx >= 0 && ny >= 0 && nx < c.width() && ny < c.height() && c.mask()[ny * c.width() + nx];
		}
		Crop r = new Crop(c.name(), w, h, tr, mask);
		return new Placed(r, 0, 0, new Mask(0, 0, w, h, mask));
	}

	private static float bilinear(Crop c, double x, double y) {
		int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
		double fx = x - x0, fy = y - y0;
		return (float) ((1 - fy) * ((1 - fx) * at(c, x0, y0) + fx * at(c, x0 + 1, y0)) +
			fy * ((1 - fx) * at(c, x0, y0 + 1) + fx * at(c, x0 + 1, y0 + 1)));
	}

	private static float at(Crop c, int x, int y) {
		return x < 0 || y < 0 || x >= c.width() || y >= c.height() ? 1f : c.transmittance()[y * c.width() + x];
	}

	/** Moves {@code p} so a random chromosome pixel of it lies on a random chromosome pixel of {@code target}. */
	private static Placed crossOnto(Placed p, Placed target, RandomGenerator rng) {
		int[] own = randomPixel(p.mask(), rng), onto = randomPixel(target.mask(), rng);
		return p.shifted(onto[0] - own[0], onto[1] - own[1]);
	}

	/** A set pixel from the middle 60% of the mask's pixels in raster order, so crossings avoid the tips. */
	private static int[] randomPixel(Mask m, RandomGenerator rng) {
		int area = m.area();
		int k = (int) (area * (0.2 + 0.6 * rng.nextDouble()));
		for (int y = 0; y < m.height(); y++) for (int x = 0; x < m.width(); x++)
			if (m.bits()[y * m.width() + x] && k-- == 0) return new int[] { m.x0() + x, m.y0() + y };
		throw new IllegalStateException("empty mask");
	}

	/** The placed crops, centred on the canvas: background times the product of their transmittances. */
	private ArrayImg<UnsignedByteType, ByteArray> render(List<Placed> placed, int[] bounds) {
		int ox = (size - bounds[2]) / 2 - bounds[0], oy = (size - bounds[3]) / 2 - bounds[1];
		float[] t = new float[size * size];
		java.util.Arrays.fill(t, 1f);
		for (Placed p : placed) {
			Crop c = p.crop();
			for (int y = 0; y < c.height(); y++) for (int x = 0; x < c.width(); x++) {
				int fx = x + p.x0() + ox, fy = y + p.y0() + oy;
				if (fx >= 0 && fy >= 0 && fx < size && fy < size) t[fy * size + fx] *= c.transmittance()[y * c.width() + x];
			}
		}
		byte[] px = new byte[size * size];
		for (int i = 0; i < px.length; i++) px[i] = (byte) Math.round(BACKGROUND * t[i]);
		return Gray8.wrap(px, size, size);
	}

	/**
	 * Writes {@code perClass} clusters of each type into class folders of {@code output} (refused if not empty
	 * unless {@code overwrite}), with {@code labels.csv} listing each image's geometry and source crops. Sample
	 * {@code i} of a type uses the random stream {@link SynthDatasetWriter#sampleRandom}{@code (seed, type, i)}.
	 */
	public void write(Path output, int perClass, long seed, boolean overwrite, Progress progress) throws IOException {
		AtomicFiles.prepareOutputDir(output, overwrite);
		StringWriter csv = new StringWriter();
		try (CSVPrinter out = new CSVPrinter(csv, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
			.setHeader("file", "label", "chromosomes", "overlap_px", "contact_px", "sources").get()))
		{
			int done = 0, total = perClass * ClusterType.values().length;
			for (ClusterType type : ClusterType.values()) {
				Files.createDirectories(output.resolve(type.folderName()));
				for (int i = 0; i < perClass; i++) {
					progress.checkCancelled();
					Cluster c = compose(type, SynthDatasetWriter.sampleRandom(seed, type, i));
					String file = type.folderName() + "/" + String.format(Locale.ROOT, "real-%s-%05d.png",
						type.folderName(), i);
					ImageFiles.writePng(c.image(), output.resolve(file));
					out.printRecord(file, type.folderName(), c.geometry().chromosomes(), c.geometry().overlapPixels(),
						c.geometry().contactPixels(), String.join(" ", c.sources()));
					progress.update(++done, total, file);
				}
			}
		}
		AtomicFiles.writeString(output.resolve("labels.csv"), csv.toString());
	}

	/**
	 * {@code RealClusterComposer SOURCE OUTPUT [PER_CLASS [SIZE [SEED]]]}; exits 0 with a message when SOURCE is
	 * absent, so scripts can run where the reference data is not installed.
	 */
	public static void main(String[] args) throws IOException {
		if (args.length < 2) {
			System.err.println("usage: RealClusterComposer SOURCE OUTPUT [PER_CLASS=250 [SIZE=128 [SEED=1]]]");
			System.exit(2);
		}
		Path source = Path.of(args[0]), output = Path.of(args[1]);
		if (!Files.isDirectory(source)) {
			System.err.println("Skipped: no single-chromosome crops at " + source + " (reference data not installed)");
			return;
		}
		int perClass = args.length > 2 ? Integer.parseInt(args[2]) : 250;
		int size = args.length > 3 ? Integer.parseInt(args[3]) : 128;
		long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
		load(source, size, System.err::println).write(output, perClass, seed, false,
			(d, t, m) -> { if (d == t) System.err.println("Wrote " + t + " clusters to " + output); });
	}
}
