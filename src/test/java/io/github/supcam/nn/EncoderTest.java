package io.github.supcam.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.Model;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

class EncoderTest {
	private static final Shape INIT = new Shape(1, 1, 32, 32);

	static float[] forward(Block block, NDManager manager, NDArray x, boolean training) {
		try (NDManager sub = manager.newSubManager()) {
			NDArray in = x.duplicate();
			in.attach(sub);
			return block.forward(new ParameterStore(sub, false), new NDList(in), training).singletonOrThrow()
				.toFloatArray();
		}
	}

	@Test
	void embeddingsAreUnitRows() {
		try (NDManager manager = NDManager.newBaseManager()) {
			Encoder encoder = new Encoder(Backbones.narrowResNet18(8));
			assertEquals(Encoder.DEFAULT_EMBEDDING_DIM, encoder.embeddingDim());
			Blocks.initialize(encoder, manager, 3, INIT);
			NDArray x = manager.randomUniform(0, 1, new Shape(5, 1, 48, 40));
			for (boolean training : new boolean[] { false, true }) {
				float[] z = forward(encoder, manager, x, training);
				assertEquals(5 * 128, z.length);
				for (int r = 0; r < 5; r++) {
					double sq = 0;
					for (int c = 0; c < 128; c++)
						sq += z[r * 128 + c] * z[r * 128 + c];
					assertEquals(1.0, Math.sqrt(sq), 1e-5, "row " + r);
				}
			}
		}
	}

	@Test
	void embeddingLengthIsConfigurable() {
		try (NDManager manager = NDManager.newBaseManager()) {
			Encoder encoder = new Encoder(Backbones.narrowResNet18(4), 32);
			Blocks.initialize(encoder, manager, 3, INIT);
			assertEquals(new Shape(2, 32), encoder.getOutputShapes(new Shape[] { new Shape(2, 1, 32, 32) })[0]);
			assertEquals(2 * 32, forward(encoder, manager, manager.zeros(new Shape(2, 1, 32, 32)), false).length);
			// backbone 4·8 features + 1 input channel: fc is 32·32 + 32 on top of the backbone
			assertEquals(Blocks.countLearnableParameters(encoder.backbone().block()) + 32 * 32 + 32,
				Blocks.countLearnableParameters(encoder));
		}
		assertThrows(IllegalArgumentException.class, () -> new Encoder(Backbones.narrowResNet18(4), 0));
	}

	@Test
	void classifierReusesAPretrainedEncodersBackbone() {
		try (NDManager manager = NDManager.newBaseManager()) {
			Encoder encoder = new Encoder(Backbones.narrowResNet18(4));
			Blocks.initialize(encoder, manager, 5, INIT);
			NDArray x = manager.randomUniform(0, 1, new Shape(3, 1, 32, 32));
			float[] before = forward(encoder.backbone().block(), manager, x, false);

			Classifier classifier = new Classifier(encoder.backbone(), 4);
			assertSame(encoder.backbone(), classifier.backbone());
			Blocks.initialize(classifier, manager, 6, INIT);
			// initializing the classifier only initialized its fresh head
			assertArrayEquals(before, forward(classifier.backbone().block(), manager, x, false));
			assertEquals(3 * 4, forward(classifier, manager, x, false).length);
		}
		assertThrows(IllegalArgumentException.class, () -> new Classifier(Backbones.narrowResNet18(4), 1));
	}

	@Test
	void classifierTrainsEndToEndWithADjlTrainer() {
		try (Model model = Model.newInstance("classifier")) {
			Classifier classifier = new Classifier(Backbones.narrowResNet18(4), 2);
			model.setBlock(classifier);
			Blocks.initialize(classifier, model.getNDManager(), 9, INIT);
			float[] stem = classifier.backbone().block().getParameters().valueAt(0).getArray().toFloatArray();
			DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
				.optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-2f)).build());
			try (Trainer trainer = model.newTrainer(config)) {
				trainer.initialize(INIT);
				NDManager m = trainer.getManager();
				// class 1 images are bright, class 0 dark: trivially separable
				NDArray x = m.randomUniform(0, 0.5f, new Shape(8, 1, 32, 32))
					.add(m.create(new float[] { 0, 1, 0, 1, 0, 1, 0, 1 }).reshape(8, 1, 1, 1).mul(0.5f));
				NDArray y = m.create(new float[] { 0, 1, 0, 1, 0, 1, 0, 1 });
				float first = Float.NaN;
				float last = Float.NaN;
				for (int step = 0; step < 15; step++) {
					try (NDManager sub = m.newSubManager(); GradientCollector gc = trainer.newGradientCollector()) {
						NDArray xs = x.duplicate();
						xs.attach(sub);
						NDList pred = trainer.forward(new NDList(xs));
						NDArray loss = trainer.getLoss().evaluate(new NDList(y), pred);
						gc.backward(loss);
						last = loss.getFloat();
						if (step == 0) first = last;
					}
					trainer.step();
				}
				assertTrue(last < first / 2, "loss " + first + " -> " + last);
			}
			float[] stemAfter = classifier.backbone().block().getParameters().valueAt(0).getArray().toFloatArray();
			assertFalse(java.util.Arrays.equals(stem, stemAfter), "gradients reach the backbone");
		}
	}
}
