package io.github.supcam.dataset;

import io.github.supcam.image.ImageFiles;
import io.github.supcam.image.Intensity;
import io.github.supcam.util.ErrorMessages;
import io.github.supcam.util.Progress;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a labelled dataset folder. Two layouts are understood, and may not be mixed up so that two folders mean
 * the same class:
 * <ul>
 * <li>class-named folders: {@code instance/ touching/ overlapping/ touching-overlapping/}, in any case and in the
 * spellings {@link ClusterType#tryParse} accepts ({@code touching_overlapping}, {@code single}, ...);</li>
 * <li>numbered folders as in ChrCluster: {@code 0/ 1/ 2/ 3/}, mapped to classes by
 * {@link DatasetOptions#numericMapping()}.</li>
 * </ul>
 * Images may sit directly in a class folder or in its subfolders. Accepted extensions (any case): tif, tiff, png,
 * bmp, jpg, jpeg. Hidden files and folders (name starting with '.') and sidecar files (csv, json, txt, md) are
 * ignored silently; other files, and images outside any class folder, are skipped and listed in
 * {@link Dataset#problems()}. A folder named {@value #NOT_INSTANCE_FOLDER} holds real clusters of unknown type,
 * which only fine-tuning reads (as "any type but instance"); it is not a class folder and is passed over silently.
 * <p>
 * With {@link DatasetOptions#validate()} (the default) every image is decoded once, so a corrupt or unreadable
 * file is listed in the problems and skipped rather than failing a training run hours later. An empty class folder
 * is listed in the problems too; whether enough classes remain is for the training step to decide.
 */
public final class DatasetReader {
	private DatasetReader() {}

	/** Image file extensions the reader accepts, lower case. */
	public static final Set<String> IMAGE_EXTENSIONS = Set.of("tif", "tiff", "png", "bmp", "jpg", "jpeg");
	private static final Set<String> SIDECAR_EXTENSIONS = Set.of("csv", "json", "txt", "md");
	/** Folder of a dataset holding clusters whose type is unknown but is not instance. */
	public static final String NOT_INSTANCE_FOLDER = "not-instance";
	/**
	 * File in {@link #NOT_INSTANCE_FOLDER} with columns {@code file,chromosomes}: each cluster's chromosome count,
	 * for fine-tuning's two-chromosome pair rule.
	 */
	public static final String NOT_INSTANCE_CHROMOSOMES = "chromosomes.csv";

	public static Dataset read(Path root) {
		return read(root, DatasetOptions.defaults());
	}

	/**
	 * @throws IllegalArgumentException if the root is not a folder, a folder names no class (unless
	 *   {@link DatasetOptions#ignoreUnknownFolders()}), two folders mean the same class, or no readable image is found
	 */
	public static Dataset read(Path root, DatasetOptions options) {
		return read(root, options, Progress.NONE);
	}

	/** Like {@link #read(Path, DatasetOptions)}, reporting progress per class folder and per validated image. */
	public static Dataset read(Path root, DatasetOptions options, Progress progress) {
		ErrorMessages.requireFolder(root, "Dataset folder");
		List<String> problems = new ArrayList<>();
		Map<ClusterType, Path> classFolders = new EnumMap<>(ClusterType.class);
		for (Path child : sortedChildren(root)) {
			String name = child.getFileName().toString();
			if (isHidden(child) || name.equals(NOT_INSTANCE_FOLDER)) continue;
			if (!Files.isDirectory(child)) {
				if (isImageName(name)) problems.add(name + ": skipped, an image outside any class folder");
				continue;
			}
			ClusterType type = classOf(name, options);
			if (type == null) {
				if (!options.ignoreUnknownFolders()) throw new IllegalArgumentException("Folder '" + name + "' in " +
					root + " names no cluster class. Class folders must be named instance, touching, overlapping, " +
					"touching-overlapping (or common spellings such as single, touching_overlapping), or numbered " +
					DatasetOptions.format(options.numericMapping()) + ". Point at the folder holding the class " +
					"folders, or ignore unknown folders.");
				problems.add(name + "/: ignored, not a class folder");
				continue;
			}
			Path other = classFolders.put(type, child);
			if (other != null) throw new IllegalArgumentException("Folders '" + other.getFileName() + "' and '" +
				name + "' in " + root + " both mean class " + type + "; merge or rename one");
		}
		Map<ClusterType, List<Path>> files = new EnumMap<>(ClusterType.class);
		classFolders.forEach((type, folder) -> files.put(type, imageFiles(folder, root, problems)));
		long total = files.values().stream().mapToLong(List::size).sum(), done = 0;
		List<LabelledImage> images = new ArrayList<>();
		for (Map.Entry<ClusterType, List<Path>> e : files.entrySet()) {
			ClusterType type = e.getKey();
			int before = images.size();
			for (Path file : e.getValue()) {
				String rel = relative(root, file);
				progress.checkCancelled();
				progress.update(done++, total, (options.validate() ? "Checking " : "Listing ") + rel);
				if (options.validate()) {
					try {
						ImageFiles.open(file);
					} catch (ImageFiles.ImageReadException ex) {
						problems.add(rel + ": skipped, " + ex.getMessage());
						continue;
					}
				}
				images.add(new LabelledImage(file, rel, type));
			}
			if (images.size() == before) problems.add(classFolders.get(type).getFileName() + "/: class folder for " +
				type + " has no readable images");
		}
		progress.update(total, total, "Read " + images.size() + " images");
		if (images.isEmpty()) throw new IllegalArgumentException("No readable images in dataset " + root +
			(classFolders.isEmpty() ? ": it has no class folders (instance/, touching/, overlapping/, " +
				"touching-overlapping/, or 0/..3/)" : "") + (problems.isEmpty() ? "" : "; " + summary(problems)));
		images.sort(Comparator.comparing(LabelledImage::relativePath));
		problems.sort(null);
		return new Dataset(root, images, problems);
	}

	/**
	 * Reads one image of a dataset as the canonical 8-bit image in the models' polarity
	 * ({@link Intensity#CANONICAL}), inverting it if {@link DatasetOptions#polarity()} says, or detection finds,
	 * that it is light-on-dark.
	 */
	public static ArrayImg<UnsignedByteType, ByteArray> load(LabelledImage image, DatasetOptions options)
		throws ImageFiles.ImageReadException {
		return Intensity.toCanonical(ImageFiles.read(image.file()), options.polarity());
	}

	private static String summary(List<String> problems) {
		int shown = 5;
		String head = String.join("; ", problems.subList(0, Math.min(shown, problems.size())));
		return problems.size() <= shown ? head : head + "; and " + (problems.size() - shown) + " more";
	}

	/** The class a folder name stands for, or null. */
	static ClusterType classOf(String folderName, DatasetOptions options) {
		if (folderName.matches("\\d{1,9}")) return options.numericMapping().get(Integer.parseInt(folderName));
		return ClusterType.tryParse(folderName);
	}

	/** Whether a file name has one of the accepted image extensions. */
	public static boolean isImageName(String name) {
		return IMAGE_EXTENSIONS.contains(extension(name));
	}

	/** A path relative to the dataset root with '/' separators, as used in split manifests. */
	static String relative(Path root, Path file) {
		Path rel = root.relativize(file);
		List<String> parts = new ArrayList<>();
		for (Path p : rel) parts.add(p.toString());
		return String.join("/", parts);
	}

	private static List<Path> imageFiles(Path folder, Path root, List<String> problems) {
		List<Path> files = new ArrayList<>();
		List<Path> imageNamedFolders = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
			walk.filter(p -> !folder.equals(p)).forEach(p -> {
				if (hiddenBelow(folder, p)) return;
				String name = p.getFileName().toString();
				if (Files.isDirectory(p)) {
					if (isImageName(name)) imageNamedFolders.add(p);
					return;
				}
				if (!Files.isRegularFile(p)) return;
				if (isImageName(name)) files.add(p);
				else if (!SIDECAR_EXTENSIONS.contains(extension(name))) problems.add(relative(root, p) +
					": skipped, not an image (accepted: " + String.join(", ", IMAGE_EXTENSIONS.stream().sorted()
						.toList()) + ")");
			});
		} catch (IOException | UncheckedIOException e) {
			throw new IllegalArgumentException("Cannot list class folder " + folder + ": " + e.getMessage(), e);
		}
		for (Path d : imageNamedFolders)
			if (files.stream().noneMatch(f -> f.startsWith(d)))
				problems.add(relative(root, d) + "/: skipped, a folder named like an image, holding no image");
		files.sort(null);
		return files;
	}

	private static boolean hiddenBelow(Path folder, Path file) {
		for (Path part : folder.relativize(file))
			if (part.toString().startsWith(".")) return true;
		return false;
	}

	private static boolean isHidden(Path p) {
		return p.getFileName().toString().startsWith(".");
	}

	private static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static List<Path> sortedChildren(Path root) {
		try (Stream<Path> s = Files.list(root)) {
			return s.sorted().toList();
		} catch (IOException e) {
			throw new IllegalArgumentException("Cannot list dataset folder " + root + ": " + e.getMessage(), e);
		}
	}
}
