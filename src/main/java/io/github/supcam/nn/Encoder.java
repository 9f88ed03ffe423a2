package io.github.supcam.nn;

import ai.djl.ndarray.NDArray;

/**
 * SupCAM's encoder: a backbone followed by one fully connected layer to the embedding, L2-normalised per row. As in
 * the paper there is no further projection head. Input {@code (N, 1, H, W)}, output {@code (N, embeddingDim)}.
 */
public final class Encoder extends HeadedBackbone {
	/** Embedding length used by the paper. */
	public static final int DEFAULT_EMBEDDING_DIM = 128;

	/** Keeps an all-zero row from dividing by zero (same as torch.nn.functional.normalize). */
	private static final double NORM_EPS = 1e-12;

	public Encoder(Backbone backbone) {
		this(backbone, DEFAULT_EMBEDDING_DIM);
	}

	public Encoder(Backbone backbone, int embeddingDim) {
		super(backbone, embeddingDim, "fc", 1, "Embedding dimension");
	}

	public int embeddingDim() {
		return outputDim();
	}

	@Override
	NDArray finish(NDArray out) {
		return out.normalize(2, 1, NORM_EPS);
	}
}
