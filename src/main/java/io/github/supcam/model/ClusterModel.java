package io.github.supcam.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.FloatTransforms;
import io.github.supcam.nn.Backbones;
import io.github.supcam.nn.Blocks;
import io.github.supcam.nn.Classifier;
import io.github.supcam.nn.Devices;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A loaded classifier package, ready for inference: the network plus the preprocessing it was trained with.
 * Loading verifies the package and reports any mismatch as a clear error rather than failing later.
 */
public final class ClusterModel implements AutoCloseable {
	private final ModelPackage pkg;
	private final NDManager manager;
	private final Classifier classifier;
	private final Preprocessor preprocessor;

	private ClusterModel(ModelPackage pkg, NDManager manager, Classifier classifier) {
		this.pkg = pkg;
		this.manager = manager;
		this.classifier = classifier;
		this.preprocessor = new Preprocessor(pkg.info().preprocess());
	}

	/**
	 * @throws IllegalArgumentException if the path is not a classifier package this version can run
	 */
	public static ClusterModel load(Path path, String device) throws IOException {
		ModelPackage pkg = ModelPackage.open(path);
		ModelInfo info = pkg.info();
		if (!ModelInfo.CLASSIFIER.equals(info.kind())) throw new IllegalArgumentException("Model " + path + " is a " +
			info.kind() + ", not a classifier: fine-tune it first ('supcam finetune')");
		List<String> expected = Arrays.stream(ClusterType.values()).map(ClusterType::folderName).toList();
		if (!expected.equals(info.classNames())) throw new IllegalArgumentException("Model " + path +
			" predicts classes " + info.classNames() + ", but this plugin expects " + expected);
		if (info.preprocess() == null) throw new IllegalArgumentException("Model " + path +
			" does not record its preprocessing");
		NDManager manager = NDManager.newBaseManager(Devices.select(device));
		try {
			Classifier clf;
			try {
				clf = new Classifier(Backbones.create(info.backbone()), expected.size());
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("Model " + path + " uses a backbone unknown to this version of the " +
					"plugin: " + e.getMessage(), e);
			}
			int size = info.preprocess().inputSize();
			Blocks.initialize(clf, manager, (int) info.seed(), new Shape(1, 1, size, size));
			try {
				Blocks.loadParameters(clf, "classifier:" + info.backbone(), manager, pkg.weights());
			} catch (IOException | RuntimeException e) {
				throw new IllegalArgumentException("Model " + path + " has weights that do not fit its description (" +
					e.getMessage() + ")", e);
			}
			return new ClusterModel(pkg, manager, clf);
		} catch (RuntimeException e) {
			manager.close();
			throw e;
		}
	}

	public ModelInfo info() {
		return pkg.info();
	}

	public Preprocessor preprocessor() {
		return preprocessor;
	}

	/**
	 * Class probabilities for preprocessed inputs, in {@link ClusterType} order, at the package's calibrated
	 * temperature ({@link ModelInfo#temperature()}).
	 */
	public synchronized double[][] predict(List<float[]> inputs, int batchSize) {
		return Inference.probabilities(classifier, manager, inputs, preprocessor.settings().inputSize(), batchSize,
			pkg.info().temperature());
	}

	/** Raw network outputs (logits) for preprocessed inputs, in {@link ClusterType} order, before any temperature. */
	public synchronized double[][] logits(List<float[]> inputs, int batchSize) {
		return Inference.logits(classifier, manager, inputs, preprocessor.settings().inputSize(), batchSize);
	}

	/**
	 * Test-time augmentation: the mean probabilities over the 8 flips and quarter-turn rotations of each input.
	 * Cluster type does not change under them, so averaging smooths out orientation-specific errors.
	 */
	public double[][] predictAugmented(List<float[]> inputs, int batchSize) {
		int size = preprocessor.settings().inputSize();
		List<float[]> all = new ArrayList<>(inputs.size() * 8);
		for (float[] in : inputs) {
			float[] flipped = FloatTransforms.flipHorizontal(in, size);
			for (int k = 0; k < 4; k++) {
				all.add(k == 0 ? in : FloatTransforms.rotate(in, size, k * Math.PI / 2));
				all.add(k == 0 ? flipped : FloatTransforms.rotate(flipped, size, k * Math.PI / 2));
			}
		}
		double[][] p = predict(all, batchSize);
		double[][] mean = new double[inputs.size()][];
		for (int i = 0; i < inputs.size(); i++) {
			double[] m = new double[p[0].length];
			for (int t = 0; t < 8; t++) for (int c = 0; c < m.length; c++) m[c] += p[i * 8 + t][c] / 8;
			mean[i] = m;
		}
		return mean;
	}

	@Override
	public void close() {
		manager.close();
	}
}
