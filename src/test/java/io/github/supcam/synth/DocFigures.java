package io.github.supcam.synth;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.image.Montage;
import io.github.supcam.image.Polarity;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Regenerates the figures of docs/synthetic-data.md and prints its real-vs-synthetic table (run by hand with the
 * test classpath: {@code java -cp target/classes:target/test-classes:... io.github.supcam.synth.DocFigures}).
 */
public final class DocFigures {
	private DocFigures() {}

	public static void main(String[] args) throws IOException {
		Path docs = Paths.get("docs");
		montage(SynthSettings.defaults(), 150, docs.resolve("synthetic-montage.png"));
		montage(SynthSettings.prometaphase(), 150, docs.resolve("synthetic-prometaphase-montage.png"));
		prometaphaseLengths();
		SyntheticMetaphase m = SyntheticMetaphase.render(SynthSettings.defaults().withWidthPx(SynthSettings.Range.of(10,
			14)), 1600, 1200, 20, 40, new Well19937c(1));
		ImageFiles.writePng(scaledHalf(m), docs.resolve("synthetic-metaphase.png"));
		System.out.println("metaphase clusters: " + m.clusters().size());

		Path real = Paths.get("..", "shared", "data", "single-chromosomes");
		if (!Files.isDirectory(real)) return;
		List<ChromosomeStatistics> r = new ArrayList<>(), s = new ArrayList<>();
		try (Stream<Path> files = Files.walk(real)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".png")).sorted().toList()) {
				var img = ImageFiles.read(f);
				if (Gray8.width(img) > 300) continue;
				ChromosomeStatistics st = ChromosomeStatistics.measure(img, Polarity.LIGHT_ON_DARK);
				if (st != null) r.add(st);
			}
		}
		ClusterGenerator gen = new ClusterGenerator(SynthSettings.defaults());
		for (int i = 0; i < 2000; i++) s.add(ChromosomeStatistics.measure(gen.generate(ClusterType.INSTANCE, 224,
			new Well19937c(i)).image(), Polarity.DARK_ON_LIGHT));
		System.out.println("| statistic | real p10 / median / p90 (n=" + r.size() + ") | synthetic p10 / median / p90 (n=" +
			s.size() + ") |");
		System.out.println("|---|---|---|");
		row("width (px)", r, s, ChromosomeStatistics::widthPx);
		row("length (px)", r, s, ChromosomeStatistics::lengthPx);
		row("length / width", r, s, x -> x.lengthPx() / x.widthPx());
		row("chromosome gray", r, s, ChromosomeStatistics::chromosomeGray);
		row("background gray", r, s, ChromosomeStatistics::backgroundGray);
		row("band range (gray levels)", r, s, ChromosomeStatistics::bandRange);
	}

	/** Six clusters of each type (rows) on the morphology's default canvas, seed 2023. */
	private static void montage(SynthSettings settings, int cell, Path file) throws IOException {
		SynthDatasetWriter writer = new SynthDatasetWriter(settings, 2023);
		List<Montage.Tile> tiles = new ArrayList<>();
		for (ClusterType t : ClusterType.values())
			for (int i = 0; i < 6; i++) {
				SynthCluster c = writer.sample(t, i, settings.morphology().canvas());
				tiles.add(new Montage.Tile(c.image(), String.format(Locale.ROOT, "%s n=%d w=%.0f", t.shortLabel(),
					c.masks().size(), c.widthPx())));
			}
		Montage.writePng(tiles, 6, cell, 255, file);
	}

	/** Length in widths of 1,000 prometaphase instances, measured on crops as the real crops are. */
	private static void prometaphaseLengths() {
		ClusterGenerator gen = new ClusterGenerator(SynthSettings.prometaphase());
		int n = 1000, canvas = Morphology.PROMETAPHASE.canvas();
		double[] aspect = new double[n];
		for (int i = 0; i < n; i++) {
			SynthCluster c = gen.generate(ClusterType.INSTANCE, canvas, new Well19937c(new int[] { 11, i }));
			ChromosomeStatistics st = ChromosomeStatistics.measure(MorphologyTest.crop(c, 6), Polarity.DARK_ON_LIGHT);
			aspect[i] = st.lengthPx() / st.widthPx();
		}
		Percentile p = new Percentile();
		System.out.printf(Locale.ROOT, "prometaphase length/width p10 %.1f, median %.1f, p90 %.1f, p99 %.1f, " +
			"longer than 18: %.1f%%%n", p.evaluate(aspect, 10), p.evaluate(aspect, 50), p.evaluate(aspect, 90),
			p.evaluate(aspect, 99), 100.0 * java.util.Arrays.stream(aspect).filter(a -> a > 18).count() / n);
	}

	private static void row(String name, List<ChromosomeStatistics> r, List<ChromosomeStatistics> s,
		ToDoubleFunction<ChromosomeStatistics> f)
	{
		System.out.println("| " + name + " | " + quantiles(r, f) + " | " + quantiles(s, f) + " |");
	}

	private static String quantiles(List<ChromosomeStatistics> list, ToDoubleFunction<ChromosomeStatistics> f) {
		double[] v = list.stream().mapToDouble(f).toArray();
		Percentile p = new Percentile();
		return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", p.evaluate(v, 10), p.evaluate(v, 50), p.evaluate(v, 90));
	}

	/** Half-size copy by 2x2 averaging, to keep the committed figure small. */
	private static net.imglib2.img.array.ArrayImg<net.imglib2.type.numeric.integer.UnsignedByteType,
		net.imglib2.img.basictypeaccess.array.ByteArray> scaledHalf(SyntheticMetaphase m)
	{
		int w = Gray8.width(m.image()) / 2, h = Gray8.height(m.image()) / 2, sw = Gray8.width(m.image());
		byte[] src = Gray8.pixels(m.image()), out = new byte[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int i = 2 * y * sw + 2 * x;
				out[y * w + x] = (byte) (((src[i] & 0xff) + (src[i + 1] & 0xff) + (src[i + sw] & 0xff) +
					(src[i + sw + 1] & 0xff) + 2) / 4);
			}
		return Gray8.wrap(out, w, h);
	}
}
