package io.github.supcam.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * SGD with momentum and (coupled) weight decay, exactly as PyTorch's {@code torch.optim.SGD}:
 * {@code d = g + wd·p; buf = μ·buf + d (buf = d on the first step); p -= lr·buf}. Written here rather than using
 * DJL's optimizer because its momentum buffers can be saved and restored, which makes a resumed run identical
 * to an uninterrupted one.
 * <p>
 * The step allocates nothing per parameter: {@code d} is accumulated into the gradient, the products {@code wd·p}
 * and {@code lr·buf} go to a view of one scratch array as large as the largest parameter, and the gradient is
 * zeroed in place. Each value is rounded exactly as in the allocating form ({@code p·wd}, then {@code g + that},
 * {@code μ·buf}, then {@code + d}, {@code buf·lr}, then {@code p − that}), so training results are unchanged.
 * (libtorch's fused SGD kernels are not reachable through DJL, and DJL's {@code sgdUpdate} puts the learning rate
 * inside the momentum buffer, which rounds differently.)
 */
public final class Sgd implements AutoCloseable {
	private static final NDIndex ALL = new NDIndex("...");
	private final List<Parameter> params = new ArrayList<>();
	private final double momentum;
	private final double weightDecay;
	private final NDManager manager;
	private final NDArray[] buffers;
	/** Per parameter, a view of the shared scratch array with the parameter's shape; made on the first step. */
	private NDArray[] scratch;
	private NDArray momentumScalar;
	private NDArray weightDecayScalar;

	/** Optimises the learnable parameters of {@code block} (BatchNorm running statistics are skipped). */
	public Sgd(ParameterList parameters, double momentum, double weightDecay, NDManager parent) {
		this(parameters.values(), momentum, weightDecay, parent);
	}

	/** Optimises the given parameters (those needing no gradient and running statistics are skipped). */
	public Sgd(java.util.Collection<Parameter> parameters, double momentum, double weightDecay, NDManager parent) {
		for (Parameter p : parameters) if (p.requiresGradient() && !Blocks.isRunningStatistic(p)) params.add(p);
		this.momentum = momentum;
		this.weightDecay = weightDecay;
		this.manager = parent.newSubManager();
		this.buffers = new NDArray[params.size()];
	}

	/** Applies one update with the gradients accumulated by the last backward pass, then zeroes them. */
	public void step(double learningRate) {
		if (scratch == null) allocateScratch();
		try (NDManager step = manager.newSubManager()) {
			NDArray lr = step.create((float) learningRate);
			for (int i = 0; i < params.size(); i++) {
				NDArray p = params.get(i).getArray();
				NDArray s = scratch[i];
				try (NDArray g = p.getGradient(); NDArray pv = p.stopGradient()) {
					if (weightDecay != 0) {
						s.set(ALL, pv);
						g.addi(s.muli(weightDecayScalar));
					}
					NDArray d = g;
					if (momentum != 0) {
						if (buffers[i] == null) {
							buffers[i] = g.duplicate();
							buffers[i].attach(manager);
						} else {
							buffers[i].muli(momentumScalar).addi(g);
						}
						d = buffers[i];
					}
					s.set(ALL, d);
					pv.subi(s.muli(lr));
				}
				JniUtils.zeroGrad((PtNDArray) p);
			}
		}
	}

	private void allocateScratch() {
		long largest = 0;
		for (Parameter p : params) largest = Math.max(largest, p.getArray().size());
		NDArray flat = manager.zeros(new Shape(largest));
		scratch = new NDArray[params.size()];
		for (int i = 0; i < params.size(); i++) {
			Shape shape = params.get(i).getArray().getShape();
			scratch[i] = flat.get(new NDIndex("0:" + shape.size())).reshape(shape);
		}
		momentumScalar = manager.create((float) momentum);
		weightDecayScalar = manager.create((float) weightDecay);
	}

	/** The momentum buffers, for a checkpoint (empty before the first step). */
	public byte[] saveState() {
		NDList list = new NDList();
		for (NDArray b : buffers) if (b != null) list.add(b);
		return list.size() == 0 ? new byte[0] : list.encode();
	}

	/** Restores buffers written by {@link #saveState()} of an optimiser over the same parameters. */
	public void loadState(byte[] state) throws IOException {
		if (state.length == 0) return;
		NDList list = NDList.decode(manager, state);
		if (list.size() != buffers.length) throw new IOException("Optimizer state holds " + list.size() +
			" buffers, but the model has " + buffers.length + " parameters");
		for (int i = 0; i < buffers.length; i++) {
			NDArray b = list.get(i);
			if (!b.getShape().equals(params.get(i).getArray().getShape())) throw new IOException(
				"Optimizer state does not match parameter " + params.get(i).getName());
			buffers[i] = b;
		}
	}

	@Override
	public void close() {
		manager.close();
	}
}
