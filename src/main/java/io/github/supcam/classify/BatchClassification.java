package io.github.supcam.classify;

import ij.gui.Roi;
import io.github.supcam.dataset.DatasetReader;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.model.BundledModel;
import io.github.supcam.model.ClusterModel;
import io.github.supcam.util.AtomicFiles;
import io.github.supcam.util.Progress;
import io.github.supcam.util.ErrorMessages;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Classifies a batch of image files (or folders of them) into one Results CSV, as the CLI and headless jobs do.
 * Every input that yields no result is reported with its reason and skipped: an unreadable file, a folder without
 * images (or named like an image), a file that needs more memory than Java has (with advice), any other error of one
 * file. The results are written atomically at the end, so an interrupted batch never leaves half a CSV.
 */
public final class BatchClassification {
	/** How each image is split into clusters. */
	public enum Mode {
		/** Find clusters automatically (a whole metaphase). */
		DETECT,
		/** Each image is one cluster (crops such as ChrCluster's). */
		WHOLE,
		/** The clusters are the ROIs of a RoiSet .zip, applied to every image. */
		ROIS
	}

	/**
	 * The outcome: every row, and one line per input, or cluster, that yielded no result (a file that failed, a
	 * folder that holds no image, a cluster too small or blank to classify), naming it and the reason.
	 *
	 * @param images the image files tried plus the inputs that held none
	 * @param classifiedImages the image files with at least one row
	 */
	public record Summary(List<ClusterResult> rows, List<String> failures, int images, int classifiedImages) {}

	/** Reads one image file; tests replace it to simulate failures such as running out of memory. */
	@FunctionalInterface
	interface Reader {
		ArrayImg<UnsignedByteType, ByteArray> read(Path file) throws IOException;
	}

	private final ClassifySettings settings;
	private final Mode mode;
	private final List<Roi> rois;
	private final Path labelsDir;
	private final Reader reader;

	public BatchClassification(ClassifySettings settings, Mode mode, List<Roi> rois) {
		this(settings, mode, rois, ImageFiles::read);
	}

	BatchClassification(ClassifySettings settings, Mode mode, List<Roi> rois, Reader reader) {
		this(settings, mode, rois, null, reader);
	}

	private BatchClassification(ClassifySettings settings, Mode mode, List<Roi> rois, Path labelsDir, Reader reader) {
		if (mode == Mode.ROIS && (rois == null || rois.isEmpty())) throw new IllegalArgumentException(
			"ROI mode needs at least one ROI");
		this.settings = settings;
		this.mode = mode;
		this.rois = rois == null ? List.of() : List.copyOf(rois);
		this.labelsDir = labelsDir;
		this.reader = reader;
	}

	/** The same batch, also writing one cluster label image ({@link ClusterLabels}) per image into {@code dir}. */
	public BatchClassification withLabelsDir(Path dir) {
		return new BatchClassification(settings, mode, rois, dir, reader);
	}

	/**
	 * The image files of a batch, and one line for each given folder, or folder inside one, that yields no image
	 * (an empty folder, or a folder named like an image file).
	 */
	public record Inputs(List<Path> files, List<String> problems) {}

	/** The image files given directly, plus those inside given folders (recursively), in a stable order. */
	public static Inputs expand(List<Path> inputs) throws IOException {
		List<Path> files = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Path in : inputs) {
			if (!Files.isDirectory(in)) {
				files.add(in);
				continue;
			}
			List<Path> found = new ArrayList<>();
			List<Path> imageNamedFolders = new ArrayList<>();
			try (Stream<Path> s = Files.walk(in)) {
				s.sorted().forEach(p -> {
					String name = p.getFileName().toString();
					if (!DatasetReader.isImageName(name)) return;
					if (Files.isRegularFile(p)) found.add(p);
					else if (Files.isDirectory(p)) imageNamedFolders.add(p);
				});
			}
			for (Path d : imageNamedFolders)
				if (found.stream().noneMatch(f -> f.startsWith(d))) problems.add(d + ": a folder named like an " +
					"image file, holding no image; give the image files, or the folder that holds them");
			if (found.isEmpty() && !imageNamedFolders.contains(in)) problems.add(in + ": a folder that holds no " +
				"image files (accepted: " + String.join(", ", DatasetReader.IMAGE_EXTENSIONS.stream().sorted()
					.toList()) + ")");
			files.addAll(found);
		}
		return new Inputs(files, problems);
	}

	/**
	 * @param model classifier package, or null for the bundled model
	 * @param csv where to write the Results CSV (refused if it exists and {@code overwrite} is off)
	 * @param overlayDir where to write one overlay PNG per image, or null
	 */
	public Summary run(Path model, List<Path> inputs, Path csv, Path overlayDir, boolean overwrite, String device,
		Progress progress, Consumer<String> log) throws IOException
	{
		if (csv != null && Files.exists(csv) && !overwrite) throw new IllegalArgumentException("Results file " + csv +
			" already exists; choose another name or pass --overwrite");
		if (csv != null) AtomicFiles.recover(csv, log);
		Inputs in = expand(inputs);
		List<Path> files = in.files();
		List<String> failures = new ArrayList<>(in.problems());
		failures.forEach(p -> log.accept("Skipped " + p));
		if (files.isEmpty()) throw new IllegalArgumentException("No image files in " + inputs +
			(failures.isEmpty() ? "" : ": " + String.join("; ", failures)));
		if (overlayDir != null) Files.createDirectories(overlayDir);
		if (labelsDir != null) Files.createDirectories(labelsDir);
		List<ClusterResult> rows = new ArrayList<>();
		java.util.Set<String> outputNames = new java.util.HashSet<>();
		int classified = 0;
		try (ClusterModel m = ClusterModel.load(model != null ? model : BundledModel.locate(), device)) {
			ClusterClassifier classifier = new ClusterClassifier(m, settings);
			for (int i = 0; i < files.size(); i++) {
				progress.checkCancelled();
				Path f = files.get(i);
				String name = f.getFileName().toString();
				String failure = null;
				try {
					ArrayImg<UnsignedByteType, ByteArray> img = reader.read(f);
					ClusterClassifier.ImageResult r = switch (mode) {
						case DETECT -> classifier.classifyDetected(name, img);
						case WHOLE -> classifier.classifyWhole(name, img);
						case ROIS -> classifier.classifyRois(name, img, rois);
					};
					rows.addAll(r.rows());
					if (!r.rows().isEmpty()) classified++;
					r.problems().forEach(p -> log.accept("Skipped " + p));
					failures.addAll(r.problems());
					if (mode != Mode.WHOLE) log.accept(Results.summary(name, r.rows()));
					// Same-named images from different folders get numbered outputs instead of overwriting.
					String out = stem(name);
					for (int k = 2; !outputNames.add(out); k++) out = stem(name) + "-" + k;
					if (overlayDir != null) ImageFiles.writePng(ResultOverlay.render(img, r),
						newFile(overlayDir.resolve(out + "-overlay.png"), overwrite, "--overlay-dir"));
					if (labelsDir != null) ClusterLabels.write(newFile(labelsDir.resolve(out + "-labels.tif"), overwrite,
						"--labels-dir"), Gray8.width(img), Gray8.height(img), r);
				} catch (IOException | IllegalArgumentException e) {
					failure = ErrorMessages.describe(e);
				} catch (OutOfMemoryError e) {
					failure = ImageFiles.outOfMemory(f);
				} catch (RuntimeException e) {
					// One file must not end a batch of thousands; the rows of the others are kept.
					failure = "failed (" + e + ")";
				}
				if (failure != null) {
					failures.add(f + ": " + failure);
					log.accept("Skipped " + f + ": " + failure);
				}
				progress.update(i + 1, files.size(), name);
			}
		}
		if (csv != null) Results.writeCsv(csv, rows);
		return new Summary(rows, failures, files.size() + in.problems().size(), classified);
	}

	private static Path newFile(Path target, boolean overwrite, String option) {
		if (Files.exists(target) && !overwrite) throw new IllegalArgumentException(target + " already exists; choose " +
			"another " + option + " or pass --overwrite");
		return target;
	}

	static String stem(String name) {
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}
}
