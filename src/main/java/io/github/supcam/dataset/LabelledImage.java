package io.github.supcam.dataset;

import java.nio.file.Path;

/**
 * One labelled image of a dataset.
 *
 * @param file the image file
 * @param relativePath its path relative to the dataset root, with '/' separators (used in manifests)
 * @param label its cluster type
 */
public record LabelledImage(Path file, String relativePath, ClusterType label) {}
