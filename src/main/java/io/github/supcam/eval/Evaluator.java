package io.github.supcam.eval;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.dataset.Dataset;
import io.github.supcam.dataset.DatasetOptions;
import io.github.supcam.dataset.DatasetReader;
import io.github.supcam.dataset.ImageCache;
import io.github.supcam.dataset.LabelledImage;
import io.github.supcam.dataset.Split;
import io.github.supcam.dataset.SplitManifest;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.model.ClusterModel;
import io.github.supcam.model.Inference;
import io.github.supcam.model.ModelPackage;
import io.github.supcam.util.AtomicFiles;
import io.github.supcam.util.Progress;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Evaluates a classifier package on labelled images: predictions, metrics with a bootstrap interval on accuracy,
 * the confusion-matrix figure (paper Figure 7) and the most confident misclassifications (paper Figure 8).
 */
public final class Evaluator {
	private Evaluator() {}

	public static final String PREDICTIONS_CSV = "predictions.csv";
	public static final String MISCLASSIFICATIONS_PNG = "misclassifications.png";
	/** Inference batch size; small enough for CPU memory with 224-pixel input. */
	private static final int BATCH = 32;
	/** Size of the cached canvases; the montage reloads its few images at full size, so this can stay small. */
	private static final int CACHE_CANVAS = 32;

	/**
	 * What to evaluate on and how.
	 *
	 * @param data dataset folder (class-named or ChrCluster numeric layout)
	 * @param model classifier package (folder or zip)
	 * @param images {@code test} (the test part of the model's own split.csv), {@code all} (every image of the
	 *   dataset), or the path of a split manifest whose test part is used
	 * @param device auto, cpu or gpu
	 * @param tta average the probabilities over the 8 flips and quarter turns of each image
	 * @param bootstrap settings of the confidence interval on accuracy
	 */
	public record Request(Path data, Path model, String images, String device, boolean tta,
		BootstrapSettings bootstrap)
	{
		public Request {
			Objects.requireNonNull(data, "data");
			Objects.requireNonNull(model, "model");
			if (images == null || images.isBlank()) images = "test";
			if (device == null) device = "auto";
			if (bootstrap == null) bootstrap = BootstrapSettings.defaults();
		}

		/** The test part of the model's split, on the auto device, without test-time augmentation. */
		public static Request of(Path data, Path model) {
			return new Request(data, model, "test", "auto", false, BootstrapSettings.defaults());
		}

		public Request withImages(String which) {
			return new Request(data, model, which, device, tta, bootstrap);
		}

		public Request withDevice(String d) {
			return new Request(data, model, images, d, tta, bootstrap);
		}

		public Request withTta(boolean t) {
			return new Request(data, model, images, device, t, bootstrap);
		}
	}

	/** One evaluated image: its true class, the predicted class and the probabilities in class order. */
	public record Prediction(LabelledImage image, ClusterType predicted, double[] probabilities) {
		public Prediction {
			probabilities = probabilities.clone();
		}

		@Override
		public double[] probabilities() {
			return probabilities.clone();
		}

		public double confidence() {
			return probabilities[predicted.ordinal()];
		}
	}

	/**
	 * The outcome.
	 *
	 * @param report metrics and confidence interval
	 * @param predictions one per readable image, in dataset order
	 * @param problems one line per skipped input: unreadable images, files and folders of the dataset not used
	 * @param confusion the confusion-matrix figure
	 * @param misclassifications the montage of the most confident misclassifications
	 */
	public record Result(MetricsReport report, List<Prediction> predictions, List<String> problems,
		BufferedImage confusion, BufferedImage misclassifications)
	{
		public Result {
			predictions = List.copyOf(predictions);
			problems = List.copyOf(problems);
		}
	}

	/** Runs the evaluation and writes every output file into {@code output} (refused if not empty). */
	public static Result run(Request request, Path output, boolean overwrite, Progress progress, Consumer<String> log)
		throws IOException
	{
		AtomicFiles.prepareOutputDir(output, overwrite);
		Result r = evaluate(request, progress, log);
		write(r, output);
		log.accept("Accuracy " + Metrics.format(r.report().metrics().accuracy()) + "% (" +
			r.report().accuracyCi().format() + ") on " + r.predictions().size() + " images; report in " + output);
		return r;
	}

	/** Runs the evaluation without writing anything. */
	public static Result evaluate(Request request, Progress progress, Consumer<String> log) throws IOException {
		List<String> skipped = new ArrayList<>();
		List<LabelledImage> images = select(request, p -> {
			skipped.add(p);
			log.accept("Skipped: " + p);
		});
		if (images.isEmpty()) throw new IllegalArgumentException("No image to evaluate in " + request.data() +
			" (" + request.images() + ")");
		try (ClusterModel model = ClusterModel.load(request.model(), request.device())) {
			ImageCache cache = load(images, request.data(), model, progress, p -> {
				skipped.add(p);
				log.accept("Skipped: " + p);
			});
			List<float[]> inputs = cache.entries().stream().map(ImageCache.Entry::input).toList();
			progress.update(0, 1, "Classifying " + inputs.size() + " images");
			double[][] p = request.tta() ? model.predictAugmented(inputs, BATCH) : model.predict(inputs, BATCH);
			progress.update(1, 1, "Classified " + inputs.size() + " images");
			List<Prediction> predictions = new ArrayList<>(p.length);
			ConfusionMatrix cm = new ConfusionMatrix();
			for (int i = 0; i < p.length; i++) {
				ClusterType predicted = ClusterType.ofIndex(Inference.argmax(p[i]));
				LabelledImage li = cache.get(i).image();
				predictions.add(new Prediction(li, predicted, p[i]));
				cm.add(li.label(), predicted);
			}
			String title = "Model " + request.model().getFileName() + " on " + request.data().getFileName() + " (" +
				describe(request.images()) + (request.tta() ? ", TTA" : "") + ")";
			MetricsReport report = MetricsReport.of(title, cm, request.bootstrap());
			return new Result(report, predictions, skipped, ConfusionMatrixPlot.render(cm, title),
				montage(predictions, title));
		}
	}

	/** The model's inputs for {@code images} of {@code data}; unreadable images are logged and skipped. */
	static ImageCache load(List<LabelledImage> images, Path data, ClusterModel model, Progress progress,
		Consumer<String> skipped)
	{
		ImageCache cache = ImageCache.load(images, CACHE_CANVAS, model.preprocessor(), progress);
		cache.problems().forEach(skipped);
		if (cache.size() == 0) throw new IllegalArgumentException("None of the " + images.size() + " images in " +
			data + " could be read");
		return cache;
	}

	/** Writes metrics.json, metrics.md, confusion-matrix.png, misclassifications.png and predictions.csv. */
	public static void write(Result r, Path dir) throws IOException {
		r.report().writeJson(dir.resolve(MetricsReport.JSON_FILE));
		StringBuilder md = new StringBuilder(r.report().toMarkdown());
		if (!r.problems().isEmpty()) {
			md.append("\n## Skipped images\n\n");
			r.problems().forEach(p -> md.append("- ").append(p).append('\n'));
		}
		AtomicFiles.writeString(dir.resolve(MetricsReport.MARKDOWN_FILE), md.toString());
		ImageFiles.writePng(r.confusion(), dir.resolve(MetricsReport.CONFUSION_PNG_FILE));
		ImageFiles.writePng(r.misclassifications(), dir.resolve(MISCLASSIFICATIONS_PNG));
		AtomicFiles.writeString(dir.resolve(PREDICTIONS_CSV), predictionsCsv(r.predictions()));
	}

	/** file, truth, predicted and one probability column per class. */
	static String predictionsCsv(List<Prediction> predictions) throws IOException {
		List<String> header = new ArrayList<>(List.of("file", "truth", "predicted"));
		for (ClusterType t : ClusterType.values()) header.add("p_" + t.folderName());
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
			.setHeader(header.toArray(String[]::new)).get()))
		{
			for (Prediction p : predictions) {
				List<String> row = new ArrayList<>(List.of(p.image().relativePath(), p.image().label().folderName(),
					p.predicted().folderName()));
				for (double v : p.probabilities()) row.add(String.format(Locale.ROOT, "%.6f", v));
				csv.printRecord(row);
			}
		}
		return out.toString();
	}

	private static BufferedImage montage(List<Prediction> predictions, String title) {
		MisclassificationMontage.Layout layout = MisclassificationMontage.Layout.defaults();
		List<Prediction> wrong = predictions.stream().filter(p -> p.predicted() != p.image().label())
			.sorted((a, b) -> Double.compare(b.confidence(), a.confidence())).limit(layout.topN()).toList();
		List<MisclassificationMontage.Item> items = new ArrayList<>();
		for (Prediction p : wrong) {
			try {
				items.add(new MisclassificationMontage.Item(ImageFiles.read(p.image().file()),
					p.image().label().folderName(), p.predicted().folderName(), p.confidence()));
			} catch (IOException e) {
				// It was readable moments ago; a file that vanished since just leaves the montage.
			}
		}
		return MisclassificationMontage.render(items, layout, "Most confident misclassifications: " + title);
	}

	/** The images {@code request.images()} names; {@code skipped} receives each problem of the dataset. */
	static List<LabelledImage> select(Request request, Consumer<String> skipped) throws IOException {
		return select(request.data(), request.model(), request.images(), Split.TEST, skipped);
	}

	/**
	 * The images of {@code data} that {@code which} names: {@code all}, the {@code part} of the model's own
	 * split.csv (when {@code which} is that part's name), or the {@code part} of the split manifest at path
	 * {@code which}; {@code skipped} receives each problem of the dataset.
	 */
	static List<LabelledImage> select(Path data, Path model, String which, Split part, Consumer<String> skipped)
		throws IOException
	{
		Dataset dataset = DatasetReader.read(data, DatasetOptions.defaults().withValidate(false));
		dataset.problems().forEach(skipped);
		String w = which.trim();
		if (w.equalsIgnoreCase("all")) return dataset.images();
		Path manifest;
		if (w.equalsIgnoreCase(part.csvName())) {
			manifest = ModelPackage.open(model).folder().resolve(ModelPackage.SPLIT_CSV);
			if (!Files.isRegularFile(manifest)) throw new IllegalArgumentException("Model " + model +
				" holds no " + ModelPackage.SPLIT_CSV + "; use --split all or --split FILE");
		} else {
			manifest = Path.of(w);
			if (!Files.isRegularFile(manifest)) throw new IllegalArgumentException("--split must be " +
				part.csvName() + ", all or a split manifest file; " + w + " is none of these");
		}
		return SplitManifest.read(manifest, dataset).part(part);
	}

	private static String describe(String images) {
		String w = images.trim();
		if (w.equalsIgnoreCase("all")) return "all images";
		if (w.equalsIgnoreCase("test")) return "test split";
		return "test part of " + Path.of(w).getFileName();
	}
}
