package io.github.supcam.dataset;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

	/** The number of images of each class, with every class present (0 where it has no images). */
	public Map<ClusterType, Integer> classCounts() {
		Map<ClusterType, Integer> counts = new EnumMap<>(ClusterType.class);
		for (ClusterType t : ClusterType.values()) counts.put(t, 0);
		for (LabelledImage i : images) counts.merge(i.label(), 1, Integer::sum);
		return counts;
	}
}
