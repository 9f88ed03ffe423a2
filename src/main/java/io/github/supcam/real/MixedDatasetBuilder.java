package io.github.supcam.real;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.dataset.DatasetReader;
import io.github.supcam.dataset.LabelledImage;
import io.github.supcam.dataset.Split;
import io.github.supcam.dataset.SplitManifest;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.synth.SynthDatasetWriter;
import io.github.supcam.util.AtomicFiles;
import io.github.supcam.util.Json;
import io.github.supcam.util.Progress;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Builds a 4-class training set from harvested real data ({@code supcam harvest} output): the real single
 * chromosomes of each split's cases become {@code instance/} images as they are, and are composed into touching,
 * overlapping and touching-overlapping clusters (plus reshaped instances) with {@link RealClusterComposer}, so
 * every composed cluster of a split is made only of that split's chromosomes. Extra single-chromosome folders
 * (e.g. BioImLab crops, another laboratory) join the training split only. Harvested real clusters, whose type
 * is unknown, get no class: on request, those of the training cases only are copied to
 * {@link DatasetReader#NOT_INSTANCE_FOLDER}, with their chromosome counts in
 * {@link DatasetReader#NOT_INSTANCE_CHROMOSOMES}, which fine-tuning can use as "any type but instance"
 * ({@link io.github.supcam.finetune.NotInstanceLoss}). Hand-labelled real clusters of the training cases
 * ({@link LabelledClusters}) join the training split as examples of their class, and leave the harvested pools.
 * Writes class folders, {@code split.csv} (for {@code --split}), {@code labels.csv} (every composed image's
 * geometry and sources, and every hand-labelled one's source) and {@code mixed.json} (the settings).
 */
public final class MixedDatasetBuilder {
	/**
	 * @param composedPerClass touching, overlapping and touching-overlapping clusters to compose per split (train,
	 *   val, test)
	 * @param maxInstances at most this many real instances per split enter the dataset as they are (a seeded
	 *   random choice; 0 = all); all of the split's chromosomes are still composed
	 * @param reshapedInstanceFraction reshaped single chromosomes to add per split, as a fraction of
	 *   {@code composedPerClass}
	 * @param seed seed of every composition draw
	 * @param morphology the augmentation ranges
	 * @param notInstance at most this many harvested real clusters of the training cases to copy to
	 *   {@link DatasetReader#NOT_INSTANCE_FOLDER} (a seeded random choice; 0 = none)
	 * @param labelledClusters hand-labelled real components of the training cases to add to their class folders
	 *   (null: none; then {@code mixed.json} does not mention them, so datasets made without them keep their bytes)
	 */
	public record Settings(Map<Split, Integer> composedPerClass, Map<Split, Integer> maxInstances,
		double reshapedInstanceFraction, long seed, MorphologySettings morphology, int notInstance,
		LabelledClusters labelledClusters)
	{
		public Settings {
			composedPerClass = counts("composed clusters", composedPerClass);
			maxInstances = counts("real instances", maxInstances);
			if (!(reshapedInstanceFraction >= 0 && reshapedInstanceFraction <= 10)) throw new IllegalArgumentException(
				"reshapedInstanceFraction must be in 0..10, got " + reshapedInstanceFraction);
			if (morphology == null) throw new IllegalArgumentException("morphology must be set");
			if (notInstance < 0) throw new IllegalArgumentException("notInstance must be >= 0, got " + notInstance);
		}

		/** Without hand-labelled clusters. */
		public Settings(Map<Split, Integer> composedPerClass, Map<Split, Integer> maxInstances,
			double reshapedInstanceFraction, long seed, MorphologySettings morphology, int notInstance)
		{
			this(composedPerClass, maxInstances, reshapedInstanceFraction, seed, morphology, notInstance, null);
		}

		/** These settings with hand-labelled clusters (null: none). */
		public Settings withLabelledClusters(LabelledClusters l) {
			return new Settings(composedPerClass, maxInstances, reshapedInstanceFraction, seed, morphology, notInstance,
				l);
		}

		private static Map<Split, Integer> counts(String what, Map<Split, Integer> counts) {
			for (Split s : Split.values()) {
				Integer n = counts.get(s);
				if (n == null || n < 0) throw new IllegalArgumentException("Need a count >= 0 of " + what + " for " +
					"the " + s.csvName() + " split, got " + n);
			}
			return Map.copyOf(counts);
		}

		/**
		 * 1,200 composed clusters per type for training, 200 for validation, 400 for testing; every instance; no
		 * clusters of unknown type.
		 */
		public static Settings defaults() {
			return new Settings(Map.of(Split.TRAIN, 1200, Split.VAL, 200, Split.TEST, 400),
				Map.of(Split.TRAIN, 0, Split.VAL, 0, Split.TEST, 0), 0.25, 1, MorphologySettings.defaults(), 0);
		}
	}

	/** Names of hand-labelled real clusters in the class folders start with this; composed ones never do. */
	public static final String REAL_PREFIX = "real-";
	/** What {@code labels.csv}'s {@code contacts} column says of a hand-labelled real cluster. */
	public static final String HAND_LABELLED = "hand-labelled";

	private MixedDatasetBuilder() {}

	/**
	 * @param harvest a {@code supcam harvest} output folder ({@code manifest.csv}, {@code cases.csv},
	 *   {@code instance/})
	 * @param extraSingles further single-chromosome folders, training split only (may be empty)
	 * @param output new dataset folder (refused if not empty unless {@code overwrite})
	 * @throws IllegalArgumentException before writing anything, if a hand-labelled row names a component of a
	 *   validation or test case, no harvested component, or a box that several harvested components share
	 */
	public static void build(Path harvest, List<Path> extraSingles, Path output, Settings settings, boolean overwrite,
		Progress progress, Consumer<String> log) throws IOException
	{
		List<Harvester.Row> all = Harvester.readManifest(harvest);
		Map<Harvester.Row, ClusterType> labelled = settings.labelledClusters() == null ? Map.of() :
			match(settings.labelledClusters(), all);
		// A labelled component joins the dataset once, as its label: not also as an instance, a source of composed
		// clusters or a cluster of unknown type.
		List<Harvester.Row> manifest = all.stream().filter(r -> !labelled.containsKey(r)).toList();
		Map<Split, List<Path>> instances = harvested(harvest, manifest, false);
		for (Path p : extraSingles) if (!Files.isDirectory(p)) throw new IllegalArgumentException(
			"Single-chromosome folder " + p + " does not exist");
		AtomicFiles.prepareOutputDir(output, overwrite);
		for (ClusterType t : ClusterType.values()) Files.createDirectories(output.resolve(t.folderName()));
		List<SplitManifest.Entry> entries = new ArrayList<>();
		StringWriter labels = new StringWriter();
		try (CSVPrinter csv = csv(labels, "file", "label", "split", "chromosomes", "overlap_px", "contact_px",
			"contacts", "sources"))
		{
			for (Split split : Split.values()) {
				List<Path> own = instances.get(split);
				for (Path f : choose(own, settings.maxInstances().get(split), settings.seed())) {
					String name = ClusterType.INSTANCE.folderName() + "/" + split.csvName() + "-" + f.getFileName();
					Files.copy(f, output.resolve(name), StandardCopyOption.REPLACE_EXISTING);
					entries.add(entry(output, name, ClusterType.INSTANCE, split));
				}
				List<SingleChromosome> singles = new ArrayList<>(RealClusterComposer.load(harvest, own, log));
				if (split == Split.TRAIN) for (Path p : extraSingles) singles.addAll(RealClusterComposer.load(p, log));
				log.accept(split.csvName() + ": " + own.size() + " real instances, " + singles.size() +
					" single chromosomes to compose");
				if (singles.isEmpty()) continue;
				RealClusterComposer composer = new RealClusterComposer(singles, settings.morphology());
				int n = settings.composedPerClass().get(split);
				Map<ClusterType, Integer> counts = new EnumMap<>(ClusterType.class);
				counts.put(ClusterType.INSTANCE, (int) Math.round(n * settings.reshapedInstanceFraction()));
				for (ClusterType t : List.of(ClusterType.TOUCHING, ClusterType.OVERLAPPING,
					ClusterType.TOUCHING_OVERLAPPING)) counts.put(t, n);
				for (var e : counts.entrySet()) compose(composer, e.getKey(), e.getValue(), split, output,
					settings.seed(), csv, entries, progress);
			}
			for (var e : labelled.entrySet()) {
				Harvester.Row r = e.getKey();
				String name = e.getValue().folderName() + "/" + REAL_PREFIX + r.file().replace('/', '-');
				Files.copy(harvest.resolve(r.file()), output.resolve(name), StandardCopyOption.REPLACE_EXISTING);
				entries.add(entry(output, name, e.getValue(), Split.TRAIN));
				// a real cluster: its contacts were never measured, only its type judged by eye
				csv.printRecord(name, e.getValue().folderName(), Split.TRAIN.csvName(), r.chromosomes(), "", "",
					HAND_LABELLED, r.file());
			}
			if (!labelled.isEmpty()) log.accept("train: " + labelled.size() + " hand-labelled real clusters from " +
				settings.labelledClusters().file());
		}
		if (settings.notInstance() > 0) {
			List<Path> clusters = choose(harvested(harvest, manifest, true).get(Split.TRAIN), settings.notInstance(),
				settings.seed());
			Path folder = Files.createDirectories(output.resolve(DatasetReader.NOT_INSTANCE_FOLDER));
			Map<Path, Integer> chromosomes = new HashMap<>();
			for (Harvester.Row r : manifest) chromosomes.put(harvest.resolve(r.file()), r.chromosomes());
			StringWriter counts = new StringWriter();
			try (CSVPrinter csv = csv(counts, "file", "chromosomes")) {
				for (Path f : clusters) {
					Files.copy(f, folder.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
					csv.printRecord(f.getFileName(), chromosomes.get(f));
				}
			}
			AtomicFiles.writeString(folder.resolve(DatasetReader.NOT_INSTANCE_CHROMOSOMES), counts.toString());
			log.accept("train: " + clusters.size() + " real clusters of unknown type in " +
				DatasetReader.NOT_INSTANCE_FOLDER + "/");
		}
		new SplitManifest(output, entries).write(output.resolve("split.csv"), true);
		AtomicFiles.writeString(output.resolve("labels.csv"), labels.toString());
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("harvest", harvest.toAbsolutePath().normalize().toString());
		meta.put("extraSingles", extraSingles.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
		meta.put("settings", settings);
		Json.write(output.resolve("mixed.json"), meta);
	}

	private static void compose(RealClusterComposer composer, ClusterType type, int count, Split split, Path output,
		long seed, CSVPrinter csv, List<SplitManifest.Entry> entries, Progress progress) throws IOException
	{
		// Each sample has its own random stream, so the result does not depend on the thread schedule.
		long splitSeed = seed * 31 + split.ordinal();
		RealClusterComposer.Cluster[] made = new RealClusterComposer.Cluster[count];
		AtomicInteger done = new AtomicInteger();
		IntStream.range(0, count).parallel().forEach(i -> {
			if (progress.isCancelled()) return;
			made[i] = composer.compose(type, SynthDatasetWriter.sampleRandom(splitSeed, type, i));
			progress.update(done.incrementAndGet(), count, split.csvName() + " " + type.folderName());
		});
		progress.checkCancelled();
		for (int i = 0; i < count; i++) {
			RealClusterComposer.Cluster c = made[i];
			String name = type.folderName() + "/" + String.format(Locale.ROOT, "%s-composed-%05d.png",
				split.csvName(), i);
			ImageFiles.writePng(c.image(), output.resolve(name));
			entries.add(entry(output, name, type, split));
			csv.printRecord(name, type.folderName(), split.csvName(), c.geometry().chromosomes(),
				c.geometry().overlapPixels(), c.geometry().contactPixels(),
				String.join(" ", c.contacts().stream().map(Enum::name).toList()), String.join(" ", c.sources()));
		}
	}

	/**
	 * The harvested component of each hand-labelled row, in the rows' order, with its label; refuses (naming the
	 * rows) those of validation or test cases, those that match no component and those that match several.
	 */
	static Map<Harvester.Row, ClusterType> match(LabelledClusters labels, List<Harvester.Row> manifest) {
		Map<String, List<Harvester.Row>> byBox = new HashMap<>();
		for (Harvester.Row r : manifest) byBox.computeIfAbsent(r.componentKey(), k -> new ArrayList<>()).add(r);
		Map<Harvester.Row, ClusterType> out = new LinkedHashMap<>();
		List<String> leaked = new ArrayList<>(), unmatched = new ArrayList<>(), ambiguous = new ArrayList<>();
		for (LabelledClusters.Row row : labels.rows()) {
			List<Harvester.Row> found = byBox.getOrDefault(row.componentKey(), List.of());
			String named = "line " + row.line() + " (" + row.componentKey() + ")";
			if (found.isEmpty()) unmatched.add(named);
			else if (found.size() > 1) ambiguous.add(named);
			else if (found.get(0).split() != Split.TRAIN) leaked.add(named + " in " + found.get(0).split().csvName() +
				" case " + found.get(0).caseName());
			else out.put(found.get(0), row.type());
		}
		List<String> problems = new ArrayList<>();
		if (!leaked.isEmpty()) problems.add(listed(leaked) + " lie in validation or test cases, which training must " +
			"never see");
		if (!unmatched.isEmpty()) problems.add(listed(unmatched) + " match no harvested component (image and " +
			"bounding box as in the harvest's " + Harvester.MANIFEST + ")");
		if (!ambiguous.isEmpty()) problems.add(listed(ambiguous) + " match several harvested components");
		if (!problems.isEmpty()) throw new IllegalArgumentException("Hand-labelled clusters " + labels.file() + ": " +
			String.join("; ", problems));
		return out;
	}

	/** The first ten, and how many more. */
	private static String listed(List<String> items) {
		String first = String.join(", ", items.subList(0, Math.min(10, items.size())));
		return items.size() <= 10 ? first : first + " and " + (items.size() - 10) + " more rows";
	}

	private static CSVPrinter csv(StringWriter out, String... header) throws IOException {
		return new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader(header).get());
	}

	/** At most {@code max} of the files (all when 0), a seeded random choice kept in file order. */
	static List<Path> choose(List<Path> files, int max, long seed) {
		if (max == 0 || files.size() <= max) return files;
		int[] order = new int[files.size()];
		for (int i = 0; i < order.length; i++) order[i] = i;
		org.apache.commons.math3.util.MathArrays.shuffle(order, new org.apache.commons.math3.random.Well19937c(seed));
		int[] kept = java.util.Arrays.copyOf(order, max);
		java.util.Arrays.sort(kept);
		return java.util.Arrays.stream(kept).mapToObj(files::get).toList();
	}

	private static SplitManifest.Entry entry(Path root, String name, ClusterType type, Split split) {
		return new SplitManifest.Entry(new LabelledImage(root.resolve(name), name, type), split);
	}

	/** The harvested crops of each split, from the harvest's manifest: clusters, or else single chromosomes. */
	static Map<Split, List<Path>> harvested(Path harvest, List<Harvester.Row> manifest, boolean clusters) {
		Map<Split, List<Path>> out = new EnumMap<>(Split.class);
		for (Split s : Split.values()) out.put(s, new ArrayList<>());
		for (Harvester.Row r : manifest)
			if (clusters == r.chromosomes() > 1)
				out.get(r.split()).add(harvest.resolve(r.file()));
		return out;
	}
}
