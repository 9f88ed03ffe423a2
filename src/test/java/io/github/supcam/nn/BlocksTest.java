package io.github.supcam.nn;

import static io.github.supcam.nn.EncoderTest.forward;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlocksTest {
	private static final Shape INIT = new Shape(1, 1, 32, 32);

	private static List<float[]> values(Block block) {
		List<float[]> v = new ArrayList<>();
		for (Parameter p : block.getParameters().values())
			v.add(p.getArray().toFloatArray());
		return v;
	}

	private static void assertSameValues(List<float[]> expected, List<float[]> actual) {
		assertEquals(expected.size(), actual.size());
		for (int i = 0; i < expected.size(); i++)
			assertArrayEquals(expected.get(i), actual.get(i), "parameter " + i);
	}

	/** Runs one training-mode forward pass so that BatchNorm running statistics leave their initial 0/1. */
	private static void trainStep(Block block, NDManager manager) {
		forward(block, manager, manager.randomUniform(0, 1, new Shape(4, 1, 32, 32)), true);
	}

	@Test
	void sameSeedSameParameters() {
		try (NDManager manager = NDManager.newBaseManager()) {
			Backbone a = Backbones.narrowResNet18(4);
			Backbone b = Backbones.narrowResNet18(4);
			Backbone c = Backbones.narrowResNet18(4);
			Blocks.initialize(a.block(), manager, 11, INIT);
			Blocks.initialize(b.block(), manager, 11, INIT);
			Blocks.initialize(c.block(), manager, 12, INIT);
			assertSameValues(values(a.block()), values(b.block()));
			assertFalse(java.util.Arrays.equals(values(a.block()).get(0), values(c.block()).get(0)));
		}
	}

	@Test
	void saveLoadRoundTripGivesIdenticalOutputs(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("backbone.params");
		try (NDManager manager = NDManager.newBaseManager()) {
			Encoder trained = new Encoder(Backbones.narrowResNet18(4));
			Blocks.initialize(trained, manager, 1, INIT);
			trainStep(trained, manager);
			Blocks.saveBackbone(trained.backbone(), file);
			assertTrue(Files.size(file) > 0);

			Classifier fresh = new Classifier(Backbones.narrowResNet18(4), 4);
			Blocks.initialize(fresh, manager, 2, INIT);
			NDArray x = manager.randomUniform(0, 1, new Shape(3, 1, 40, 40));
			float[] expected = forward(trained.backbone().block(), manager, x, false);
			assertFalse(java.util.Arrays.equals(expected, forward(fresh.backbone().block(), manager, x, false)));
			Blocks.loadBackbone(fresh.backbone(), manager, file);
			assertArrayEquals(expected, forward(fresh.backbone().block(), manager, x, false));
			assertSameValues(values(trained.backbone().block()), values(fresh.backbone().block()));
			assertEquals(3 * 4, forward(fresh, manager, x, false).length);

			// a file saved from another architecture is refused, naming the file
			Backbone other = Backbones.narrowResNet18(8);
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> Blocks.loadBackbone(other, manager, file));
			assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("resnet18-narrow-4"),
				e.getMessage());
			Path junk = dir.resolve("junk.params");
			Files.writeString(junk, "not parameters");
			assertThrows(IllegalArgumentException.class, () -> Blocks.loadBackbone(other, manager, junk));
		}
	}

	@Test
	void copyParametersMakesTwinsIncludingRunningStatistics() {
		try (NDManager manager = NDManager.newBaseManager()) {
			Encoder query = new Encoder(Backbones.narrowResNet18(4));
			Encoder key = new Encoder(Backbones.narrowResNet18(4));
			Blocks.initialize(query, manager, 1, INIT);
			Blocks.initialize(key, manager, 2, INIT);
			trainStep(query, manager);
			Blocks.copyParameters(query, key);
			assertSameValues(values(query), values(key));
			NDArray x = manager.randomUniform(0, 1, new Shape(2, 1, 32, 32));
			assertArrayEquals(forward(query, manager, x, false), forward(key, manager, x, false));

			Encoder narrower = new Encoder(Backbones.narrowResNet18(2));
			Blocks.initialize(narrower, manager, 1, INIT);
			assertThrows(IllegalArgumentException.class, () -> Blocks.copyParameters(query, narrower));
		}
	}

	private static Block smallBlock() {
		return new SequentialBlock().add(Linear.builder().setUnits(6).build()).add(BatchNorm.builder().build());
	}

	@Test
	void momentumUpdateIsExactEmaOfLearnableParameters() throws InterruptedException {
		try (NDManager manager = NDManager.newBaseManager()) {
			Block q = smallBlock();
			Block k = smallBlock();
			Blocks.initialize(q, manager, 1, new Shape(4, 5));
			Blocks.initialize(k, manager, 2, new Shape(4, 5));
			// different running statistics and BN affine values in both
			for (Block b : new Block[] { q, k }) {
				try (NDManager sub = manager.newSubManager()) {
					b.forward(new ParameterStore(sub, false), new NDList(sub.randomNormal(new Shape(4, 5))), true);
				}
			}
			q.getParameters().get("02BatchNorm_gamma").getArray().stopGradient().muli(1.5f);
			List<float[]> qv = values(q);
			List<float[]> kv = values(k);
			double m = 0.99;
			// the update must not depend on the caller's thread: new threads start with grad mode on
			AtomicReference<Throwable> failure = new AtomicReference<>();
			Thread worker = new Thread(() -> {
				try {
					Blocks.momentumUpdate(q, k, m);
				} catch (Throwable t) {
					failure.set(t);
				}
			});
			worker.start();
			worker.join();
			if (failure.get() != null) throw new AssertionError(failure.get());

			float keep = (float) m;
			float take = (float) (1 - m);
			ParameterList params = k.getParameters();
			int learnable = 0;
			for (int i = 0; i < params.size(); i++) {
				float[] after = params.valueAt(i).getArray().toFloatArray();
				boolean running = Blocks.isRunningStatistic(params.valueAt(i));
				for (int j = 0; j < after.length; j++) {
					float expected = running ? kv.get(i)[j] : keep * kv.get(i)[j] + take * qv.get(i)[j];
					assertEquals(expected, after[j], Math.ulp(expected), params.keyAt(i) + "[" + j + "]");
				}
				if (!running) learnable++;
			}
			assertEquals(4, learnable); // linear weight, bias; BN gamma, beta
			assertSameValues(qv, values(q));
			assertThrows(IllegalArgumentException.class, () -> Blocks.momentumUpdate(q, k, 1.5));
		}
	}

	@Test
	void gradientRecordingCanBeTurnedOffPerThread() throws InterruptedException {
		boolean[] modes = new boolean[2];
		Thread worker = new Thread(() -> {
			modes[0] = JniUtils.isGradMode();
			Blocks.disableGradientRecordingOnThisThread();
			modes[1] = JniUtils.isGradMode();
		});
		worker.start();
		worker.join();
		assertTrue(modes[0], "PyTorch starts new threads in grad mode");
		assertFalse(modes[1]);
	}

	@Test
	void batchNormUsesBatchStatisticsOnlyInTrainingMode() {
		try (NDManager manager = NDManager.newBaseManager()) {
			Block bn = BatchNorm.builder().build();
			Blocks.initialize(bn, manager, 1, new Shape(4, 2));
			NDArray x = manager.create(new float[] { 1, 10, 3, 10, 5, 10, 7, 10 }, new Shape(4, 2));
			ParameterList p = bn.getParameters();
			// inference: running mean 0 and variance 1 leave the input unchanged (up to eps) and are not updated
			float[] inferred = forward(bn, manager, x, false);
			assertEquals(10f, inferred[1], 1e-3f);
			assertArrayEquals(new float[] { 0, 0 }, p.get("runningMean").getArray().toFloatArray());
			// training: normalised with the batch statistics; running mean moves 10% towards the batch mean (4, 10)
			float[] trained = forward(bn, manager, x, true);
			assertEquals(0f, trained[1], 1e-6f);
			assertArrayEquals(new float[] { 0.4f, 1.0f }, p.get("runningMean").getArray().toFloatArray(), 1e-6f);
		}
	}
}
