package io.github.supcam.real;

import io.github.supcam.dataset.Split;
import io.github.supcam.detect.ClusterCrop;
import io.github.supcam.detect.ClusterDetector;
import io.github.supcam.detect.DetectedCluster;
import io.github.supcam.detect.DetectionResult;
import io.github.supcam.detect.LabelImage;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.util.AtomicFiles;
import io.github.supcam.util.Json;
import io.github.supcam.util.Progress;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import java.io.Reader;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Harvests labelled real components from box-annotated metaphases: runs the project's detector on each image,
 * assigns the chromosome boxes to components ({@link BoxAssignment}), and writes every component holding one box
 * to {@code instance/}, every component holding several to {@code cluster/}, cut out exactly as classification
 * cuts them ({@link ClusterCrop}). Also writes {@code instance-masks/} (255 = the component, same name and size as
 * the crop), {@code manifest.csv}, {@code excluded.csv}, {@code cases.csv}, {@code harvest.json} (the settings)
 * and {@code report.md}. Images without an annotation, unreadable files and annotations without an image are
 * reported and skipped; the rest goes on.
 */
public final class Harvester {
	public static final String MANIFEST = "manifest.csv", EXCLUDED = "excluded.csv", REPORT = "report.md",
		SETTINGS = "harvest.json", INSTANCE = "instance", CLUSTER = "cluster", INSTANCE_MASKS = "instance-masks";
	/** The columns of manifest.csv; excluded.csv has these plus {@code reason}. */
	public static final List<String> COLUMNS = List.of("file", "image", "component", "x", "y", "width", "height",
		"area", "touches_border", "chromosomes", "boxes", "case", "split");
	private static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp",
		".gif");

	private final HarvestSettings settings;

	public Harvester(HarvestSettings settings) {
		if (settings == null) throw new IllegalArgumentException("settings must be set");
		this.settings = settings;
	}

	/** Detection and box assignment of one image. */
	public record ImageHarvest(DetectionResult detection, BoxAssignment.Result assignment) {}

	/** Detects the components of one image and assigns its boxes to them. */
	public ImageHarvest harvest(ArrayImg<UnsignedByteType, ByteArray> image, List<Box> boxes) {
		DetectionResult d = new ClusterDetector(settings.detection()).detect(image);
		return new ImageHarvest(d, BoxAssignment.assign(d, boxes, settings.minSpan(), settings.splitShare(),
			settings.minInside()));
	}

	/** One row of manifest.csv or excluded.csv; {@code reason} is null in the manifest. */
	public record Row(String file, String image, String component, int x, int y, int width, int height, long area,
		boolean touchesBorder, int chromosomes, String boxes, String caseName, Split split, Exclusion reason) {
		List<Object> values() {
			return List.of(file, image, component, x, y, width, height, area, touchesBorder, chromosomes, boxes,
				caseName, split.csvName());
		}

		/** This component's {@link #componentKey}. */
		public String componentKey() {
			return Harvester.componentKey(image, x, y, width, height);
		}
	}

	/** Names a component by its image and bounding box, as labels made elsewhere (e.g. by hand) refer to it. */
	public static String componentKey(String image, int x, int y, int width, int height) {
		return image + "@" + x + "," + y + "," + width + "x" + height;
	}

	/**
	 * The rows of a harvest folder's manifest.csv (what {@link #run} wrote there).
	 *
	 * @throws IllegalArgumentException if {@code dir} holds no manifest
	 */
	public static List<Row> readManifest(Path dir) throws IOException {
		Path file = dir.resolve(MANIFEST);
		if (!Files.isRegularFile(file)) throw new IllegalArgumentException(dir + " is not a harvest folder: it has " +
			"no " + MANIFEST);
		List<Row> rows = new ArrayList<>();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in))
				rows.add(new Row(r.get("file"), r.get("image"), r.get("component"), Integer.parseInt(r.get("x")),
					Integer.parseInt(r.get("y")), Integer.parseInt(r.get("width")), Integer.parseInt(r.get("height")),
					Long.parseLong(r.get("area")), Boolean.parseBoolean(r.get("touches_border")),
					Integer.parseInt(r.get("chromosomes")), r.get("boxes"), r.get("case"), Split.parse(r.get("split")),
					null));
		}
		return rows;
	}

	/**
	 * What a run did.
	 *
	 * @param images images harvested
	 * @param instances components written to {@code instance/}
	 * @param clusters components written to {@code cluster/}
	 * @param boxes boxes in the harvested images' annotations
	 * @param excluded excluded boxes and components, per reason (every reason present)
	 * @param problems one line per skipped file or annotation entry
	 * @param seconds wall time
	 */
	public record Summary(int images, int instances, int clusters, int boxes, Map<Exclusion, Integer> excluded,
		List<String> problems, double seconds)
	{
		public Summary {
			excluded = java.util.Collections.unmodifiableMap(new EnumMap<>(excluded));
			problems = List.copyOf(problems);
		}

		/** Boxes whose chromosome lies in one detected component: all but those not detected, split or outside. */
		public int spannedBoxes() {
			return boxes - excluded.get(Exclusion.BOX_NOT_DETECTED) - excluded.get(Exclusion.BOX_SPLIT) -
				excluded.get(Exclusion.BOX_OUTSIDE_IMAGE);
		}

		/** E.g. {@code 517 images: 12000 instance, 3000 cluster; excluded: ...; 2 files skipped}. */
		public String format() {
			StringBuilder sb = new StringBuilder().append(images).append(" images: ").append(instances)
				.append(" instance, ").append(clusters).append(" cluster components; ").append(spannedBoxes())
				.append(" of ").append(boxes).append(" boxes in a detected component; excluded:");
			String sep = " ";
			for (Map.Entry<Exclusion, Integer> e : excluded.entrySet()) {
				sb.append(sep).append(e.getKey().csvName()).append(' ').append(e.getValue());
				sep = ", ";
			}
			if (!problems.isEmpty()) sb.append("; ").append(problems.size()).append(problems.size() == 1 ? " file" :
				" files").append(" or entries skipped");
			return sb.toString();
		}
	}

	/**
	 * Harvests every image of {@code images} that has an annotation in {@code annotations} (a folder of VOC xml
	 * files or a COCO json file) into {@code output}, which must be new or empty unless {@code overwrite}; the folder
	 * is written as a whole, so a failure or a cancel leaves any previous content as it was.
	 */
	public Summary run(Path images, Path annotations, Path output, boolean overwrite, Progress progress)
		throws IOException
	{
		long start = System.nanoTime();
		if (!Files.isDirectory(images)) throw new IllegalArgumentException("Images folder " + images + " does not exist");
		if (Files.isDirectory(output) && !overwrite) AtomicFiles.prepareOutputDir(output, false);
		if (Files.isRegularFile(output)) throw new IllegalArgumentException("Output " + output + " is a file, not a folder");
		AnnotationReader.Loaded loaded = AnnotationReader.read(annotations);
		List<String> problems = new ArrayList<>(loaded.problems());
		Pattern pattern = settings.casePattern() == null ? null : Cases.pattern(settings.casePattern());

		// Pair images with annotations by key; a case is needed before the split, so bad names drop out here.
		Map<String, Path> imageOf = new TreeMap<>();
		for (Path p : listImages(images)) {
			String key = ImageAnnotation.key(p.getFileName().toString());
			if (imageOf.putIfAbsent(key, p) != null) problems.add(p.getFileName() + ": another image has the name " +
				key + " (" + imageOf.get(key).getFileName() + "); skipped");
		}
		Map<String, String> caseOf = new LinkedHashMap<>();
		for (Map.Entry<String, Path> e : imageOf.entrySet()) {
			String name = e.getValue().getFileName().toString();
			if (!loaded.byKey().containsKey(e.getKey())) {
				problems.add(name + ": no annotation; skipped");
				continue;
			}
			try {
				caseOf.put(e.getKey(), Cases.caseOf(name, pattern));
			} catch (IllegalArgumentException ex) {
				problems.add(name + ": " + ex.getMessage() + "; skipped");
			}
		}
		for (ImageAnnotation a : loaded.byKey().values()) if (!imageOf.containsKey(a.key())) problems.add(a.source() +
			": annotation for a missing image " + a.key() + "; skipped");
		Map<String, Split> split = Cases.split(caseOf.values(), settings.fractions(), settings.seed());

		List<Row> manifest = new ArrayList<>(), excludedRows = new ArrayList<>();
		Map<Exclusion, Integer> excluded = new EnumMap<>(Exclusion.class);
		for (Exclusion x : Exclusion.values()) excluded.put(x, 0);
		int[] counts = new int[3]; // images, instances, clusters
		int[] boxes = new int[1];
		AtomicFiles.writeDirectory(output, dir -> {
			int done = 0;
			for (Map.Entry<String, String> e : caseOf.entrySet()) {
				progress.checkCancelled();
				Path file = imageOf.get(e.getKey());
				progress.update(done++, caseOf.size(), "Harvesting " + file.getFileName());
				ArrayImg<UnsignedByteType, ByteArray> img;
				try {
					img = ImageFiles.read(file);
				} catch (ImageFiles.ImageReadException ex) {
					problems.add(ex.getMessage() + "; skipped");
					continue;
				}
				ImageAnnotation a = loaded.byKey().get(e.getKey());
				String c = e.getValue();
				ImageHarvest h;
				try {
					h = harvest(img, a.boxes());
				} catch (IllegalArgumentException ex) {
					problems.add(file.getFileName() + ": " + ex.getMessage() + "; skipped");
					continue;
				}
				counts[0]++;
				boxes[0] += a.boxes().size();
				writeImage(dir, file.getFileName().toString(), img, h, c, split.get(c), manifest, excludedRows);
			}
			progress.update(done, caseOf.size(), "Writing the manifest");
			for (Row r : manifest) counts[r.chromosomes() == 1 ? 1 : 2]++;
			for (Row r : excludedRows) excluded.merge(r.reason(), 1, Integer::sum);
			writeRows(dir.resolve(MANIFEST), manifest, false);
			writeRows(dir.resolve(EXCLUDED), excludedRows, true);
			Cases.writeCsv(dir.resolve(Cases.CSV), split);
			Json.write(dir.resolve(SETTINGS), settings);
			Summary s = new Summary(counts[0], counts[1], counts[2], boxes[0], excluded, problems,
				(System.nanoTime() - start) / 1e9);
			AtomicFiles.writeString(dir.resolve(REPORT), report(s, manifest, split));
		});
		return new Summary(counts[0], counts[1], counts[2], boxes[0], excluded, problems,
			(System.nanoTime() - start) / 1e9);
	}

	/** The image files of a folder (by extension, not recursive), in name order. */
	static List<Path> listImages(Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return s.filter(p -> Files.isRegularFile(p) && IMAGE_EXTENSIONS.stream().anyMatch(x ->
				p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(x))).sorted().toList();
		}
	}

	private void writeImage(Path dir, String image, ArrayImg<UnsignedByteType, ByteArray> img, ImageHarvest h,
		String caseName, Split split, List<Row> manifest, List<Row> excludedRows) throws IOException
	{
		DetectionResult d = h.detection();
		BoxAssignment.Result a = h.assignment();
		int background = ClusterCrop.backgroundLevel(img, d.labels());
		String stem = ImageAnnotation.key(image);
		for (DetectedCluster c : d.clusters()) {
			List<Box> held = a.boxesOf().get(c.id());
			String tags = held.stream().map(Box::tag).collect(Collectors.joining(";"));
			Exclusion why = a.excludedComponents().get(c.id());
			if (why != null) {
				excludedRows.add(new Row("", image, String.valueOf(c.id()), c.x(), c.y(), c.width(), c.height(),
					c.area(), c.touchesBorder(), held.size(), tags, caseName, split, why));
				continue;
			}
			String folder = held.size() == 1 ? INSTANCE : CLUSTER;
			String name = String.format(Locale.ROOT, "%s-%03d.png", stem, c.id());
			ImageFiles.writePng(ClusterCrop.extract(img, d.labels(), c, settings.margin(), background),
				dir.resolve(folder).resolve(name));
			if (held.size() == 1) ImageFiles.writePng(mask(d.labels(), c, settings.margin()),
				dir.resolve(INSTANCE_MASKS).resolve(name));
			manifest.add(new Row(folder + "/" + name, image, String.valueOf(c.id()), c.x(), c.y(), c.width(),
				c.height(), c.area(), c.touchesBorder(), held.size(), tags, caseName, split, null));
		}
		for (BoxAssignment.ExcludedBox e : a.excludedBoxes()) {
			Box b = e.box();
			excludedRows.add(new Row("", image, e.component() == 0 ? "" : String.valueOf(e.component()), b.x0(), b.y0(),
				b.x1() - b.x0(), b.y1() - b.y0(), 0, false, 1, b.tag(), caseName, split, e.reason()));
		}
	}

	/** The component's pixels (255) in the frame of its crop; everything else 0. */
	static ArrayImg<UnsignedByteType, ByteArray> mask(LabelImage labels, DetectedCluster c, int margin) {
		int cw = c.width() + 2 * margin, ch = c.height() + 2 * margin;
		byte[] m = new byte[cw * ch];
		for (int yy = 0; yy < c.height(); yy++) for (int xx = 0; xx < c.width(); xx++)
			if (labels.get(c.x() + xx, c.y() + yy) == c.id()) m[(yy + margin) * cw + xx + margin] = (byte) 255;
		return Gray8.wrap(m, cw, ch);
	}

	private static void writeRows(Path file, List<Row> rows, boolean withReason) throws IOException {
		List<String> header = new ArrayList<>(COLUMNS);
		if (withReason) header.add("reason");
		AtomicFiles.write(file, out -> {
			try (CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
				CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get()))
			{
				for (Row r : rows) {
					List<Object> v = new ArrayList<>(r.values());
					if (withReason) v.add(r.reason().csvName());
					p.printRecord(v);
				}
			}
		});
	}

	private String report(Summary s, List<Row> manifest, Map<String, Split> split) {
		StringBuilder sb = new StringBuilder("# Harvest report\n\n");
		sb.append(String.format(Locale.ROOT, "%d images, %d cases, %.0f s. Settings in `%s`.%n%n", s.images(),
			split.size(), s.seconds(), SETTINGS));
		sb.append(String.format(Locale.ROOT, "Boxes in a detected component: %d of %d (%.2f%%).%n%n", s.spannedBoxes(),
			s.boxes(), s.boxes() == 0 ? 0 : 100.0 * s.spannedBoxes() / s.boxes()));
		sb.append("| split | cases | instance | cluster |\n|---|---:|---:|---:|\n");
		for (Split p : Split.values()) {
			long cases = split.values().stream().filter(p::equals).count();
			long inst = manifest.stream().filter(r -> r.split() == p && r.chromosomes() == 1).count();
			sb.append("| ").append(p.csvName()).append(" | ").append(cases).append(" | ").append(inst).append(" | ")
				.append(manifest.stream().filter(r -> r.split() == p).count() - inst).append(" |\n");
		}
		sb.append("\n## Excluded\n\n| reason | count |\n|---|---:|\n");
		for (Map.Entry<Exclusion, Integer> e : s.excluded().entrySet()) sb.append("| ").append(e.getKey().description())
			.append(" (`").append(e.getKey().csvName()).append("`) | ").append(e.getValue()).append(" |\n");
		sb.append("\n## Chromosomes per cluster\n\n| chromosomes | clusters |\n|---:|---:|\n");
		new TreeMap<>(manifest.stream().filter(r -> r.chromosomes() > 1).collect(Collectors.groupingBy(Row::chromosomes,
			Collectors.counting()))).forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
		sb.append("\n## Skipped files (").append(s.problems().size()).append(")\n\n");
		for (String p : s.problems()) sb.append("- ").append(p).append('\n');
		return sb.toString();
	}
}
