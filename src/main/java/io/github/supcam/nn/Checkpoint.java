package io.github.supcam.nn;

import java.nio.file.Path;

/**
 * Where a training run keeps its checkpoint: a hidden folder beside the output, holding weights, optimiser state,
 * queue and a JSON state, written as a whole with {@link io.github.supcam.util.AtomicFiles#writeDirectory}.
 */
public final class Checkpoint {
	private Checkpoint() {}

	public static Path folderFor(Path output) {
		Path abs = output.toAbsolutePath();
		return abs.resolveSibling("." + abs.getFileName() + ".checkpoint");
	}
}
