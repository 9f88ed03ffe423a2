package io.github.supcam.nn;

import ai.djl.ndarray.NDArray;

/**
 * A backbone with a fresh linear head to {@code numClasses} logits, for fine-tuning. To fine-tune a pretrained
 * encoder, pass its {@link Encoder#backbone()} (the parameters are shared, not copied), or a new backbone of the same
 * name into which saved parameters were loaded with {@link Blocks#loadBackbone}. Output {@code (N, numClasses)}
 * unnormalised logits.
 */
public final class Classifier extends HeadedBackbone {
	public Classifier(Backbone backbone, int numClasses) {
		super(backbone, numClasses, "head", 2, "Number of classes");
	}

	public int numClasses() {
		return outputDim();
	}

	@Override
	NDArray finish(NDArray out) {
		return out;
	}
}
