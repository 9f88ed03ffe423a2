package io.github.supcam.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class BackbonesReleaseTest {
	/** Intermediates are closed during the forward pass, yet backward still reaches the first convolution. */
	@Test
	void trainingForwardKeepsFewArraysAndBackwardStillWorks() {
		try (NDManager root = NDManager.newBaseManager()) {
			Blocks.disableGradientRecordingOnThisThread();
			Classifier clf = new Classifier(Backbones.create("resnet18-narrow-4"), 4);
			Blocks.initialize(clf, root, 3, new Shape(2, 1, 32, 32));
			ParameterStore ps = new ParameterStore(root, false);
			try (NDManager sm = root.newSubManager()) {
				try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
					NDArray x = sm.randomNormal(new Shape(2, 1, 32, 32));
					NDArray out = clf.forward(ps, new NDList(x), true).singletonOrThrow();
					// without the release, 8 residual blocks of 7-9 layers leave over 70 arrays
					int held = sm.getManagedArrays().size();
					assertTrue(held < 12, "arrays still held after the forward pass: " + held);
					gc.backward(out.sum());
				}
				Parameter first = clf.getParameters().valueAt(0);
				float[] g = first.getArray().getGradient().toFloatArray();
				double norm = 0;
				for (float v : g) norm += v * v;
				assertTrue(norm > 0 && Double.isFinite(norm), "first convolution's gradient norm " + norm);
			}
		}
	}
}
