package io.github.supcam.synth;

import io.github.supcam.Version;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.util.AtomicFiles;
import io.github.supcam.util.Json;
import io.github.supcam.util.Progress;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a ChrCluster-style dataset of synthetic clusters: {@code <type folder>/<type folder>-NNNNN.png} (8-bit,
 * size x size), {@code labels.csv} with the measured geometry of each image, and {@code synth.json} with the
 * settings and seed. Each image has its own random stream derived from (seed, class, index), so the same seed gives
 * the same bytes and any one image can be re-rendered alone with {@link #sample}.
 */
public final class SynthDatasetWriter {
	public static final String LABELS_FILE = "labels.csv";
	public static final String MANIFEST_FILE = "synth.json";
	static final String[] CSV_HEADER = { "file", "label", "n_chromosomes", "overlap_pixels", "contact_pixels",
		"overlapping_pairs", "touching_pairs", "width_px", "scale" };

	private final SynthSettings settings;
	private final long seed;

	/** What {@code synth.json} records. */
	public record Manifest(String generator, long seed, int perClass, int size, SynthSettings settings) {}

	public SynthDatasetWriter(SynthSettings settings, long seed) {
		this.settings = settings;
		this.seed = seed;
	}

	/**
	 * Reads settings from a JSON file: a {@code synth.json} written by {@link #write}, or a {@link SynthSettings}
	 * object in which any missing setting keeps its default.
	 *
	 * @throws IllegalArgumentException naming the file when it is not valid JSON or the settings are invalid
	 */
	public static SynthSettings readSettings(Path file) throws IOException {
		return readSettings(file, SynthSettings.defaults());
	}

	/**
	 * Reads settings from a JSON file as {@link #readSettings(Path)} does, with the missing ones taken from
	 * {@code base} (e.g. {@link SynthSettings#prometaphase()}). A file written before morphologies existed has none
	 * and keeps the base's.
	 */
	public static SynthSettings readSettings(Path file, SynthSettings base) throws IOException {
		String text = Files.readString(file);
		try {
			JsonElement json = JsonParser.parseString(text);
			if (!json.isJsonObject()) throw new IllegalArgumentException("expected a JSON object");
			JsonObject given = json.getAsJsonObject();
			if (given.has("settings")) given = given.getAsJsonObject("settings");
			JsonObject merged = Json.GSON.toJsonTree(base).getAsJsonObject();
			for (var e : given.entrySet()) merged.add(e.getKey(), e.getValue());
			return Json.GSON.fromJson(merged, SynthSettings.class);
		} catch (RuntimeException e) {
			// Gson wraps the record constructor's validation error; report that, not the wrapper.
			Throwable cause = e;
			while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) cause = cause.getCause();
			throw new IllegalArgumentException("Cannot use settings file " + file + ": " + cause.getMessage(), e);
		}
	}

	/** The random stream of image {@code index} of class {@code type}. */
	public static RandomGenerator sampleRandom(long seed, ClusterType type, int index) {
		return new Well19937c(new int[] { (int) (seed >>> 32), (int) seed, type.ordinal(), index });
	}

	/** Renders image {@code index} of class {@code type} exactly as {@link #write} does. */
	public SynthCluster sample(ClusterType type, int index, int size) {
		return new ClusterGenerator(settings).generate(type, size, sampleRandom(seed, type, index));
	}

	/**
	 * Writes {@code perClass} images of each type into {@code output}.
	 *
	 * @param overwrite allow a non-empty output folder (files of the same name are replaced)
	 * @throws IllegalArgumentException for bad counts or sizes, or a non-empty output without {@code overwrite}
	 */
	public void write(Path output, int perClass, int size, boolean overwrite, Progress progress) throws IOException {
		if (perClass < 1) throw new IllegalArgumentException("--per-class must be at least 1, got " + perClass);
		if (size < 32 || size > 4096) throw new IllegalArgumentException("--size must be within 32..4096, got " + size);
		AtomicFiles.prepareOutputDir(output, overwrite);
		ClusterGenerator gen = new ClusterGenerator(settings);
		StringBuilder csv = new StringBuilder();
		long total = (long) perClass * ClusterType.values().length, done = 0;
		try (CSVPrinter out = new CSVPrinter(csv, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER)
			.setRecordSeparator('\n').build()))
		{
			for (ClusterType type : ClusterType.values()) {
				for (int i = 0; i < perClass; i++) {
					progress.checkCancelled();
					SynthCluster c = gen.generate(type, size, sampleRandom(seed, type, i));
					String file = type.folderName() + "/" + String.format(Locale.ROOT, "%s-%05d.png", type.folderName(), i);
					ImageFiles.writePng(c.image(), output.resolve(file));
					ClusterGeometry g = c.geometry();
					out.printRecord(file, type.folderName(), g.chromosomes(), g.overlapPixels(), g.contactPixels(),
						g.overlappingPairs(), g.touchingPairs(), String.format(Locale.ROOT, "%.2f", c.widthPx()),
						String.format(Locale.ROOT, "%.4f", c.scale()));
					progress.update(++done, total, file);
				}
			}
		}
		AtomicFiles.writeString(output.resolve(LABELS_FILE), csv.toString());
		Json.write(output.resolve(MANIFEST_FILE), new Manifest("supcam synth " + Version.get(), seed, perClass, size,
			settings));
	}
}
