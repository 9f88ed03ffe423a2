package io.github.supcam.compose;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.dataset.Dataset;
import io.github.supcam.dataset.DatasetOptions;
import io.github.supcam.dataset.DatasetReader;
import io.github.supcam.dataset.LabelledImage;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.image.Polarity;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import io.github.supcam.image.Placement;
import io.github.supcam.util.AtomicFiles;
import io.github.supcam.util.ErrorMessages;
import io.github.supcam.util.Json;
import io.github.supcam.util.Progress;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes an augmented dataset by category-variant composition: reads the class folders of {@code input}, places
 * every image on the size×size canvas, and for each of {@code count} outputs picks a primary and a different
 * candidate uniformly at random and composes them with {@link Composer}. Writes
 * <ul>
 * <li>{@code OUT/<class>/aug-NNNNNN.png}, the composed image (or the candidate) in the folder of its label;</li>
 * <li>{@code OUT/augment.json}, every setting used (written first, so even a cancelled run is described);</li>
 * <li>{@code OUT/manifest.csv}, one row per output with the columns {@link #MANIFEST_COLUMNS} (written last).</li>
 * </ul>
 * {@code primary_x/primary_y} (likewise candidate) is where the source file's own pixel (0,0) lands on the output
 * canvas after padding and shift (for a scaled-down source: the scaled image's pixel (0,0)). Rows whose source is
 * {@code candidate} leave {@code primary_x}, {@code primary_y} and {@code intersection} empty: the primary does
 * not appear in the output. All placed canvases are held in memory (size² bytes per image). Unreadable images are
 * reported in {@link Summary#problems()} and skipped.
 */
public final class AugmentJob {
	public static final String SETTINGS_FILE = "augment.json";
	public static final String MANIFEST_FILE = "manifest.csv";
	public static final String[] MANIFEST_COLUMNS = { "file", "label", "primary", "primary_label", "candidate",
		"candidate_label", "primary_x", "primary_y", "candidate_x", "candidate_y", "intersection", "attempts",
		"source" };

	/**
	 * What a run produced.
	 *
	 * @param written images written
	 * @param composed of which composed (the rest are candidates returned unchanged)
	 * @param perLabel images written per label
	 * @param problems skipped inputs, one line each naming the file
	 */
	public record Summary(int written, int composed, Map<ClusterType, Integer> perLabel, List<String> problems) {
		public Summary {
			Map<ClusterType, Integer> copy = new EnumMap<>(ClusterType.class);
			copy.putAll(perLabel);
			perLabel = Collections.unmodifiableMap(copy);
			problems = List.copyOf(problems);
		}
	}

	private final Path input;
	private final Path output;
	private final int count;
	private final long seed;
	private final CompositionSettings settings;
	private final boolean overwrite;

	public AugmentJob(Path input, Path output, int count, long seed, CompositionSettings settings, boolean overwrite) {
		this.input = Objects.requireNonNull(input, "input");
		this.output = Objects.requireNonNull(output, "output");
		this.settings = Objects.requireNonNull(settings, "settings");
		if (count < 1) throw new IllegalArgumentException("Count must be >= 1, got " + count);
		this.count = count;
		this.seed = seed;
		this.overwrite = overwrite;
	}

	private record Source(LabelledImage image, Placement placement) {}

	public Summary run(Progress progress) throws IOException {
		ErrorMessages.requireFolder(input, "Dataset folder");
		if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize()))
			throw new IllegalArgumentException("Output folder " + output + " must differ from the input folder");
		AtomicFiles.prepareOutputDir(output, overwrite);
		// Images are opened once, below, where an unreadable one is reported and skipped.
		Dataset dataset = DatasetReader.read(input, DatasetOptions.defaults().withValidate(false));
		List<String> problems = new ArrayList<>(dataset.problems());
		List<Source> sources = place(dataset, problems, progress);
		if (sources.size() < 2) throw new IllegalArgumentException("Input " + input + " has " + sources.size() +
			" readable image(s) in class folders (instance, touching, overlapping, touching-overlapping); " +
			"composition needs at least two");
		Json.write(output.resolve(SETTINGS_FILE), settingsJson(problems));

		RandomGenerator rng = new Well19937c(seed);
		Composer composer = new Composer(settings, rng);
		String nameFormat = "aug-%0" + Math.max(6, Integer.toString(count).length()) + "d.png";
		StringBuilder manifest = new StringBuilder();
		Map<ClusterType, Integer> perLabel = new EnumMap<>(ClusterType.class);
		int composed = 0;
		try (CSVPrinter csv = new CSVPrinter(manifest, CSVFormat.DEFAULT.builder().setHeader(MANIFEST_COLUMNS)
			.setRecordSeparator('\n').get()))
		{
			for (int i = 0; i < count; i++) {
				progress.checkCancelled();
				int pi = rng.nextInt(sources.size());
				int ci = (pi + 1 + rng.nextInt(sources.size() - 1)) % sources.size();
				Source p = sources.get(pi), c = sources.get(ci);
				CompositionResult r = composer.compose(p.placement().image(), p.image().label(), c.placement().image(),
					c.image().label());
				String file = r.label().folderName() + "/" + String.format(java.util.Locale.ROOT, nameFormat, i + 1);
				ImageFiles.writePng(r.image(), output.resolve(file));
				boolean isComposed = r.source() == CompositionResult.Source.COMPOSED;
				if (isComposed) composed++;
				perLabel.merge(r.label(), 1, Integer::sum);
				csv.printRecord(file, r.label().folderName(), p.image().relativePath(), p.image().label().folderName(),
					c.image().relativePath(), c.image().label().folderName(),
					isComposed ? p.placement().offsetX() + r.primaryShiftX() : "",
					isComposed ? p.placement().offsetY() + r.primaryShiftY() : "",
					c.placement().offsetX() + r.candidateShiftX(), c.placement().offsetY() + r.candidateShiftY(),
					isComposed ? r.intersection() : "", r.attempts(), r.source().csvName());
				progress.update(i + 1, count, "Composed " + file);
			}
		}
		AtomicFiles.writeString(output.resolve(MANIFEST_FILE), manifest.toString());
		return new Summary(count, composed, perLabel, problems);
	}

	private List<Source> place(Dataset dataset, List<String> problems, Progress progress) {
		List<Source> sources = new ArrayList<>();
		int done = 0, total = dataset.images().size();
		for (LabelledImage li : dataset.images()) {
			progress.checkCancelled();
			try {
				ArrayImg<UnsignedByteType, ByteArray> img = ImageFiles.read(li.file());
				sources.add(new Source(li, settings.place(img)));
			} catch (ImageFiles.ImageReadException e) {
				problems.add(e.getMessage());
			}
			progress.update(++done, total, "Placed " + li.relativePath());
		}
		return sources;
	}

	private Map<String, Object> settingsJson(List<String> problems) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("foregroundThreshold", settings.adaptiveThreshold() ? "adaptive" : settings.foregroundThreshold());
		if (settings.adaptiveThreshold()) m.put("foregroundThresholdRule", "each image's border median " +
			(settings.polarity() == Polarity.DARK_ON_LIGHT ? "minus " : "plus ") +
			CompositionSettings.DEFAULT_THRESHOLD_MARGIN + "; empty pixels take the primary's border median");
		m.put("polarity", settings.polarity().name());
		m.put("backgroundValue", settings.backgroundValue());
		m.put("intersectionThreshold", settings.intersectionThreshold());
		m.put("table", settings.table().cliName());
		m.put("combine", settings.combine().cliName());
		m.put("maxAttempts", settings.maxAttempts());
		m.put("requireContact", settings.requireContact());
		m.put("size", settings.size());
		m.put("count", count);
		m.put("seed", seed);
		m.put("input", input.toAbsolutePath().normalize().toString());
		m.put("skippedInputs", problems);
		return m;
	}
}
