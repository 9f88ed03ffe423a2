package io.github.supcam.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A backbone followed by one fully connected layer; subclasses may transform the layer's output. */
abstract class HeadedBackbone extends AbstractBlock {
	private final Backbone backbone;
	private final Linear head;
	private final int outputDim;

	/**
	 * Wraps {@code backbone} (whose parameters, if already initialized, are kept) with a fresh linear layer of
	 * {@code outputDim} units, which must be at least {@code minOutputDim}; {@code what} names it in errors.
	 */
	HeadedBackbone(Backbone backbone, int outputDim, String headName, int minOutputDim, String what) {
		if (backbone == null) throw new IllegalArgumentException("A backbone is needed");
		if (outputDim < minOutputDim) throw new IllegalArgumentException(what + " must be at least " + minOutputDim +
			", got " + outputDim);
		this.backbone = backbone;
		this.outputDim = outputDim;
		addChildBlock("backbone", backbone.block());
		head = addChildBlock(headName, Linear.builder().setUnits(outputDim).build());
	}

	/** The wrapped backbone; its parameters are those of this block. */
	public Backbone backbone() {
		return backbone;
	}

	int outputDim() {
		return outputDim;
	}

	/** Applied to the linear layer's output {@code (N, outputDim)}. */
	abstract NDArray finish(NDArray out);

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
		PairList<String, Object> params) {
		NDList features = backbone.block().forward(ps, inputs, training, params);
		return new NDList(finish(head.forward(ps, features, training, params).singletonOrThrow()));
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { new Shape(inputShapes[0].get(0), outputDim) };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		backbone.block().initialize(manager, dataType, inputShapes);
		head.initialize(manager, dataType, new Shape(inputShapes[0].get(0), backbone.featureDim()));
	}
}
