package io.github.supcam.compose;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.dataset.Dataset;
import io.github.supcam.dataset.LabelledImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Minimal stand-in for {@code dataset.DatasetReader.read(Path)} until that class is merged; replace the one call in
 * {@link AugmentJob} and delete this class. Lists the regular, non-hidden files of the class-named sub-folders;
 * unreadable images are reported later, when {@link AugmentJob} opens them.
 */
final class DatasetReaderStandIn {
	private DatasetReaderStandIn() {}

	static Dataset read(Path root) throws IOException {
		if (!Files.isDirectory(root)) throw new NoSuchFileException(root.toString());
		List<LabelledImage> images = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		try (Stream<Path> dirs = Files.list(root)) {
			for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
				ClusterType type = ClusterType.tryParse(dir.getFileName().toString());
				if (type == null) {
					problems.add(dir + ": not a cluster-type folder, skipped");
					continue;
				}
				try (Stream<Path> files = Files.list(dir)) {
					files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
						.forEach(f -> images.add(new LabelledImage(f, root.relativize(f).toString().replace('\\', '/'), type)));
				}
			}
		}
		images.sort(Comparator.comparing(LabelledImage::relativePath));
		return new Dataset(root, images, problems);
	}
}
