package io.github.supcam.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class BackbonesTest {
	/** Every torchvision model here starts with a 7x7 conv to 64 channels; 1 input channel instead of 3 drops 2·64·7·7. */
	private static final long STEM_DROP = 2L * 64 * 7 * 7;

	/** Parameter count of a ResNet-18 with base width w, 1 input channel and a 1000-class head, counted by hand. */
	private static long narrowResNet18Count(long w) {
		long stem = 49 * w + 2 * w;
		long stage1 = 2 * (2 * 9 * w * w + 2 * 2 * w);
		long stage2 = (9 * w * 2 * w + 9 * 4 * w * w + 2 * w * w + 3 * 2 * 2 * w) + (2 * 9 * 4 * w * w + 2 * 2 * 2 * w);
		long stage3 = (9 * 8 * w * w + 9 * 16 * w * w + 8 * w * w + 3 * 2 * 4 * w) + (2 * 9 * 16 * w * w + 2 * 2 * 4 * w);
		long stage4 = (9 * 32 * w * w + 9 * 64 * w * w + 32 * w * w + 3 * 2 * 8 * w) + (2 * 9 * 64 * w * w + 2 * 2 * 8 * w);
		long fc = 8 * w * 1000 + 1000;
		return stem + stage1 + stage2 + stage3 + stage4 + fc;
	}

	private record Expected(String name, int featureDim, long countWith1000Classes) {}

	/** torchvision's published counts are for 3 input channels and 1000 classes. */
	private static final List<Expected> ARCHITECTURES = List.of(
		new Expected("resnet18", 512, 11_689_512L - STEM_DROP),
		new Expected("resnet34", 512, 21_797_672L - STEM_DROP),
		new Expected("resnet50", 2048, 25_557_032L - STEM_DROP),
		new Expected("resnet101", 2048, 44_549_160L - STEM_DROP),
		new Expected("resnext101_32x8d", 2048, 88_791_336L - STEM_DROP),
		new Expected("densenet121", 1024, 7_978_856L - STEM_DROP),
		new Expected("resnet18-narrow", 128, narrowResNet18Count(16)));

	@Test
	void handCountAgreesWithTorchvisionAtFullWidth() {
		assertEquals(11_683_240L, 11_689_512L - STEM_DROP);
		assertEquals(11_689_512L - STEM_DROP, narrowResNet18Count(64));
	}

	@TestFactory
	Stream<DynamicTest> parameterCountAndFeatureShapeMatchTorchvision() {
		return ARCHITECTURES.stream().map(e -> DynamicTest.dynamicTest(e.name(),
			() -> checkArchitecture(e.name(), e.featureDim(), e.countWith1000Classes())));
	}

	private static void checkArchitecture(String name, int featureDim, long expectedWith1000Classes) {
		Backbone backbone = Backbones.create(name);
		assertEquals(name, backbone.name());
		assertEquals(featureDim, backbone.featureDim());
		try (NDManager manager = NDManager.newBaseManager()) {
			Classifier withImageNetHead = new Classifier(backbone, 1000);
			Blocks.initialize(withImageNetHead, manager, 7, new Shape(1, 1, 32, 32));
			assertEquals(expectedWith1000Classes, Blocks.countLearnableParameters(withImageNetHead));
			// a different image size than at initialization, in both modes
			for (boolean training : new boolean[] { false, true }) {
				try (NDManager sub = manager.newSubManager()) {
					NDArray x = sub.randomUniform(0, 1, new Shape(2, 1, 40, 48));
					NDArray f = backbone.block().forward(new ParameterStore(sub, false), new NDList(x), training)
						.singletonOrThrow();
					assertEquals(new Shape(2, featureDim), f.getShape());
					assertTrue(f.isInfinite().logicalOr(f.isNaN()).none().getBoolean(), "finite features");
					// ReLU precedes the pooling in all of them
					assertTrue(f.min().getFloat() >= 0);
				}
			}
		}
	}

	@Test
	void narrowWidthIsConfigurable() {
		Backbone b = Backbones.create("ResNet18-Narrow-32");
		assertEquals("resnet18-narrow-32", b.name());
		assertEquals(256, b.featureDim());
		assertEquals("resnet18-narrow", Backbones.narrowResNet18(Backbones.DEFAULT_NARROW_WIDTH).name());
		try (NDManager manager = NDManager.newBaseManager()) {
			Classifier c = new Classifier(b, 1000);
			Blocks.initialize(c, manager, 1, new Shape(1, 1, 32, 32));
			assertEquals(narrowResNet18Count(32), Blocks.countLearnableParameters(c));
		}
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> Backbones.create("resnet18-narrow-wide"));
		assertTrue(e.getMessage().contains("wide"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Backbones.create("resnet18-narrow-0"));
	}

	@Test
	void unknownNameListsTheValidOnes() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backbones.create("vgg16"));
		assertTrue(e.getMessage().contains("vgg16"), e.getMessage());
		for (String valid : Backbones.NAMES)
			assertTrue(e.getMessage().contains(valid), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Backbones.create(null));
	}
}
