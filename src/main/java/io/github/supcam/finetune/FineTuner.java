package io.github.supcam.finetune;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.dataset.DatasetReader;
import io.github.supcam.dataset.ImageCache;
import io.github.supcam.dataset.SplitManifest;
import io.github.supcam.eval.ConfusionMatrix;
import io.github.supcam.eval.Metrics;
import io.github.supcam.image.Degradation;
import io.github.supcam.image.FloatTransforms;
import io.github.supcam.model.Inference;
import io.github.supcam.model.ModelInfo;
import io.github.supcam.model.ModelPackage;
import io.github.supcam.model.Preprocessor;
import io.github.supcam.model.TrainingLog;
import io.github.supcam.nn.Backbone;
import io.github.supcam.nn.Backbones;
import io.github.supcam.nn.Blocks;
import io.github.supcam.nn.Classifier;
import io.github.supcam.nn.Devices;
import io.github.supcam.nn.Encoder;
import io.github.supcam.nn.Scalars;
import io.github.supcam.nn.Sgd;
import io.github.supcam.nn.TrainingFailure;
import io.github.supcam.nn.TrainingRun;
import io.github.supcam.pretrain.LearningRateSchedule;
import io.github.supcam.util.Json;
import io.github.supcam.util.Progress;
import org.apache.commons.math3.random.RandomGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * SupCAM's second step (paper §2.1.2): a fresh 4-class linear head on the pretrained backbone, trained with
 * RandomRotate augmentation (optionally also random changes of scale, focus and stain, {@link Degradation}) and
 * label-smoothed cross-entropy; the checkpoint with the best validation accuracy is kept. Also trains from scratch
 * or as a linear probe (frozen backbone), the paper's baselines.
 */
public final class FineTuner {
	/** Metrics written to {@code metrics.json}: the kept epoch, and validation and (if given) test metrics. */
	public record Report(int bestEpoch, Metrics validation, Metrics test) {}

	/**
	 * A real cluster of unknown type: its preprocessed input and its chromosome count (0 when not known, which only
	 * {@link FineTuneSettings#twoChromosomePairRule()} needs).
	 */
	public record NotInstanceImage(float[] input, int chromosomes) {}

	private final FineTuneSettings settings;
	private final Progress progress;
	private final Consumer<String> log;
	private Consumer<TrainingLog> onEpoch;

	/**
	 * @param settings as given by the user; with a pretrained package, its backbone and preprocessing replace the
	 *   settings' own (see {@link #effective})
	 */
	/** Receives the training history after every epoch, e.g. to redraw a loss plot. */
	public FineTuner onEpoch(Consumer<TrainingLog> listener) {
		this.onEpoch = listener;
		return this;
	}

	public FineTuner(FineTuneSettings settings, Progress progress, Consumer<String> log) {
		this.settings = settings;
		this.progress = progress;
		this.log = log;
	}

	/** The settings a run really uses: a pretrained encoder fixes the backbone and the preprocessing. */
	public static FineTuneSettings effective(FineTuneSettings s, ModelInfo pretrained) {
		if (s.mode() == FineTuneSettings.Mode.SCRATCH) return s;
		if (pretrained == null) throw new IllegalArgumentException("Mode " + s.mode() +
			" needs a pretrained encoder package (--pretrained)");
		if (!ModelInfo.ENCODER.equals(pretrained.kind())) throw new IllegalArgumentException(
			"The pretrained model must be an encoder package from 'supcam pretrain', not a " + pretrained.kind());
		return s.withBackbone(pretrained.backbone()).withPreprocess(pretrained.preprocess());
	}

	/**
	 * Trains and writes a classifier package to {@code output}. {@code train}, {@code val} and {@code test} must
	 * have been preprocessed with {@code effective(settings, pretrained).preprocess()}; {@code test} (may be null)
	 * is only evaluated, after training. {@code notInstance} holds the real clusters of unknown type that join each
	 * batch when {@link FineTuneSettings#notInstanceFraction()} is above 0 (with the pair rule, each with its
	 * chromosome count).
	 */
	public ModelPackage run(ImageCache train, ImageCache val, ImageCache test, ModelPackage pretrained,
		SplitManifest split, Path output, boolean resume, List<NotInstanceImage> notInstance) throws IOException
	{
		FineTuneSettings s = effective(settings, pretrained == null ? null : pretrained.info());
		train.requireClasses("training split", List.of());
		int n = train.size();
		int batch = Math.min(s.batchSize(), n);
		int steps = n / batch;
		int partial = s.notInstanceFraction() == 0 ? 0 : Math.max(1, (int) Math.round(batch * s.notInstanceFraction()));
		if (partial > 0 && notInstance.isEmpty()) throw new IllegalArgumentException("A not-instance fraction of " +
			s.notInstanceFraction() + " needs real clusters of unknown type in the dataset's '" +
			DatasetReader.NOT_INSTANCE_FOLDER + "' folder; it has none");
		if (partial > 0 && s.twoChromosomePairRule()) for (NotInstanceImage u : notInstance)
			if (u.chromosomes() < 2) throw new IllegalArgumentException("The two-chromosome pair rule needs the " +
				"chromosome count (2 or more) of every not-instance cluster, got " + u.chromosomes());
		int size = s.preprocess().inputSize();
		Preprocessor preprocessor = new Preprocessor(s.preprocess());
		LearningRateSchedule schedule = s.schedule();
		Device device = Devices.select(s.device());
		log.accept("Fine-tuning (" + s.mode().name().toLowerCase(Locale.ROOT) + ") " + s.backbone() + " on " + n +
			" images, " + steps + " steps/epoch, " + Devices.describe(device) + (partial == 0 ? "" : "; " + partial +
			" of " + notInstance.size() + " real clusters of unknown type per batch, as not-instance" +
			(s.twoChromosomePairRule() ? " (those of two chromosomes as touching or overlapping)" : "")) +
			(s.degradation().enabled() ? "; " + s.degradation() : ""));
		String arch = "classifier:" + s.backbone();
		int classes = ClusterType.values().length;

		TrainingRun run = new TrainingRun("finetune", output, Json.GSON.toJsonTree(s), resume, log, onEpoch);
		try (NDManager root = NDManager.newBaseManager(device);
			TrainingRun.Loader<Batch> loader = new TrainingRun.Loader<>(s.loaderThreads()))
		{
			Blocks.disableGradientRecordingOnThisThread();
			Shape init = new Shape(2, 1, size, size);
			Backbone backbone = Backbones.create(s.backbone());
			if (pretrained != null && s.mode() != FineTuneSettings.Mode.SCRATCH) {
				Encoder encoder = new Encoder(backbone, pretrained.info().embeddingDim());
				Blocks.initialize(encoder, root, (int) s.seed(), init);
				Blocks.loadParameters(encoder, "encoder:" + s.backbone(), root, pretrained.weights());
			}
			Classifier clf = new Classifier(backbone, classes);
			Blocks.initialize(clf, root, (int) s.seed(), init);
			boolean probe = s.mode() == FineTuneSettings.Mode.LINEAR_PROBE;
			if (probe) backbone.block().freezeParameters(true);
			ParameterStore ps = new ParameterStore(root, false);
			byte[][] best = { null };

			try (Sgd sgd = new Sgd(clf.getParameters(), s.momentum(), s.weightDecay(), root)) {
				TrainingRun.State state = run.start(dir -> {
					Blocks.loadParameters(clf, arch, root, dir.resolve("model.params"));
					sgd.loadState(Files.readAllBytes(dir.resolve("sgd.bin")));
					Path b = dir.resolve("best.params");
					if (Files.exists(b)) best[0] = Files.readAllBytes(b);
				});
				TrainingRun.Saver saver = dir -> {
					Blocks.saveParameters(clf, arch, dir.resolve("model.params"));
					Files.write(dir.resolve("sgd.bin"), sgd.saveState());
					if (best[0] != null) Files.write(dir.resolve("best.params"), best[0]);
				};
				for (int epoch = state.epoch(); epoch < s.epochs(); epoch++) {
					int[] order = TrainingRun.permutation(s.seed(), epoch, n);
					final int e = epoch;
					int[] extra = partial == 0 ? null : TrainingRun.permutation(s.seed() + 1, epoch, notInstance.size());
					loader.prefetch(state.step(), steps, st -> batch(s, preprocessor, train, order, e, st, batch,
						notInstance, extra, partial));
					for (int step = state.step(); step < steps; step++) {
						if (progress.isCancelled()) run.stop(state.at(epoch, step), saver);
						Batch b = loader.next();
						double lr = schedule.lr(epoch, step, steps);
						float value;
						try (NDManager sm = root.newSubManager()) {
							try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
								NDArray logits = clf.forward(ps, new NDList(sm.create(b.x(), new Shape(b.y().length +
									partial, 1, size, size))), !probe).singletonOrThrow();
								NDArray loss = loss(s, logits, sm.create(b.y()), partial, b.allowed() == null ? null :
									sm.create(b.allowed(), new Shape(partial, classes)));
								value = TrainingFailure.requireFinite(loss, epoch, step,
									"a lower learning rate or a larger batch");
								gc.backward(loss);
							}
							sgd.step(lr);
						} catch (TrainingFailure f) {
							throw f;
						} catch (RuntimeException | OutOfMemoryError ex) {
							throw TrainingFailure.translate(ex, batch, size);
						}
						state = state.afterStep(value, lr);
						progress.update((long) epoch * steps + step + 1, (long) s.epochs() * steps,
							String.format(Locale.ROOT, "fine-tune epoch %d/%d loss %.4f", epoch + 1, s.epochs(), value));
					}
					double acc = val.size() == 0 ? Double.NaN : metrics(evaluate(clf, root, val, size)).accuracy();
					boolean improved = val.size() == 0 || Double.isNaN(state.best()) || acc > state.best();
					if (improved) best[0] = Blocks.toBytes(clf);
					state = run.endEpoch(state, s.epochs(), acc, improved, saver);
				}
				Blocks.fromBytes(clf, root, best[0]);
				int bestEpoch = state.bestEpoch();
				log.accept("Keeping the checkpoint of epoch " + bestEpoch + " (best validation accuracy)");
				Report report = new Report(bestEpoch, val.size() == 0 ? null : metrics(evaluate(clf, root, val, size)),
					test == null || test.size() == 0 ? null : metrics(evaluate(clf, root, test, size)));
				ModelInfo info = new ModelInfo(ModelInfo.FORMAT_VERSION, ModelInfo.CLASSIFIER, s.backbone(), 0,
					Arrays.stream(ClusterType.values()).map(ClusterType::folderName).toList(), s.preprocess(),
					Json.GSON.toJsonTree(s), s.seed(), split.sha256(), null, bestEpoch, io.github.supcam.Version.get(),
					Engine.getDjlVersion(), Engine.getInstance().getVersion());
				return run.finish(info, dir -> Blocks.saveParameters(clf, arch, dir.resolve(ModelPackage.WEIGHTS)),
					dir -> {
						Json.write(dir.resolve(ModelPackage.METRICS_JSON), report);
						split.write(dir.resolve(ModelPackage.SPLIT_CSV));
					});
			}
		}
	}

	/**
	 * Label-smoothed cross-entropy of the labelled rows, plus the weighted {@link NotInstanceLoss} of the last
	 * {@code partial} rows.
	 */
	static NDArray loss(FineTuneSettings s, NDArray logits, NDArray labels, int partial) {
		return loss(s, logits, labels, partial, null);
	}

	/**
	 * As above, but with {@code allowed} (partial×4 booleans; null: "not instance" for every row) the last rows get
	 * the weighted {@link PartialLabelLoss} of their own label sets.
	 */
	static NDArray loss(FineTuneSettings s, NDArray logits, NDArray labels, int partial, NDArray allowed) {
		long labelled = labels.getShape().get(0);
		if (partial == 0) return LabelSmoothingLoss.compute(logits, labels, s.labelSmoothing());
		NDArray ls = LabelSmoothingLoss.compute(logits.get(new NDIndex("0:" + labelled)), labels, s.labelSmoothing());
		NDArray rows = logits.get(new NDIndex(labelled + ":"));
		NDArray ni = allowed == null ? NotInstanceLoss.compute(rows) : PartialLabelLoss.compute(rows, allowed);
		return ls.add(Scalars.mul(ni, s.notInstanceWeight()));
	}

	/**
	 * The pair rule: the types a real cluster of unknown type may have, any but instance, and if it has two
	 * chromosomes, touching or overlapping only (touching-overlapping needs a touching and an overlapping pair).
	 *
	 * @return one flag per {@link ClusterType}, in its order
	 */
	static boolean[] possibleTypes(int chromosomes) {
		boolean[] allowed = new boolean[ClusterType.values().length];
		for (ClusterType t : ClusterType.values()) allowed[t.ordinal()] = t != ClusterType.INSTANCE &&
			!(chromosomes == 2 && t == ClusterType.TOUCHING_OVERLAPPING);
		return allowed;
	}

	/**
	 * One training batch: rotated inputs (the labelled ones, then the not-instance ones), the labels, and with the
	 * pair rule the not-instance rows' possible types (partial×4, else null).
	 */
	record Batch(float[] x, long[] y, boolean[] allowed) {}

	private static Batch batch(FineTuneSettings s, Preprocessor preprocessor, ImageCache train, int[] order,
		int epoch, int step, int batch, List<NotInstanceImage> notInstance, int[] extraOrder, int partial)
	{
		int size = s.preprocess().inputSize();
		int px = size * size;
		int classes = ClusterType.values().length;
		float[] x = new float[(batch + partial) * px];
		long[] y = new long[batch];
		boolean[] allowed = s.twoChromosomePairRule() ? new boolean[partial * classes] : null;
		IntStream.range(0, batch + partial).parallel().forEach(j -> {
			RandomGenerator rng = TrainingRun.rng(s.seed(), epoch, step, j);
			float[] input;
			if (j < batch) {
				ImageCache.Entry e = train.get(order[step * batch + j]);
				y[j] = e.image().label().ordinal();
				input = e.input(s.degradation(), preprocessor, rng);
			} else {
				// cycles through the epoch's permutation of the (usually fewer) unknown-type clusters
				NotInstanceImage u = notInstance.get(extraOrder[(step * partial + j - batch) % extraOrder.length]);
				input = u.input();
				if (allowed != null) System.arraycopy(possibleTypes(u.chromosomes()), 0, allowed,
					(j - batch) * classes, classes);
			}
			System.arraycopy(FloatTransforms.addNoise(FloatTransforms.randomRotate(input, size, s.rotateDegrees(), rng),
				s.noise(), rng), 0, x, j * px, px);
		});
		return new Batch(x, y, allowed);
	}

	/** Truth and prediction per image. */
	private record Evaluation(int[] truth, int[] predicted) {}

	private static Evaluation evaluate(Classifier clf, NDManager root, ImageCache data, int size) {
		List<float[]> inputs = data.entries().stream().map(ImageCache.Entry::input).toList();
		double[][] p = Inference.probabilities(clf, root, inputs, size, 64);
		int[] truth = new int[p.length], pred = new int[p.length];
		for (int i = 0; i < p.length; i++) {
			truth[i] = data.get(i).image().label().ordinal();
			pred[i] = Inference.argmax(p[i]);
		}
		return new Evaluation(truth, pred);
	}

	private static Metrics metrics(Evaluation e) {
		return Metrics.of(ConfusionMatrix.of(e.truth(), e.predicted()));
	}
}
