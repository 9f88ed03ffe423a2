package io.github.supcam.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.pytorch.jni.JniUtils;
import io.github.supcam.util.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Parameter housekeeping for DJL blocks: seeded initialization, counting, copying and momentum (EMA) updates between
 * two blocks of the same architecture, and saving/loading to files tagged with their architecture.
 *
 * <p>Copies and updates are in place and record no gradients: they work on detached views that share the
 * parameters' storage, so they are safe even on a thread where PyTorch's grad mode is on. Call them outside a
 * {@code GradientCollector}'s forward/backward, e.g. after the optimizer step.
 */
public final class Blocks {
	private Blocks() {}

	private static final String MAGIC = "SupCAM parameters";
	private static final int FORMAT = 1;
	private static final NDIndex ALL = new NDIndex("...");

	/**
	 * Initializes all not yet initialized parameters of {@code block} for 1-channel inputs, after seeding the
	 * engine's random generator so the same seed gives the same values. Parameter shapes depend only on the channel
	 * counts, so a small {@code inputShape} such as (1, 1, 32, 32) initializes a block that later runs on any image
	 * size. The engine's seed is process-wide: do not initialize concurrently.
	 */
	public static void initialize(Block block, NDManager manager, int seed, Shape inputShape) {
		manager.getEngine().setRandomSeed(seed);
		block.initialize(manager, DataType.FLOAT32, inputShape);
	}

	/** True for BatchNorm running mean/variance: state updated by forward passes, not by the optimizer. */
	public static boolean isRunningStatistic(Parameter p) {
		return p.getType() == Parameter.Type.RUNNING_MEAN || p.getType() == Parameter.Type.RUNNING_VAR;
	}

	/**
	 * Number of learnable values (weights, biases, BatchNorm gamma and beta; not running statistics), as
	 * {@code sum(p.numel() for p in model.parameters())} counts them in PyTorch. The block must be initialized.
	 */
	public static long countLearnableParameters(Block block) {
		long n = 0;
		for (Parameter p : block.getParameters().values()) {
			if (isRunningStatistic(p)) continue;
			if (p.getShape() == null) throw new IllegalStateException("Parameter " + p.getName() +
				" has no shape yet; initialize the block first");
			n += p.getShape().size();
		}
		return n;
	}

	/** Sets every parameter of {@code to}, running statistics included, to the value of {@code from}. */
	public static void copyParameters(Block from, Block to) {
		forEachPair(from, to, false, (src, dst) -> dst.set(ALL, src));
	}

	/**
	 * MoCo's key encoder update {@code key ← m·key + (1−m)·query} on every learnable parameter. Running statistics
	 * are left alone, as in MoCo: the key encoder's BatchNorm keeps its own, updated by its forward passes in training
	 * mode.
	 *
	 * @param m momentum in [0, 1]; 1 keeps the key encoder unchanged, 0 copies the query encoder
	 */
	public static void momentumUpdate(Block query, Block key, double m) {
		if (!(m >= 0 && m <= 1)) throw new IllegalArgumentException("Momentum must be in [0, 1], got " + m);
		float keep = (float) m;
		float take = (float) (1 - m);
		forEachPair(query, key, true, (q, k) -> k.muli(keep).addi(q.mul(take)));
	}

	/** Applies {@code op(src, dst)} to detached views of matching parameters; {@code dst} is changed in place. */
	private static void forEachPair(Block from, Block to, boolean learnableOnly, BiConsumer<NDArray, NDArray> op) {
		ParameterList src = from.getParameters();
		ParameterList dst = to.getParameters();
		if (src.size() != dst.size()) throw new IllegalArgumentException("Blocks differ in architecture: " +
			src.size() + " vs " + dst.size() + " parameters");
		for (int i = 0; i < src.size(); i++) {
			Parameter s = src.valueAt(i);
			if (learnableOnly && isRunningStatistic(s)) continue;
			NDArray sa = s.getArray();
			NDArray da = dst.valueAt(i).getArray();
			if (!src.keyAt(i).equals(dst.keyAt(i)) || !sa.getShape().equals(da.getShape()))
				throw new IllegalArgumentException("Blocks differ in architecture at parameter " + i + ": " +
					src.keyAt(i) + sa.getShape() + " vs " + dst.keyAt(i) + da.getShape());
			// detach() shares storage, so in-place ops on the views change the parameters without autograd
			try (NDManager scratch = da.getManager().newSubManager()) {
				NDArray sv = sa.stopGradient();
				NDArray dv = da.stopGradient();
				sv.attach(scratch);
				dv.attach(scratch);
				op.accept(sv, dv);
			}
		}
	}

	/**
	 * Turns PyTorch's gradient recording off for the calling thread. Grad mode is per thread and on by default; DJL
	 * turns it off only on the thread that loaded the engine, and a {@code GradientCollector} turns it on only while
	 * open. Call this first on any other thread that runs forward passes (a Fiji command's thread, a pool worker) so
	 * that inference builds no autograd graph.
	 */
	public static void disableGradientRecordingOnThisThread() {
		JniUtils.setGradMode(false);
	}

	/** Saves a backbone's parameters to {@code file} (atomically), tagged with the backbone's name. */
	public static void saveBackbone(Backbone backbone, Path file) throws IOException {
		saveParameters(backbone.block(), backbone.name(), file);
	}

	/**
	 * Loads parameters saved by {@link #saveBackbone} into {@code backbone}, whose name must match the file's.
	 * The arrays are created in {@code manager}.
	 */
	public static void loadBackbone(Backbone backbone, NDManager manager, Path file) throws IOException {
		loadParameters(backbone.block(), backbone.name(), manager, file);
	}

	/**
	 * Saves all parameters of an initialized {@code block} (running statistics included) to {@code file}
	 * (atomically), after a header naming {@code architecture} so loading into another architecture fails clearly.
	 */
	public static void saveParameters(Block block, String architecture, Path file) throws IOException {
		AtomicFiles.write(file, out -> {
			DataOutputStream dos = new DataOutputStream(new BufferedOutputStream(out));
			dos.writeUTF(MAGIC);
			dos.writeInt(FORMAT);
			dos.writeUTF(architecture);
			block.saveParameters(dos);
			dos.flush();
		});
	}

	/**
	 * Loads parameters saved by {@link #saveParameters} for the same {@code architecture} into {@code block}, in new
	 * arrays of {@code manager}; the arrays they replace are closed. A {@code ParameterStore} (a Trainer's included)
	 * caches parameter arrays on first use, so load before creating one.
	 */
	public static void loadParameters(Block block, String architecture, NDManager manager, Path file)
		throws IOException {
		try (DataInputStream dis = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
			String magic;
			int format;
			try {
				magic = dis.readUTF();
				format = dis.readInt();
			} catch (IOException e) {
				magic = null;
				format = -1;
			}
			if (!MAGIC.equals(magic)) throw new IllegalArgumentException(file + " is not a SupCAM parameter file");
			if (format != FORMAT) throw new IllegalArgumentException(file + " has unsupported format version " + format);
			String saved = dis.readUTF();
			if (!saved.equals(architecture)) throw new IllegalArgumentException(file + " holds parameters of " + saved +
				", not of " + architecture);
			List<NDArray> replaced = new ArrayList<>();
			for (Parameter p : block.getParameters().values())
				if (p.isInitialized()) replaced.add(p.getArray());
			block.loadParameters(manager, dis);
			replaced.forEach(NDArray::close);
		} catch (MalformedModelException e) {
			throw new IOException(file + " is damaged: " + e.getMessage(), e);
		}
	}
}
