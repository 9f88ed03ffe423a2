package io.github.supcam.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.List;
import java.util.Locale;

/**
 * Standard CNN backbones for 1-channel images, laid out as in torchvision (ResNet v1.5 with the stride on the 3x3
 * convolution, ResNeXt, DenseNet-BC), without their classification heads. Each ends in global average pooling.
 * With torchvision's 1000-class head added, the learnable parameter counts equal torchvision's minus the two
 * dropped input channels of the stem convolution.
 */
public final class Backbones {
	private Backbones() {}

	/** Base width of {@code resnet18-narrow} when no width is given. */
	public static final int DEFAULT_NARROW_WIDTH = 16;

	private static final String NARROW = "resnet18-narrow";

	/** Names accepted by {@link #create(String)}; {@code resnet18-narrow-<width>} picks another base width. */
	public static final List<String> NAMES = List.of("resnet18", "resnet34", "resnet50", "resnet101",
		"resnext101_32x8d", "densenet121", NARROW);

	/**
	 * Creates an uninitialized backbone by name (case-insensitive): one of {@link #NAMES}, or
	 * {@code resnet18-narrow-<width>} for a ResNet-18 whose first stage has {@code width} channels instead of 64.
	 */
	public static Backbone create(String name) {
		if (name == null) throw new IllegalArgumentException("Backbone name is missing; valid names: " + NAMES);
		String n = name.trim().toLowerCase(Locale.ROOT);
		switch (n) {
			case "resnet18": return resNet(n, false, new int[] { 2, 2, 2, 2 }, 64, 1, 64);
			case "resnet34": return resNet(n, false, new int[] { 3, 4, 6, 3 }, 64, 1, 64);
			case "resnet50": return resNet(n, true, new int[] { 3, 4, 6, 3 }, 64, 1, 64);
			case "resnet101": return resNet(n, true, new int[] { 3, 4, 23, 3 }, 64, 1, 64);
			case "resnext101_32x8d": return resNet(n, true, new int[] { 3, 4, 23, 3 }, 64, 32, 8);
			case "densenet121": return denseNet(n, 32, new int[] { 6, 12, 24, 16 }, 64, 4);
			case NARROW: return narrowResNet18(DEFAULT_NARROW_WIDTH);
			default:
		}
		if (n.startsWith(NARROW + "-")) {
			String w = n.substring(NARROW.length() + 1);
			try {
				return narrowResNet18(Integer.parseInt(w));
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("Backbone '" + name + "': width '" + w + "' is not a whole number");
			}
		}
		throw new IllegalArgumentException("Unknown backbone '" + name + "'; valid names: " + String.join(", ",
			NAMES) + " (or " + NARROW + "-<width>)");
	}

	/**
	 * The canonical spelling of a backbone name, e.g. {@code ResNet18-Narrow-16} gives {@code resnet18-narrow}.
	 *
	 * @throws IllegalArgumentException for an unknown name, listing the valid ones
	 */
	public static String canonicalName(String name) {
		return create(name).name();
	}

	/** ResNet-18 with base width {@code width} (64 is the standard ResNet-18); feature dimension {@code 8*width}. */
	public static Backbone narrowResNet18(int width) {
		if (width < 1 || width > 64) throw new IllegalArgumentException("Narrow ResNet-18 width must be 1..64, got " +
			width);
		String name = width == DEFAULT_NARROW_WIDTH ? NARROW : NARROW + "-" + width;
		return resNet(name, false, new int[] { 2, 2, 2, 2 }, width, 1, 64);
	}

	/**
	 * torchvision's ResNet: stem conv7x7/2 + BN + ReLU + maxpool3x3/2, four stages of {@code planes = base·2^i}
	 * with strides 1,2,2,2. Bottleneck width is {@code planes·widthPerGroup/64·groups}; the projection shortcut is
	 * conv1x1+BN wherever the shape changes.
	 */
	private static Backbone resNet(String name, boolean bottleneck, int[] layers, int base, int groups,
		int widthPerGroup) {
		int expansion = bottleneck ? 4 : 1;
		ai.djl.nn.SequentialBlock net = new SequentialBlock().addAll(conv(base, 7, 2, 3, 1), bn(), relu(), maxPool());
		int in = base;
		for (int stage = 0; stage < layers.length; stage++) {
			int planes = base << stage;
			for (int b = 0; b < layers[stage]; b++) {
				int stride = stage > 0 && b == 0 ? 2 : 1;
				int out = planes * expansion;
				Block main = bottleneck ? bottleneckBlock(planes, out, stride, groups, widthPerGroup)
					: basicBlock(planes, stride);
				Block shortcut = stride != 1 || in != out ? new SequentialBlock().addAll(conv(out, 1, stride, 0, 1), bn())
					: identity();
				net.add(new ParallelBlock(Backbones::addRelu, List.of(main, shortcut)));
				in = out;
			}
		}
		net.add(Pool.globalAvgPool2dBlock());
		// torchvision: kaiming_normal_(mode="fan_out", nonlinearity="relu") on every convolution
		net.setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
			XavierInitializer.FactorType.OUT, 2), Parameter.Type.WEIGHT);
		return new Backbone(name, net, in);
	}

	private static Block basicBlock(int planes, int stride) {
		return new SequentialBlock().addAll(conv(planes, 3, stride, 1, 1), bn(), relu(), conv(planes, 3, 1, 1, 1), bn());
	}

	private static Block bottleneckBlock(int planes, int out, int stride, int groups, int widthPerGroup) {
		int width = planes * widthPerGroup / 64 * groups;
		return new SequentialBlock().addAll(conv(width, 1, 1, 0, 1), bn(), relu(), conv(width, 3, stride, 1, groups),
			bn(), relu(), conv(out, 1, 1, 0, 1), bn());
	}

	private static NDList addRelu(List<NDList> branches) {
		// the main branch's output and the sum are not needed by backward (see SequentialBlock below); the shortcut
		// may be the block's input, which its caller releases. Not main.addi(shortcut) as torchvision's "out +=
		// identity": DJL's BatchNorm returns a transpose view, and an in-place op on a view makes autograd copy the
		// activation ~3 times per block in backward (CopySlices; docs/benchmarks.md)
		NDArray main = branches.get(0).singletonOrThrow();
		NDArray sum = main.add(branches.get(1).singletonOrThrow());
		NDArray out = Activation.relu(sum);
		sum.close();
		main.close();
		return new NDList(out);
	}

	/**
	 * torchvision's DenseNet-BC: stem as ResNet, dense blocks of BN-ReLU-conv1x1(bnSize·growth)-BN-ReLU-conv3x3(growth)
	 * layers whose outputs are concatenated to their inputs, transitions BN-ReLU-conv1x1(half)-avgpool2x2 between
	 * blocks, and a final BN-ReLU.
	 */
	private static Backbone denseNet(String name, int growth, int[] blocks, int stemWidth, int bnSize) {
		ai.djl.nn.SequentialBlock net = new SequentialBlock().addAll(conv(stemWidth, 7, 2, 3, 1), bn(), relu(), maxPool());
		int channels = stemWidth;
		for (int i = 0; i < blocks.length; i++) {
			for (int l = 0; l < blocks[i]; l++) {
				Block layer = new SequentialBlock().addAll(bn(), relu(), conv(bnSize * growth, 1, 1, 0, 1), bn(), relu(),
					conv(growth, 3, 1, 1, 1));
				net.add(new ParallelBlock(Backbones::concatChannels, List.of(identity(), layer)));
				channels += growth;
			}
			if (i < blocks.length - 1) {
				channels /= 2;
				net.addAll(bn(), relu(), conv(channels, 1, 1, 0, 1), Pool.avgPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
			}
		}
		net.addAll(bn(), relu(), Pool.globalAvgPool2dBlock());
		return new Backbone(name, net, channels);
	}

	private static NDList concatChannels(List<NDList> branches) {
		NDArray a = branches.get(0).singletonOrThrow();
		return new NDList(NDArrays.concat(new NDList(a, branches.get(1).singletonOrThrow()), 1));
	}

	private static Block conv(int filters, int kernel, int stride, int padding, int groups) {
		return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
			.optStride(new Shape(stride, stride)).optPadding(new Shape(padding, padding)).optGroups(groups).optBias(false)
			.build();
	}

	private static Block bn() {
		// PyTorch defaults: eps 1e-5, running average momentum 0.1 (DJL's 0.9 is the weight of the old value)
		return BatchNorm.builder().build();
	}

	private static Block relu() {
		return Activation.reluBlock();
	}

	private static Block maxPool() {
		return Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1));
	}

	private static Block identity() {
		return new LambdaBlock(x -> x);
	}

	/**
	 * DJL's sequential block, but each intermediate output is closed once the next layer has consumed it. Autograd
	 * keeps its own references to what backward needs, so this frees only what PyTorch frees in eager mode; without
	 * it every intermediate lives until the step's sub-manager closes, which made a training step's peak memory
	 * ~1.5x PyTorch's. Named like DJL's class so that parameter names, and thus saved files, are unchanged.
	 */
	static final class SequentialBlock extends ai.djl.nn.SequentialBlock {
		@Override
		protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
			PairList<String, Object> params)
		{
			NDList current = inputs;
			for (Block block : children.values()) {
				NDList next = block.forward(ps, current, training);
				if (current != inputs) for (NDArray a : current) if (next.stream().noneMatch(b -> b == a)) a.close();
				current = next;
			}
			return current;
		}
	}
}
