package io.github.supcam.benchmark;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.finetune.FineTuneSettings;
import io.github.supcam.finetune.LabelSmoothingLoss;
import io.github.supcam.nn.Backbones;
import io.github.supcam.nn.Blocks;
import io.github.supcam.nn.Classifier;
import io.github.supcam.nn.Sgd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Speed and memory of our networks on the DJL PyTorch engine, for comparison with {@code bench/torch_bench.py}
 * (same model, batch, optimiser and thread count); {@code bench/run-all.sh} runs both and prints the ratios.
 * One configuration per process, so that the process's peak RSS is that configuration's:
 * <ul>
 * <li>{@code train BACKBONE SIZE BATCH WARMUP STEPS}: the fine-tuning step of {@code FineTuner} (forward in
 *   training mode, label-smoothed cross-entropy whose value is read, backward, {@link Sgd} step, all in a per-step
 *   sub-manager);</li>
 * <li>{@code infer BACKBONE SIZE BATCH WARMUP STEPS}: one batch as {@code model.Inference} runs it (no gradient
 *   recording, inference-mode BatchNorm, softmax, probabilities copied to Java);</li>
 * <li>{@code soak BACKBONE SIZE BATCH STEPS EVERY}: training steps in one JVM, printing the resident set size every
 *   {@code EVERY} steps.</li>
 * <li>{@code profile BACKBONE SIZE BATCH WARMUP STEPS}: {@code WARMUP} training steps, then {@code STEPS} under
 *   libtorch's profiler, whose trace goes to the file named by {@code -Dtrace=FILE} (default {@code djl-trace.json})
 *   for {@code bench/ops.py}.</li>
 * </ul>
 * Inputs are random with a fixed seed; preparing them (done ahead by a loader thread in real runs) is not timed.
 * Prints {@code RESULT} lines of {@code key=value} pairs, times in milliseconds. Set libtorch's threads with
 * {@code -Dai.djl.pytorch.num_threads=N}.
 */
public final class TrainingStepBenchmark {
	private static final int CLASSES = ClusterType.values().length;
	private static final double LR = 0.01;

	private TrainingStepBenchmark() {}

	public static void main(String[] args) throws IOException {
		if (args.length != 6) {
			System.err.println("Usage: TrainingStepBenchmark train|infer BACKBONE SIZE BATCH WARMUP STEPS\n" +
				"       TrainingStepBenchmark soak BACKBONE SIZE BATCH STEPS EVERY\n" +
				"       TrainingStepBenchmark profile BACKBONE SIZE BATCH WARMUP STEPS");
			System.exit(2);
		}
		String mode = args[0];
		String backbone = args[1];
		int size = Integer.parseInt(args[2]);
		int batch = Integer.parseInt(args[3]);
		int first = Integer.parseInt(args[4]);
		int second = Integer.parseInt(args[5]);
		FineTuneSettings s = FineTuneSettings.defaults();
		try (NDManager root = NDManager.newBaseManager(Device.cpu())) {
			Blocks.disableGradientRecordingOnThisThread();
			Classifier clf = new Classifier(Backbones.create(backbone), CLASSES);
			Blocks.initialize(clf, root, 42, new Shape(2, 1, size, size));
			ParameterStore ps = new ParameterStore(root, false);
			SplittableRandom rng = new SplittableRandom(42);
			float[] x = new float[batch * size * size];
			for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextGaussian();
			long[] y = rng.longs(batch, 0, CLASSES).toArray();
			Shape shape = new Shape(batch, 1, size, size);
			String prefix = String.format(Locale.ROOT, "RESULT side=djl mode=%s backbone=%s size=%d batch=%d threads=%d " +
				"libtorch=%s init_%s", mode, backbone, size, batch, JniUtils.getNumThreads(), Engine.getInstance().getVersion(),
				memory().split(" ")[0]);
			try (Sgd sgd = new Sgd(clf.getParameters(), s.momentum(), s.weightDecay(), root)) {
				switch (mode) {
					case "train": {
						double[][] t = new double[5][second];
						for (int i = 0; i < first + second; i++) {
							double[] phases = trainStep(clf, ps, root, sgd, x, y, shape, s.labelSmoothing());
							if (i >= first) for (int k = 0; k < phases.length; k++) t[k][i - first] = phases[k];
						}
						System.out.println(prefix + " " + times(t[0], "step") + " forward_ms=" + fmt(median(t[1])) +
							" backward_ms=" + fmt(median(t[2])) + " optimizer_ms=" + fmt(median(t[3])) + " release_ms=" + fmt(median(t[4])) + " " + memory());
						break;
					}
					case "infer": {
						double[] t = new double[second];
						for (int i = 0; i < first + second; i++) {
							long t0 = System.nanoTime();
							try (NDManager sm = root.newSubManager()) {
								NDArray in = sm.create(x, shape);
								float[] p = clf.forward(ps, new NDList(in), false).singletonOrThrow().softmax(1).toFloatArray();
								if (p.length != batch * CLASSES) throw new IllegalStateException("Unexpected output size");
							}
							if (i >= first) t[i - first] = ms(t0);
						}
						System.out.println(prefix + " " + times(t, "batch") + " clusters_per_s=" +
							fmt(batch * 1000 / median(t)) + " " + memory());
						break;
					}
					case "soak": {
						double[] t = new double[first];
						for (int i = 0; i < first; i++) {
							t[i] = trainStep(clf, ps, root, sgd, x, y, shape, s.labelSmoothing())[0];
							if ((i + 1) % second == 0) System.out.println(prefix + " step=" + (i + 1) + " " + memory() +
								" step_ms=" + fmt(median(Arrays.copyOfRange(t, i + 1 - second, i + 1))));
						}
						break;
					}
					case "profile": {
						for (int i = 0; i < first; i++) trainStep(clf, ps, root, sgd, x, y, shape, s.labelSmoothing());
						JniUtils.startProfile(false, true, false);
						for (int i = 0; i < second; i++) trainStep(clf, ps, root, sgd, x, y, shape, s.labelSmoothing());
						JniUtils.stopProfile(System.getProperty("trace", "djl-trace.json"));
						System.out.println(prefix + " profiled_steps=" + second);
						break;
					}
					default:
						throw new IllegalArgumentException("Unknown mode " + mode + ": use train, infer, soak or profile");
				}
			}
		}
	}

	/**
	 * One step exactly as {@code FineTuner.run} makes it; returns total, forward+loss, backward, SGD and sub-manager
	 * closing ms.
	 */
	private static double[] trainStep(Classifier clf, ParameterStore ps, NDManager root, Sgd sgd, float[] x, long[] y,
		Shape shape, double smoothing)
	{
		long t0 = System.nanoTime();
		long t1, t2, t3;
		try (NDManager sm = root.newSubManager()) {
			try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
				NDArray logits = clf.forward(ps, new NDList(sm.create(x, shape)), true).singletonOrThrow();
				NDArray loss = LabelSmoothingLoss.compute(logits, sm.create(y), smoothing);
				if (!Float.isFinite(loss.getFloat())) throw new IllegalStateException("Loss is not finite");
				t1 = System.nanoTime();
				gc.backward(loss);
			}
			t2 = System.nanoTime();
			sgd.step(LR);
			t3 = System.nanoTime();
		}
		long t4 = System.nanoTime();
		return new double[] { (t4 - t0) / 1e6, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6 };
	}

	private static double ms(long since) {
		return (System.nanoTime() - since) / 1e6;
	}

	private static String times(double[] t, String what) {
		return what + "_ms=" + fmt(median(t)) + " min_ms=" + fmt(Arrays.stream(t).min().orElse(Double.NaN)) + " n=" +
			t.length + " all_ms=" + String.join(",", Arrays.stream(t).mapToObj(TrainingStepBenchmark::fmt).toList());
	}

	private static double median(double[] t) {
		double[] c = t.clone();
		Arrays.sort(c);
		int n = c.length;
		return n == 0 ? Double.NaN : n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
	}

	private static String fmt(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}

	/** Current and peak resident set size of this process, and the Java heap in use and committed (MiB). */
	private static String memory() throws IOException {
		long rss = 0, hwm = 0;
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("VmRSS:")) rss = kib(line);
			if (line.startsWith("VmHWM:")) hwm = kib(line);
		}
		Runtime r = Runtime.getRuntime();
		return String.format(Locale.ROOT, "rss_mib=%.1f peak_rss_mib=%.1f heap_used_mib=%.1f heap_committed_mib=%.1f " +
			"heap_max_mib=%.1f", rss / 1024.0, hwm / 1024.0, (r.totalMemory() - r.freeMemory()) / 1048576.0,
			r.totalMemory() / 1048576.0, r.maxMemory() / 1048576.0);
	}

	private static long kib(String line) {
		return Long.parseLong(line.replaceAll("[^0-9]", ""));
	}
}
