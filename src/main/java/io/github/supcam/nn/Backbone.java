package io.github.supcam.nn;

import ai.djl.nn.Block;

/**
 * A feature extractor: takes a batch of 1-channel images {@code (N, 1, H, W)} and returns the globally
 * average-pooled feature vectors {@code (N, featureDim)}.
 *
 * @param name the canonical name it was created from with {@link Backbones#create(String)}
 * @param block the DJL block; uninitialized when created
 * @param featureDim length of the feature vector per image
 */
public record Backbone(String name, Block block, int featureDim) {
	public Backbone {
		if (name == null || name.isBlank()) throw new IllegalArgumentException("Backbone name is missing");
		if (block == null) throw new IllegalArgumentException("Backbone block is missing");
		if (featureDim <= 0) throw new IllegalArgumentException("Backbone feature dimension must be positive, got " +
			featureDim);
	}
}
