package io.github.supcam.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/**
 * The default model shipped with the plugin ({@code models/<NAME>/} in the repository, and inside the plugin jar),
 * so classification works with no other argument, offline, in Fiji and on the command line.
 */
public final class BundledModel {
	private BundledModel() {}

	/** Folder name of the bundled model under {@code models/}. */
	public static final String NAME = "supcam-gband-v22";

	private static final String[] FILES = { ModelPackage.MODEL_JSON, ModelPackage.WEIGHTS };
	private static Path unpacked;

	/**
	 * The bundled model package: {@code models/NAME} beside the working directory when it is there (a checkout),
	 * else the copy inside the jar, unpacked once into a temporary folder.
	 *
	 * @throws IllegalArgumentException if this build has no bundled model
	 */
	public static synchronized Path locate() throws IOException {
		Path local = Paths.get("models", NAME);
		if (Files.isRegularFile(local.resolve(ModelPackage.MODEL_JSON))) return local;
		if (unpacked != null) return unpacked;
		Path dir = null;
		for (String f : FILES) {
			try (InputStream in = BundledModel.class.getResourceAsStream("/models/" + NAME + "/" + f)) {
				if (in == null) throw new IllegalArgumentException("This build has no bundled model (" + NAME +
					"); pass a model package with --model, or train one ('supcam pretrain', 'supcam finetune')");
				if (dir == null) {
					dir = Files.createTempDirectory("supcam-bundled-");
					dir.toFile().deleteOnExit();
				}
				Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
				dir.resolve(f).toFile().deleteOnExit();
			}
		}
		unpacked = dir;
		return dir;
	}
}
