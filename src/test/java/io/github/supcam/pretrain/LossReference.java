package io.github.supcam.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.function.ToDoubleFunction;

/**
 * Plain double-precision loops that restate the loss definitions independently of the NDArray code (softmax
 * without max-shift, the margin via acos), plus the small hand-chosen fixture B = 3, N = 6, D = 4 they are
 * compared on.
 */
final class LossReference {
	private LossReference() {}

	static final double TAU = 0.07;
	static final double MARGIN = 0.2;

	/** Queries: q0 near k0, q1 near k1, q2 almost opposite its own key k2 (exercises the safe margin branch). */
	static final float[][] Q = narrow(normalised(new double[][] {
		{ 1, 0.2, -0.3, 0.5 },
		{ -0.4, 1, 0.3, -0.2 },
		{ 0.3, -0.5, 1, 0.4 } }));
	static final float[][] K = narrow(normalised(new double[][] {
		{ 0.9, 0.3, -0.1, 0.6 },
		{ -0.2, 0.8, 0.5, -0.4 },
		{ -0.28, 0.47, -1.01, -0.38 },
		{ 0.1, 0.1, 0.9, -0.7 },
		{ -0.6, 0.7, -0.2, 0.3 },
		{ 0.5, -0.4, 0.4, 0.9 } }));
	/** The same fixture, widened exactly to double for the reference. */
	static final double[][] QD = wide(Q), KD = wide(K);
	static final long[] Q_LABELS = { 0, 1, 0 };
	static final long[] K_LABELS = { 0, 1, 0, 2, 1, 0 };
	static final long[] POSITIVE = { 0, 1, 2 };

	/** Rows scaled to unit length in double precision (a zero row stays zero). */
	static double[][] normalised(double[][] rows) {
		double[][] out = new double[rows.length][];
		for (int i = 0; i < rows.length; i++) {
			double n = Math.sqrt(dot(rows[i], rows[i]));
			out[i] = new double[rows[i].length];
			for (int d = 0; d < rows[i].length; d++)
				out[i][d] = n == 0 ? 0 : rows[i][d] / n;
		}
		return out;
	}

	static double[][] wide(float[][] rows) {
		double[][] out = new double[rows.length][];
		for (int i = 0; i < rows.length; i++) {
			out[i] = new double[rows[i].length];
			for (int d = 0; d < rows[i].length; d++)
				out[i][d] = rows[i][d];
		}
		return out;
	}

	static float[][] narrow(double[][] rows) {
		float[][] out = new float[rows.length][];
		for (int i = 0; i < rows.length; i++) {
			out[i] = new float[rows[i].length];
			for (int d = 0; d < rows[i].length; d++)
				out[i][d] = (float) rows[i][d];
		}
		return out;
	}

	static double dot(double[] a, double[] b) {
		double s = 0;
		for (int d = 0; d < a.length; d++)
			s += a[d] * b[d];
		return s;
	}

	/** −log softmax(row)_j computed directly: log Σ exp(row) − row_j. */
	static double nll(double[] row, int j) {
		double sum = 0;
		for (double v : row)
			sum += Math.exp(v);
		return Math.log(sum) - row[j];
	}

	static double supCon(double[][] q, double[][] k, long[] qLabels, long[] kLabels, double tau) {
		double total = 0;
		for (int i = 0; i < q.length; i++) {
			double[] row = new double[k.length];
			for (int j = 0; j < k.length; j++)
				row[j] = dot(q[i], k[j]) / tau;
			double sum = 0;
			int count = 0;
			for (int p = 0; p < k.length; p++)
				if (kLabels[p] == qLabels[i]) {
					sum += nll(row, p);
					count++;
				}
			total += sum / count;
		}
		return total / q.length;
	}

	static double infoNce(double[][] q, double[][] k, long[] positive, double tau) {
		return margin(q, k, positive, tau, 0);
	}

	/** cos(θ+m) where θ+m stays below π, else the insightface fallback cosθ − sin(π−m)·m. */
	static double phi(double cos, double m) {
		double theta = Math.acos(cos);
		return theta + m < Math.PI ? Math.cos(theta + m) : cos - Math.sin(Math.PI - m) * m;
	}

	/** Mean −log softmax at target[i] of cos(q_i, c_j)/τ with the target's cosine replaced by phi. */
	static double margin(double[][] q, double[][] c, long[] target, double tau, double m) {
		double total = 0;
		for (int i = 0; i < q.length; i++) {
			double[] row = new double[c.length];
			for (int j = 0; j < c.length; j++)
				row[j] = dot(q[i], c[j]) / tau;
			int t = (int) target[i];
			if (m > 0) row[t] = phi(dot(q[i], c[t]), m) / tau;
			total += nll(row, t);
		}
		return total / q.length;
	}

	/** Central finite differences of {@code f} with respect to each entry of x, in double precision. */
	static double[][] gradient(float[][] x, ToDoubleFunction<double[][]> f, double eps) {
		double[][] g = new double[x.length][x[0].length];
		for (int i = 0; i < x.length; i++)
			for (int d = 0; d < x[0].length; d++) {
				double[][] plus = wide(x), minus = wide(x);
				plus[i][d] += eps;
				minus[i][d] -= eps;
				g[i][d] = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * eps);
			}
		return g;
	}

	static NDArray array(NDManager m, float[][] rows) {
		float[] flat = new float[rows.length * rows[0].length];
		for (int i = 0; i < rows.length; i++)
			System.arraycopy(rows[i], 0, flat, i * rows[0].length, rows[0].length);
		return m.create(flat, new Shape(rows.length, rows[0].length));
	}

	static NDArray array(NDManager m, long[] values) {
		return m.create(values, new Shape(values.length));
	}
}
