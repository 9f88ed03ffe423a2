package io.github.supcam.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Class centres for the cluster-margin ablation (paper §3.3): per class, an exponential moving average of the mean
 * of that class's keys in the {@link LabelledQueue}. Centres are not normalised here;
 * {@link ContrastiveLosses#centreMargin} normalises them. A class not seen yet keeps a zero centre.
 * <p>
 * Call {@link #update} after enqueueing the step's keys, so that every query's class has a centre.
 */
public final class ClusterCentres {
	private final int classes;
	private final int dim;
	private final double momentum;
	private final double[] centres;
	private final boolean[] seen;

	/**
	 * @param momentum weight of the old centre in c ← momentum·c + (1 − momentum)·mean; in [0, 1)
	 */
	public ClusterCentres(int classes, int dim, double momentum) {
		if (classes < 1 || dim < 1)
			throw new IllegalArgumentException("need >= 1 class and dimension, got " + classes + " and " + dim);
		if (!(momentum >= 0 && momentum < 1))
			throw new IllegalArgumentException("centre momentum must be in [0, 1), got " + momentum);
		this.classes = classes;
		this.dim = dim;
		this.momentum = momentum;
		this.centres = new double[classes * dim];
		this.seen = new boolean[classes];
	}

	/**
	 * Moves each class present in the queue towards the mean of its keys there; a class seen for the first time
	 * starts at that mean.
	 */
	public void update(LabelledQueue queue) {
		if (queue.dim() != dim)
			throw new IllegalArgumentException("queue keys have dimension " + queue.dim() + ", centres " + dim);
		float[] keys = queue.keys();
		long[] labels = queue.labels();
		double[] sums = new double[classes * dim];
		int[] counts = new int[classes];
		for (int i = 0; i < labels.length; i++) {
			if (labels[i] < 0 || labels[i] >= classes)
				throw new IllegalArgumentException("label " + labels[i] + " outside [0, " + classes + ")");
			int c = (int) labels[i];
			counts[c]++;
			for (int d = 0; d < dim; d++)
				sums[c * dim + d] += keys[i * dim + d];
		}
		for (int c = 0; c < classes; c++) {
			if (counts[c] == 0) continue;
			double keep = seen[c] ? momentum : 0;
			for (int d = 0; d < dim; d++)
				centres[c * dim + d] = keep * centres[c * dim + d] + (1 - keep) * sums[c * dim + d] / counts[c];
			seen[c] = true;
		}
	}

	/** Whether class {@code c} has had keys in the queue at some update. */
	public boolean seen(int c) {
		return seen[c];
	}

	/** The centres as a classes×dim float32 NDArray owned by {@code manager}. */
	public NDArray centres(NDManager manager) {
		float[] out = new float[centres.length];
		for (int i = 0; i < out.length; i++)
			out[i] = (float) centres[i];
		return manager.create(out, new Shape(classes, dim));
	}

	/** Saves the moving averages, so a resumed run continues them exactly. */
	public void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
		for (boolean b : seen) out.writeBoolean(b);
		for (double v : centres) out.writeDouble(v);
	}

	/** Restores what {@link #writeTo} saved for centres of the same size. */
	public void readFrom(java.io.DataInputStream in) throws java.io.IOException {
		for (int c = 0; c < classes; c++) seen[c] = in.readBoolean();
		for (int i = 0; i < centres.length; i++) centres[i] = in.readDouble();
	}
}
