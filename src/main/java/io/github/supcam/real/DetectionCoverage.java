package io.github.supcam.real;

import io.github.supcam.dataset.Split;
import io.github.supcam.detect.ClusterCrop;
import io.github.supcam.detect.ComponentFlags;
import io.github.supcam.detect.DetectionResult;
import io.github.supcam.detect.DetectionSettings;
import io.github.supcam.eval.BootstrapSettings;
import io.github.supcam.eval.ConfidenceInterval;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.image.Polarity;
import io.github.supcam.util.Progress;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Measures detection on box-annotated spreads: the share of boxed chromosomes that lie in one detected component
 * (a component spans the box, see {@link BoxAssignment}), per image, with a case-level bootstrap interval. Cases
 * are split as the harvester splits them (the settings' case rule, fractions and seed), so tuning can be restricted
 * to train and val cases and the test cases kept for the final number. Usage: {@code DetectionCoverage IMAGES ANNOTATIONS SPLITS} (e.g. {@code train,val}).
 */
public final class DetectionCoverage {
	private DetectionCoverage() {}

	/**
	 * One image's outcome.
	 *
	 * @param boxes boxes in the image (outside ones included)
	 * @param spanned boxes held by one component
	 * @param pixelCovered boxes whose component also holds at least half of the box's dark pixels that no other
	 *        component holds (dark: {@value #DARK} grey levels beyond the background), a check of the span rule
	 * @param components detected components
	 * @param noBox components without a box (debris, nuclei) that were still detected
	 * @param noBoxFlagged of these, the ones {@link ComponentFlags} flags
	 * @param withBoxFlagged components holding a box that are flagged all the same
	 */
	public record ImageCoverage(String image, String caseName, Split split, int boxes, int spanned, int pixelCovered,
		int components, int noBox, int noBoxFlagged, int withBoxFlagged) {}

	/** Grey levels beyond the background that make a pixel dark for {@link ImageCoverage#pixelCovered}. */
	public static final int DARK = 25;

	/** Coverage over the images of {@code parts}; images without annotation are ignored. */
	public static List<ImageCoverage> measure(Path images, Path annotations, HarvestSettings settings, Set<Split> parts,
		Progress progress) throws IOException
	{
		Map<String, ImageAnnotation> byKey = AnnotationReader.read(annotations).byKey();
		List<Path> files = Harvester.listImages(images).stream().filter(p -> byKey.containsKey(ImageAnnotation.key(
			p.getFileName().toString()))).toList();
		Pattern pattern = settings.casePattern() == null ? null : Cases.pattern(settings.casePattern());
		Map<String, String> caseOf = new LinkedHashMap<>();
		for (Path f : files) caseOf.put(f.getFileName().toString(), Cases.caseOf(f.getFileName().toString(), pattern));
		Map<String, Split> split = Cases.split(caseOf.values(), settings.fractions(), settings.seed());
		Harvester harvester = new Harvester(settings);
		List<ImageCoverage> out = new ArrayList<>();
		int done = 0;
		for (Path f : files) {
			progress.checkCancelled();
			progress.update(done++, files.size(), f.getFileName().toString());
			String name = f.getFileName().toString(), c = caseOf.get(name);
			if (!parts.contains(split.get(c))) continue;
			List<Box> boxes = byKey.get(ImageAnnotation.key(name)).boxes();
			var img = ImageFiles.read(f);
			Harvester.ImageHarvest h = harvester.harvest(img, boxes);
			List<String> flags = ComponentFlags.defaults().flags(img, h.detection());
			int noBox = 0, noBoxFlagged = 0, withBoxFlagged = 0;
			for (int id = 1; id <= flags.size(); id++) {
				boolean flagged = !flags.get(id - 1).isEmpty();
				if (h.assignment().boxesOf().get(id).isEmpty()) {
					noBox++;
					if (flagged) noBoxFlagged++;
				} else if (flagged) withBoxFlagged++;
			}
			out.add(new ImageCoverage(name, c, split.get(c), boxes.size(), boxes.size() -
				h.assignment().excludedBoxes().size(), pixelCovered(img, h), flags.size(), noBox, noBoxFlagged,
				withBoxFlagged));
		}
		return out;
	}

	/** Boxes whose component holds at least half of the box's dark pixels that no other component holds. */
	static int pixelCovered(ArrayImg<UnsignedByteType, ByteArray> img, Harvester.ImageHarvest h) {
		DetectionResult d = h.detection();
		int background = ClusterCrop.backgroundLevel(img, d.labels());
		int sign = d.polarity() == Polarity.DARK_ON_LIGHT ? 1 : -1;
		int covered = 0;
		for (Map.Entry<Integer, List<Box>> e : h.assignment().boxesOf().entrySet()) for (Box b : e.getValue()) {
			Rectangle r = b.clip(d.labels().width(), d.labels().height());
			int own = 0, dark = 0;
			for (int y = r.y; y < r.y + r.height; y++) for (int x = r.x; x < r.x + r.width; x++) {
				int l = d.labels().get(x, y);
				if (l != 0 && l != e.getKey() || sign * (background - Gray8.get(img, x, y)) < DARK) continue;
				dark++;
				if (l == e.getKey()) own++;
			}
			if (2 * own >= dark) covered++;
		}
		return covered;
	}

	/** Percentage of boxes spanned, with a percentile-bootstrap interval that resamples whole cases. */
	public static ConfidenceInterval coverage(List<ImageCoverage> images, BootstrapSettings bootstrap) {
		Map<String, long[]> perCase = new TreeMap<>();
		for (ImageCoverage i : images) {
			long[] s = perCase.computeIfAbsent(i.caseName(), k -> new long[2]);
			s[0] += i.spanned();
			s[1] += i.boxes();
		}
		if (perCase.isEmpty()) throw new IllegalArgumentException("No image to measure coverage on");
		List<long[]> cases = new ArrayList<>(perCase.values());
		long spanned = cases.stream().mapToLong(s -> s[0]).sum(), boxes = cases.stream().mapToLong(s -> s[1]).sum();
		RandomGenerator rng = new Well19937c(bootstrap.seed());
		double[] values = new double[bootstrap.resamples()];
		for (int b = 0; b < values.length; b++) {
			long hit = 0, all = 0;
			for (int i = 0; i < cases.size(); i++) {
				long[] s = cases.get(rng.nextInt(cases.size()));
				hit += s[0];
				all += s[1];
			}
			values[b] = all == 0 ? 100 : 100.0 * hit / all;
		}
		double tail = 50 * (1 - bootstrap.level());
		Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
		p.setData(values);
		return new ConfidenceInterval(100.0 * spanned / boxes, p.evaluate(tail), p.evaluate(100 - tail),
			bootstrap.level(), bootstrap.resamples(), bootstrap.seed(), "percentile bootstrap over cases");
	}

	/** Prints coverage and flag counts for the detector's defaults and for {@link RealSpreads}. */
	public static void main(String[] args) throws IOException {
		if (args.length != 3) {
			System.err.println("Usage: DetectionCoverage IMAGES ANNOTATIONS SPLITS (e.g. train,val or test)");
			System.exit(2);
		}
		Set<Split> parts = EnumSet.noneOf(Split.class);
		for (String s : args[2].split(",")) parts.add(Split.parse(s));
		Map<String, DetectionSettings> variants = new LinkedHashMap<>();
		variants.put("DetectionSettings.defaults()", DetectionSettings.defaults());
		variants.put("RealSpreads.detection()", RealSpreads.detection());
		for (Map.Entry<String, DetectionSettings> v : variants.entrySet()) {
			long t0 = System.nanoTime();
			List<ImageCoverage> r = measure(Paths.get(args[0]), Paths.get(args[1]),
				HarvestSettings.defaults().withDetection(v.getValue()), parts, Progress.NONE);
			ConfidenceInterval ci = coverage(r, BootstrapSettings.defaults());
			int boxes = r.stream().mapToInt(ImageCoverage::boxes).sum();
			int spanned = r.stream().mapToInt(ImageCoverage::spanned).sum();
			int pixelCovered = r.stream().mapToInt(ImageCoverage::pixelCovered).sum();
			int components = r.stream().mapToInt(ImageCoverage::components).sum();
			int noBox = r.stream().mapToInt(ImageCoverage::noBox).sum();
			int noBoxFlagged = r.stream().mapToInt(ImageCoverage::noBoxFlagged).sum();
			int withBoxFlagged = r.stream().mapToInt(ImageCoverage::withBoxFlagged).sum();
			System.out.printf(Locale.ROOT, "%s on %s: %d images, %d cases, %.0f s%n", v.getKey(), parts, r.size(),
				r.stream().map(ImageCoverage::caseName).distinct().count(), (System.nanoTime() - t0) / 1e9);
			System.out.printf(Locale.ROOT, "  boxes in a detected component: %d of %d = %.2f%% %s%n", spanned, boxes,
				ci.estimate(), ci.format());
			System.out.printf(Locale.ROOT, "  boxes whose component holds half of the box's own dark pixels: %d (%.2f%%)%n",
				pixelCovered, 100.0 * pixelCovered / boxes);
			System.out.printf(Locale.ROOT, "  components: %d; without a box: %d, of which flagged %d (%.1f%%); " +
				"with a box but flagged: %d (%.2f%%)%n", components, noBox, noBoxFlagged, 100.0 * noBoxFlagged /
					Math.max(1, noBox), withBoxFlagged, 100.0 * withBoxFlagged / Math.max(1, components - noBox));
			r.stream().filter(i -> i.spanned() < i.boxes()).sorted((a, b) -> Integer.compare(a.spanned() - a.boxes(),
				b.spanned() - b.boxes())).limit(5).forEach(i -> System.out.printf(Locale.ROOT,
					"  worst: %s, %d of %d boxes%n", i.image(), i.spanned(), i.boxes()));
		}
	}
}
