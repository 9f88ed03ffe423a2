package io.github.supcam.dataset;

import java.nio.file.Path;
import java.util.List;

/**
 * A labelled dataset folder as read by {@link DatasetReader}.
 *
 * @param root the dataset folder
 * @param images the readable labelled images, sorted by relative path (so seeded work is reproducible)
 * @param problems one human-readable line per file that was skipped, naming the file and the reason
 */
public record Dataset(Path root, List<LabelledImage> images, List<String> problems) {
	public Dataset {
		images = List.copyOf(images);
		problems = List.copyOf(problems);
	}
}
