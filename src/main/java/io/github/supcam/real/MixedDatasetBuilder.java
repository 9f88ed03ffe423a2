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
 * {@link DatasetReader#NOT_INSTANCE_FOLDER}, which fine-tuning can use as "any type but instance"
 * ({@link io.github.supcam.finetune.NotInstanceLoss}). Writes class folders, {@code split.csv} (for {@code --split}), {@code labels.csv}
 * (every composed image's geometry and sources) and {@code mixed.json} (the settings).
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
	 */
	public record Settings(Map<Split, Integer> composedPerClass, Map<Split, Integer> maxInstances,
		double reshapedInstanceFraction, long seed, MorphologySettings morphology, int notInstance)
	{
		public Settings {
			composedPerClass = counts("composed clusters", composedPerClass);
			maxInstances = counts("real instances", maxInstances);
			if (!(reshapedInstanceFraction >= 0 && reshapedInstanceFraction <= 10)) throw new IllegalArgumentException(
				"reshapedInstanceFraction must be in 0..10, got " + reshapedInstanceFraction);
			if (morphology == null) throw new IllegalArgumentException("morphology must be set");
			if (notInstance < 0) throw new IllegalArgumentException("notInstance must be >= 0, got " + notInstance);
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

	private MixedDatasetBuilder() {}

	/**
	 * @param harvest a {@code supcam harvest} output folder ({@code manifest.csv}, {@code cases.csv},
	 *   {@code instance/})
	 * @param extraSingles further single-chromosome folders, training split only (may be empty)
	 * @param output new dataset folder (refused if not empty unless {@code overwrite})
	 */
	public static void build(Path harvest, List<Path> extraSingles, Path output, Settings settings, boolean overwrite,
		Progress progress, Consumer<String> log) throws IOException
	{
		List<Harvester.Row> manifest = Harvester.readManifest(harvest);
		Map<Split, List<Path>> instances = harvested(harvest, manifest, false);
		for (Path p : extraSingles) if (!Files.isDirectory(p)) throw new IllegalArgumentException(
			"Single-chromosome folder " + p + " does not exist");
		AtomicFiles.prepareOutputDir(output, overwrite);
		for (ClusterType t : ClusterType.values()) Files.createDirectories(output.resolve(t.folderName()));
		List<SplitManifest.Entry> entries = new ArrayList<>();
		StringWriter labels = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(labels, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
			.setHeader("file", "label", "split", "chromosomes", "overlap_px", "contact_px", "contacts", "sources").get()))
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
		}
		if (settings.notInstance() > 0) {
			List<Path> clusters = choose(harvested(harvest, manifest, true).get(Split.TRAIN), settings.notInstance(),
				settings.seed());
			Path folder = Files.createDirectories(output.resolve(DatasetReader.NOT_INSTANCE_FOLDER));
			for (Path f : clusters) Files.copy(f, folder.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
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
