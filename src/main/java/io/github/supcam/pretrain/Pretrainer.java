package io.github.supcam.pretrain;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.supcam.compose.CompositionResult;
import io.github.supcam.compose.CompositionSettings;
import io.github.supcam.compose.Composer;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.dataset.ImageCache;
import io.github.supcam.dataset.SplitManifest;
import io.github.supcam.image.Degradation;
import io.github.supcam.image.FloatTransforms;
import io.github.supcam.model.ModelInfo;
import io.github.supcam.model.ModelPackage;
import io.github.supcam.model.TrainingLog;
import io.github.supcam.model.Preprocessor;
import io.github.supcam.nn.Backbones;
import io.github.supcam.nn.Blocks;
import io.github.supcam.nn.Devices;
import io.github.supcam.nn.Encoder;
import io.github.supcam.nn.Sgd;
import io.github.supcam.nn.TrainingFailure;
import io.github.supcam.nn.TrainingRun;
import io.github.supcam.util.Json;
import io.github.supcam.util.Progress;
import org.apache.commons.math3.random.RandomGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * SupCAM's first step (paper §2.1.1): supervised contrastive pretraining of a query encoder fq against a momentum
 * key encoder fk and a labelled FIFO queue of keys. Per primary image three views are made: two category-invariant
 * augmentations x_q, x_k and a category-variant composition x_g with its new label. The loss is SupCon over the
 * keys plus the self-margin loss between each query and its own key. Reads only the images it is given (the
 * training split).
 */
public final class Pretrainer {
	private final PretrainSettings settings;
	private final Progress progress;
	private final Consumer<String> log;
	private Consumer<TrainingLog> onEpoch;

	/** Receives the training history after every epoch, e.g. to redraw a loss plot. */
	public Pretrainer onEpoch(Consumer<TrainingLog> listener) {
		this.onEpoch = listener;
		return this;
	}

	public Pretrainer(PretrainSettings settings, Progress progress, Consumer<String> log) {
		this.settings = settings;
		this.progress = progress;
		this.log = log;
	}

	/** The three views of one batch, as flat float arrays ready for the network. */
	record Views(float[] query, float[] key, float[] composed, long[] labels, long[] composedLabels, int size) {}

	/**
	 * Pretrains on {@code train} and writes an encoder package to {@code output}. With {@code resume}, continues
	 * from the checkpoint an interrupted run left beside the output; the result equals an uninterrupted run's.
	 */
	public ModelPackage run(ImageCache train, SplitManifest split, Path output, boolean resume) throws IOException {
		train.requireClasses("training split", List.of());
		PretrainSettings s = settings;
		int n = train.size();
		int batch = Math.min(s.batchSize(), n);
		int steps = n / batch;
		int size = s.preprocess().inputSize();
		Preprocessor preprocessor = new Preprocessor(s.preprocess());
		CompositionSettings comp = s.composition().withPolarity(train.polarity(), train.polarity().defaultBackground());
		PretrainLoss loss = new PretrainLoss(s.loss());
		LearningRateSchedule schedule = s.schedule();
		Device device = Devices.select(s.device());
		log.accept("Pretraining " + s.backbone() + " on " + n + " images, " + steps + " steps/epoch, " +
			Devices.describe(device) + (s.degradation().enabled() ? "; " + s.degradation() : ""));

		TrainingRun run = new TrainingRun("pretrain", output, Json.GSON.toJsonTree(s), resume, log, onEpoch);
		try (NDManager root = NDManager.newBaseManager(device);
			TrainingRun.Loader<Views> loader = new TrainingRun.Loader<>(s.loaderThreads()))
		{
			Blocks.disableGradientRecordingOnThisThread();
			Encoder fq = new Encoder(Backbones.create(s.backbone()), s.loss().embeddingDim());
			Encoder fk = new Encoder(Backbones.create(s.backbone()), s.loss().embeddingDim());
			Shape init = new Shape(2, 1, size, size);
			Blocks.initialize(fq, root, (int) s.seed(), init);
			Blocks.initialize(fk, root, (int) s.seed(), init);
			Blocks.copyParameters(fq, fk);
			ParameterStore ps = new ParameterStore(root, false);
			LabelledQueue queue = new LabelledQueue(s.loss().queueSize(), s.loss().embeddingDim());
			ClusterCentres centres = new ClusterCentres(ClusterType.values().length, s.loss().embeddingDim(),
				s.loss().centreMomentum());
			boolean clusterMargin = s.loss().marginEnabled() &&
				s.loss().marginKind() == PretrainLossSettings.MarginKind.CLUSTER;
			// Parametric margin: learned class centres after the FC layer, trained with the query encoder.
			Parameter centreWeights = null;
			if (s.loss().marginEnabled() && s.loss().marginKind() == PretrainLossSettings.MarginKind.PARAMETRIC) {
				centreWeights = Parameter.builder().setName("classCentres").setType(Parameter.Type.WEIGHT)
					.optShape(new Shape(ClusterType.values().length, s.loss().embeddingDim()))
					.optInitializer(new NormalInitializer(0.1f)).build();
				centreWeights.initialize(root, DataType.FLOAT32);
			}
			Parameter learned = centreWeights;
			List<Parameter> optimised = new java.util.ArrayList<>(fq.getParameters().values());
			if (learned != null) optimised.add(learned);
			String arch = "encoder:" + s.backbone();

			try (Sgd sgd = new Sgd(optimised, s.momentum(), s.weightDecay(), root)) {
				TrainingRun.State state = run.start(dir -> {
					Blocks.loadParameters(fq, arch, root, dir.resolve("fq.params"));
					Blocks.loadParameters(fk, arch, root, dir.resolve("fk.params"));
					sgd.loadState(Files.readAllBytes(dir.resolve("sgd.bin")));
					QueueFile.read(dir.resolve("queue.bin"), queue);
					if (clusterMargin) try (var in = new java.io.DataInputStream(Files.newInputStream(dir.resolve("centres.bin")))) {
						centres.readFrom(in);
					}
					if (learned != null) learned.getArray().set(new NDIndex("..."),
						NDList.decode(root, Files.readAllBytes(dir.resolve("centres.bin"))).singletonOrThrow());
				});
				TrainingRun.Saver saver = dir -> {
					Blocks.saveParameters(fq, arch, dir.resolve("fq.params"));
					Blocks.saveParameters(fk, arch, dir.resolve("fk.params"));
					Files.write(dir.resolve("sgd.bin"), sgd.saveState());
					QueueFile.write(dir.resolve("queue.bin"), queue);
					if (learned != null) Files.write(dir.resolve("centres.bin"), new NDList(learned.getArray()).encode());
					if (clusterMargin) try (var out = new java.io.DataOutputStream(Files.newOutputStream(dir.resolve(
						"centres.bin")))) {
						centres.writeTo(out);
					}
				};
				for (int epoch = state.epoch(); epoch < s.epochs(); epoch++) {
					int[] order = TrainingRun.permutation(s.seed(), epoch, n);
					final int e = epoch;
					loader.prefetch(state.step(), steps, st -> views(train, preprocessor, comp, order, e, st, batch));
					for (int step = state.step(); step < steps; step++) {
						if (progress.isCancelled()) run.stop(state.at(epoch, step), saver);
						Views v = loader.next();
						double lr = schedule.lr(epoch, step, steps);
						float value;
						try (NDManager sm = root.newSubManager()) {
							NDArray classCentres = learned != null ? learned.getArray() : clusterMargin ?
								centres.centres(sm) : null;
							value = step(sm, ps, fq, fk, loss, queue, classCentres, v, size, lr, sgd, epoch, step);
						} catch (TrainingFailure f) {
							throw f;
						} catch (RuntimeException | OutOfMemoryError ex) {
							throw TrainingFailure.translate(ex, batch, size);
						}
						if (clusterMargin) centres.update(queue);
						state = state.afterStep(value, lr);
						progress.update((long) epoch * steps + step + 1, (long) s.epochs() * steps,
							String.format(java.util.Locale.ROOT, "pretrain epoch %d/%d loss %.4f", epoch + 1,
								s.epochs(), value));
					}
					state = run.endEpoch(state, s.epochs(), saver);
				}
				return run.finish(encoderInfo(split.sha256()), dir ->
					Blocks.saveParameters(fq, arch, dir.resolve(ModelPackage.WEIGHTS)),
					dir -> split.write(dir.resolve(ModelPackage.SPLIT_CSV)));
			}
		}
	}

	private float step(NDManager sm, ParameterStore ps, Encoder fq, Encoder fk, PretrainLoss loss,
		LabelledQueue queue, NDArray centres, Views v, int size, double lr, Sgd sgd, int epoch, int step)
	{
		int b = v.labels().length;
		Shape shape = new Shape(b, 1, size, size);
		NDArray xq = sm.create(v.query(), shape);
		NDArray xk = sm.create(v.key(), shape);
		long[] keyLabels = v.labels();
		// MoCo: the key encoder follows the query encoder before the keys are computed.
		Blocks.momentumUpdate(fq, fk, settings.loss().keyMomentum());
		NDArray keyInput = xk;
		if (v.composed() != null) {
			keyInput = NDArrays.concat(new NDList(xk, sm.create(v.composed(), shape)));
			keyLabels = concat(v.labels(), v.composedLabels());
		}
		NDArray keys = fk.forward(ps, new NDList(keyInput), true).singletonOrThrow();
		PretrainLoss.ContrastSet set = PretrainLoss.ContrastSet.of(keys, keyLabels, b, queue, sm);
		float value;
		try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
			NDArray q = fq.forward(ps, new NDList(xq), true).singletonOrThrow();
			PretrainLoss.Terms t = loss.compute(q, set, sm.create(v.labels()), centres);
			value = TrainingFailure.requireFinite(t.total(), epoch, step,
				"a smaller margin (the paper saw divergence at m = 0.5), a lower learning rate or a larger batch");
			gc.backward(t.total());
		}
		sgd.step(lr);
		queue.enqueue(keys, keyLabels);
		return value;
	}

	/** The views of one step; deterministic in (seed, epoch, step), whichever thread computes them. */
	private Views views(ImageCache train, Preprocessor preprocessor, CompositionSettings comp, int[] order, int epoch,
		int step, int batch)
	{
		int size = settings.preprocess().inputSize();
		int px = size * size;
		float[] xq = new float[batch * px], xk = new float[batch * px];
		float[] xg = settings.useComposition() ? new float[batch * px] : null;
		long[] y = new long[batch], yg = new long[batch];
		IntStream.range(0, batch).parallel().forEach(j -> {
			RandomGenerator rng = TrainingRun.rng(settings.seed(), epoch, step, j);
			ImageCache.Entry p = train.get(order[step * batch + j]);
			y[j] = p.image().label().ordinal();
			double crop = settings.cropScaleMin();
			double noise = settings.noise();
			Degradation d = settings.degradation();
			System.arraycopy(FloatTransforms.addNoise(FloatTransforms.randomResizedCropFlip(p.input(d, preprocessor,
				rng), size, crop, rng), noise, rng), 0, xq, j * px, px);
			System.arraycopy(FloatTransforms.addNoise(FloatTransforms.randomResizedCropFlip(p.input(d, preprocessor,
				rng), size, crop, rng), noise, rng), 0, xk, j * px, px);
			if (xg == null) return;
			ImageCache.Entry c = train.get(rng.nextInt(train.size()));
			CompositionResult r = new Composer(comp, rng).compose(p.canvas(), p.image().label(), c.canvas(),
				c.image().label());
			float[] g = r.source() == CompositionResult.Source.CANDIDATE ? c.input() :
				preprocessor.apply(r.image()).data();
			yg[j] = r.label().ordinal();
			System.arraycopy(FloatTransforms.addNoise(FloatTransforms.randomResizedCropFlip(g, size, crop, rng), noise,
				rng), 0, xg, j * px, px);
		});
		return new Views(xq, xk, xg, y, yg, size);
	}

	private ModelInfo encoderInfo(String manifestHash) {
		return new ModelInfo(ModelInfo.FORMAT_VERSION, ModelInfo.ENCODER, settings.backbone(),
			settings.loss().embeddingDim(), Arrays.stream(ClusterType.values()).map(ClusterType::folderName).toList(),
			settings.preprocess(), Json.GSON.toJsonTree(settings), settings.seed(), manifestHash, null, 0,
			io.github.supcam.Version.get(), Engine.getDjlVersion(), Engine.getInstance().getVersion());
	}

	private static long[] concat(long[] a, long[] b) {
		long[] r = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, r, a.length, b.length);
		return r;
	}
}
