package io.github.supcam.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * SGD with momentum and (coupled) weight decay, exactly as PyTorch's {@code torch.optim.SGD}:
 * {@code d = g + wd·p; buf = μ·buf + d (buf = d on the first step); p -= lr·buf}. Written here rather than using
 * DJL's optimizer because its momentum buffers can be saved and restored, which makes a resumed run identical
 * to an uninterrupted one.
 */
public final class Sgd implements AutoCloseable {
	private final List<Parameter> params = new ArrayList<>();
	private final double momentum;
	private final double weightDecay;
	private final NDManager manager;
	private final NDArray[] buffers;

	/** Optimises the learnable parameters of {@code block} (BatchNorm running statistics are skipped). */
	public Sgd(ParameterList parameters, double momentum, double weightDecay, NDManager parent) {
		for (Parameter p : parameters.values()) if (p.requiresGradient() && !Blocks.isRunningStatistic(p)) params.add(p);
		this.momentum = momentum;
		this.weightDecay = weightDecay;
		this.manager = parent.newSubManager();
		this.buffers = new NDArray[params.size()];
	}

	/** Applies one update with the gradients accumulated by the last backward pass, then zeroes them. */
	public void step(double learningRate) {
		float lr = (float) learningRate;
		for (int i = 0; i < params.size(); i++) {
			NDArray p = params.get(i).getArray();
			try (NDManager scratch = manager.newSubManager()) {
				NDArray g = p.getGradient();
				g.attach(scratch);
				NDArray pv = p.stopGradient();
				pv.attach(scratch);
				NDArray d = weightDecay != 0 ? g.add(pv.mul((float) weightDecay)) : g.duplicate();
				if (momentum != 0) {
					if (buffers[i] == null) {
						buffers[i] = d.duplicate();
						buffers[i].attach(manager);
					} else {
						buffers[i].muli((float) momentum).addi(d);
					}
					d = buffers[i];
				}
				// d may be a momentum buffer, whose manager lives as long as the optimizer: keep the product in scratch
				NDArray update = d.mul(lr);
				update.attach(scratch);
				pv.subi(update);
				g.subi(g);
			}
		}
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
