package io.github.supcam.nn;

import ai.djl.ndarray.NDArray;

/**
 * A backbone with a fresh linear head to {@code numClasses} logits, for fine-tuning. To fine-tune a pretrained
 * encoder, pass its {@link Encoder#backbone()} (the parameters are shared, not copied), or a new backbone of the same
 * name into which saved parameters were loaded with {@link Blocks#loadBackbone}. Output {@code (N, numClasses)}
 * unnormalised logits.
 */
public final class Classifier extends HeadedBackbone {
	private final int numClasses;

	public Classifier(Backbone backbone, int numClasses) {
		super(backbone, requireClasses(numClasses), "head");
		this.numClasses = numClasses;
	}

	private static int requireClasses(int numClasses) {
		if (numClasses < 2) throw new IllegalArgumentException("A classifier needs at least 2 classes, got " +
			numClasses);
		return numClasses;
	}

	public int numClasses() {
		return numClasses;
	}

	@Override
	NDArray finish(NDArray out) {
		return out;
	}
}
