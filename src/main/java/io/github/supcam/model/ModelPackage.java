package io.github.supcam.model;

import com.google.gson.JsonParseException;
import io.github.supcam.util.AtomicFiles;
import io.github.supcam.util.Checksums;
import io.github.supcam.util.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A model package: a folder (or a zip of one) holding {@code model.json}, the weights ({@code weights.params}),
 * and optionally {@code metrics.json}, {@code training.csv} and {@code training.png}. Writing is atomic: the folder
 * is assembled beside its destination and renamed into place, so a killed run never leaves half a package.
 */
public final class ModelPackage {
	public static final String MODEL_JSON = "model.json";
	public static final String WEIGHTS = "weights.params";
	public static final String METRICS_JSON = "metrics.json";
	public static final String TRAINING_CSV = "training.csv";
	public static final String TRAINING_PNG = "training.png";
	/** The dataset split the model was trained on; fine-tuning reuses an encoder's, so the test part stays unseen. */
	public static final String SPLIT_CSV = "split.csv";

	private final Path folder;
	private final ModelInfo info;

	private ModelPackage(Path folder, ModelInfo info) {
		this.folder = folder;
		this.info = info;
	}

	public ModelInfo info() {
		return info;
	}

	/** The folder holding the package's files (for a zip, the folder it was unpacked to). */
	public Path folder() {
		return folder;
	}

	public Path weights() {
		return folder.resolve(WEIGHTS);
	}

	/**
	 * Writes a package atomically. {@code weights} writes {@link #WEIGHTS}; {@code extras} may add metrics, logs
	 * and plots. The weights' checksum is recorded in model.json. An existing package at {@code target} is
	 * replaced only as a whole.
	 */
	public static ModelPackage write(Path target, ModelInfo info, AtomicFiles.DirectoryContent weights,
		AtomicFiles.DirectoryContent extras)
		throws IOException
	{
		Path abs = target.toAbsolutePath();
		boolean zip = abs.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
		ModelInfo[] full = new ModelInfo[1];
		AtomicFiles.DirectoryContent content = dir -> {
			weights.writeInto(dir);
			full[0] = info.withWeightsSha256(Checksums.sha256(dir.resolve(WEIGHTS)));
			Json.write(dir.resolve(MODEL_JSON), full[0]);
			if (extras != null) extras.writeInto(dir);
		};
		if (!zip) {
			AtomicFiles.writeDirectory(abs, content);
			return new ModelPackage(abs, full[0]);
		}
		Files.createDirectories(abs.getParent());
		AtomicFiles.recover(abs);
		Path tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".tmp-");
		try {
			content.writeInto(tmp);
			AtomicFiles.write(abs, out -> zipFolder(tmp, out));
			return open(abs);
		} finally {
			AtomicFiles.deleteRecursively(tmp);
		}
	}

	/**
	 * Opens and verifies a package folder or zip: model.json must parse and have a known format version, and the
	 * weights must exist and match their checksum. A zip is unpacked into a temporary folder.
	 *
	 * @throws IllegalArgumentException with a message saying what is wrong with the package
	 */
	public static ModelPackage open(Path path) throws IOException {
		if (!Files.exists(path)) throw new IllegalArgumentException("Model package " + path + " does not exist");
		Path folder = path;
		if (Files.isRegularFile(path)) {
			if (!path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) throw new IllegalArgumentException(
				"Model " + path + " is neither a model package folder nor a .zip of one");
			folder = unzip(path);
		}
		Path json = folder.resolve(MODEL_JSON);
		if (!Files.isRegularFile(json)) throw new IllegalArgumentException("Not a SupCAM model package: " + path +
			" has no " + MODEL_JSON);
		ModelInfo info;
		try {
			info = Json.fromJson(Files.readString(json, StandardCharsets.UTF_8), ModelInfo.class);
		} catch (JsonParseException | IllegalArgumentException e) {
			throw new IllegalArgumentException("Corrupt " + MODEL_JSON + " in " + path + ": " + e.getMessage(), e);
		} catch (RuntimeException e) {
			// Gson wraps what ModelInfo's validation refuses (e.g. a temperature <= 0); say what it refused.
			Throwable why = e.getCause() instanceof IllegalArgumentException refused ? refused : e;
			throw new IllegalArgumentException("Corrupt " + MODEL_JSON + " in " + path + ": " + why.getMessage(), e);
		}
		if (info == null || info.kind() == null) throw new IllegalArgumentException("Corrupt " + MODEL_JSON + " in " +
			path + ": no model kind");
		if (info.formatVersion() != ModelInfo.FORMAT_VERSION) throw new IllegalArgumentException("Model package " +
			path + " has format version " + info.formatVersion() + "; this plugin reads version " +
			ModelInfo.FORMAT_VERSION + ". Update the plugin or re-export the model.");
		Path w = folder.resolve(WEIGHTS);
		if (!Files.isRegularFile(w)) throw new IllegalArgumentException("Model package " + path + " has no " + WEIGHTS);
		if (info.weightsSha256() != null && !info.weightsSha256().equals(Checksums.sha256(w)))
			throw new IllegalArgumentException("Model package " + path + " is corrupt: " + WEIGHTS +
				" does not match the checksum in " + MODEL_JSON);
		return new ModelPackage(folder, info);
	}

	private static void zipFolder(Path folder, OutputStream out) throws IOException {
		try (var zos = new java.util.zip.ZipOutputStream(out); Stream<Path> files = Files.list(folder)) {
			for (Path f : (Iterable<Path>) files.sorted()::iterator) {
				var entry = new java.util.zip.ZipEntry(f.getFileName().toString());
				entry.setTime(0); // same content, same bytes
				zos.putNextEntry(entry);
				Files.copy(f, zos);
				zos.closeEntry();
			}
		}
	}

	/** Unpacked zips, by path, size and modification time: opening the same package again unpacks nothing. */
	private static final Map<String, Path> UNPACKED = new java.util.concurrent.ConcurrentHashMap<>();

	private static Path unzip(Path zip) throws IOException {
		String key = zip.toAbsolutePath().normalize() + "|" + Files.size(zip) + "|" + Files.getLastModifiedTime(zip);
		Path cached = UNPACKED.get(key);
		if (cached != null && Files.isRegularFile(cached.resolve(MODEL_JSON))) return cached;
		Path dir = Files.createTempDirectory("supcam-model-");
		dir.toFile().deleteOnExit();
		try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of())) {
			for (Path root : fs.getRootDirectories()) {
				// A zip made by "compress folder" holds the package's files inside one top-level folder.
				Path top = root;
				try (Stream<Path> s = Files.list(root)) {
					List<Path> entries = s.toList();
					if (entries.size() == 1 && Files.isDirectory(entries.get(0))) top = entries.get(0);
				}
				try (Stream<Path> s = Files.list(top)) {
					for (Path f : (Iterable<Path>) s::iterator) {
						if (Files.isDirectory(f)) continue;
						Path dest = dir.resolve(f.getFileName().toString());
						Files.copy(f, dest);
						dest.toFile().deleteOnExit();
					}
				}
			}
		} catch (java.util.zip.ZipException | java.nio.file.ProviderNotFoundException e) {
			throw new IllegalArgumentException("Model package " + zip + " is not a readable zip: " + e.getMessage(), e);
		}
		UNPACKED.put(key, dir);
		return dir;
	}
}
