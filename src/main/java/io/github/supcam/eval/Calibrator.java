package io.github.supcam.eval;

import io.github.supcam.classify.ClassifySettings;
import io.github.supcam.dataset.ImageCache;
import io.github.supcam.dataset.LabelledImage;
import io.github.supcam.dataset.Split;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.model.ClusterModel;
import io.github.supcam.model.ModelInfo;
import io.github.supcam.model.ModelPackage;
import io.github.supcam.util.AtomicFiles;
import io.github.supcam.util.Json;
import io.github.supcam.util.Progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Calibrates a classifier package by temperature scaling on labelled held-out images and writes a new package
 * that differs from the original only in {@code model.json}'s temperature, plus the calibration report
 * ({@value #JSON_FILE}, {@value #MARKDOWN_FILE}, {@value #PNG_FILE}) inside it.
 */
public final class Calibrator {
	private Calibrator() {}

	public static final String JSON_FILE = "calibration.json";
	public static final String MARKDOWN_FILE = "calibration.md";
	public static final String PNG_FILE = "calibration.png";
	private static final int BATCH = 32;

	/**
	 * What to calibrate on.
	 *
	 * @param data labelled dataset folder
	 * @param model classifier package (folder or zip)
	 * @param images {@code val} (the validation part of the model's split.csv), {@code all}, or a split manifest
	 *   file whose validation part is used. Never the test part: the report must stay honest.
	 * @param device auto, cpu or gpu
	 * @param bins bins of the expected calibration error
	 * @param lowConfidence the low-confidence flag threshold whose accuracy above and below is reported
	 */
	public record Request(Path data, Path model, String images, String device, int bins, double lowConfidence) {
		public Request {
			Objects.requireNonNull(data, "data");
			Objects.requireNonNull(model, "model");
			if (images == null || images.isBlank()) images = Split.VAL.csvName();
			if (device == null) device = "auto";
			if (bins < 1 || bins > 1000) throw new IllegalArgumentException("bins must be in 1..1000, got " + bins);
			if (!(lowConfidence >= 0 && lowConfidence <= 1)) throw new IllegalArgumentException(
				"low-confidence threshold must be in [0, 1], got " + lowConfidence);
		}

		/** The validation part of the model's split, 15 bins, the classifier's default low-confidence flag. */
		public static Request of(Path data, Path model) {
			return new Request(data, model, Split.VAL.csvName(), "auto", Calibration.DEFAULT_BINS,
				ClassifySettings.defaults().lowConfidence());
		}

		public Request withImages(String which) {
			return new Request(data, model, which, device, bins, lowConfidence);
		}

		public Request withDevice(String d) {
			return new Request(data, model, images, d, bins, lowConfidence);
		}
	}

	/**
	 * What {@value #JSON_FILE} holds.
	 *
	 * @param model the package calibrated
	 * @param data the images' dataset
	 * @param images which images ({@link Request#images()})
	 * @param count images used
	 * @param before the measures at the package's previous temperature
	 * @param after the measures at the fitted temperature
	 * @param skipped images that could not be read
	 */
	public record Report(String model, String data, String images, int count, Calibration.Measures before,
		Calibration.Measures after, List<String> skipped)
	{
		public Report {
			skipped = List.copyOf(skipped);
		}

		public double temperature() {
			return after.temperature();
		}
	}

	/**
	 * Fits the temperature and writes the calibrated package to {@code output}, which must not exist unless
	 * {@code overwrite} is set.
	 */
	public static Report run(Request request, Path output, boolean overwrite, Progress progress, Consumer<String> log)
		throws IOException
	{
		Objects.requireNonNull(output, "output");
		if (Files.exists(output) && !overwrite) throw new IllegalArgumentException("Output " + output +
			" already exists; choose another or pass --overwrite");
		ModelPackage source = ModelPackage.open(request.model());
		Report report = fit(request, progress, log);
		Path tmp = Files.createTempDirectory("supcam-calibration-");
		try {
			writeReport(report, tmp);
			ModelPackage.write(output, source.info().withTemperature(report.temperature()),
				dir -> Files.copy(source.weights(), dir.resolve(ModelPackage.WEIGHTS)),
				dir -> {
					copyExtras(source.folder(), dir);
					copyExtras(tmp, dir);
				});
		} finally {
			AtomicFiles.deleteRecursively(tmp);
		}
		log.accept(String.format(Locale.ROOT, "Temperature %.3f: ECE %.2f%% -> %.2f%% on %d images; calibrated " +
			"model in %s", report.temperature(), 100 * report.before().ece(), 100 * report.after().ece(),
			report.count(), output));
		return report;
	}

	/** Fits the temperature on the requested images without writing anything. */
	public static Report fit(Request request, Progress progress, Consumer<String> log) throws IOException {
		List<LabelledImage> images = Evaluator.select(request.data(), request.model(), request.images(), Split.VAL,
			p -> log.accept("Skipped: " + p));
		if (images.isEmpty()) throw new IllegalArgumentException("No image to calibrate on in " + request.data() +
			" (" + request.images() + ")");
		try (ClusterModel model = ClusterModel.load(request.model(), request.device())) {
			ImageCache cache = Evaluator.load(images, request.data(), model, progress,
				p -> log.accept("Skipped: " + p));
			List<float[]> inputs = cache.entries().stream().map(ImageCache.Entry::input).toList();
			progress.update(0, 1, "Computing logits of " + inputs.size() + " images");
			double[][] logits = model.logits(inputs, BATCH);
			progress.update(1, 1, "Computed logits of " + inputs.size() + " images");
			int[] labels = cache.entries().stream().mapToInt(e -> e.image().label().ordinal()).toArray();
			double t = Calibration.fitTemperature(logits, labels);
			return new Report(request.model().toString(), request.data().toString(), request.images(), labels.length,
				Calibration.Measures.of(logits, labels, model.info().temperature(), request.bins(),
					request.lowConfidence()),
				Calibration.Measures.of(logits, labels, t, request.bins(), request.lowConfidence()),
				cache.problems());
		}
	}

	/** Writes {@value #JSON_FILE}, {@value #MARKDOWN_FILE} and {@value #PNG_FILE} into {@code dir}. */
	public static void writeReport(Report r, Path dir) throws IOException {
		Json.write(dir.resolve(JSON_FILE), r);
		AtomicFiles.writeString(dir.resolve(MARKDOWN_FILE), markdown(r));
		ImageFiles.writePng(BitmapEncoder.getBufferedImage(diagram(r)), dir.resolve(PNG_FILE));
	}

	static String markdown(Report r) {
		StringBuilder md = new StringBuilder("# Calibration of ").append(r.model()).append("\n\n")
			.append(String.format(Locale.ROOT, "Temperature scaling fitted on %d images (%s of %s). Accuracy %.2f%% " +
				"(unchanged by the temperature).%n%n", r.count(), r.images(), r.data(), 100 * r.after().accuracy()))
			.append("| | temperature | ECE | NLL | trusted (>= flag) | accuracy trusted | flagged | accuracy flagged |\n")
			.append("|---|---|---|---|---|---|---|---|\n");
		row(md, "before", r.before());
		row(md, "after", r.after());
		md.append(String.format(Locale.ROOT, "%nECE over %d equal-width bins of the top-label confidence; the flag " +
			"is the low-confidence threshold %.2f.%n", r.after().bins().size(), r.after().split().threshold()));
		if (!r.skipped().isEmpty()) {
			md.append("\n## Skipped images\n\n");
			r.skipped().forEach(p -> md.append("- ").append(p).append('\n'));
		}
		return md.toString();
	}

	private static void row(StringBuilder md, String name, Calibration.Measures m) {
		md.append(String.format(Locale.ROOT, "| %s | %.3f | %.2f%% | %.4f | %d | %s | %d | %s |%n", name,
			m.temperature(), 100 * m.ece(), m.nll(), m.split().above(), percent(m.split().accuracyAbove()),
			m.split().below(), percent(m.split().accuracyBelow())));
	}

	private static String percent(double v) {
		return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
	}

	/** Reliability diagram: accuracy against mean confidence per non-empty bin, before and after. */
	static XYChart diagram(Report r) {
		XYChart chart = new XYChartBuilder().width(600).height(600).title(String.format(Locale.ROOT,
			"Reliability (T %.2f -> %.2f)", r.before().temperature(), r.after().temperature()))
			.xAxisTitle("confidence").yAxisTitle("accuracy").build();
		chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
		chart.addSeries("perfect", new double[] { 0, 1 }, new double[] { 0, 1 }).setMarker(SeriesMarkers.NONE);
		series(chart, String.format(Locale.ROOT, "before (ECE %.1f%%)", 100 * r.before().ece()), r.before());
		series(chart, String.format(Locale.ROOT, "after (ECE %.1f%%)", 100 * r.after().ece()), r.after());
		return chart;
	}

	private static void series(XYChart chart, String name, Calibration.Measures m) {
		List<Double> x = new ArrayList<>();
		List<Double> y = new ArrayList<>();
		for (Calibration.Bin b : m.bins()) {
			if (b.count() == 0) continue;
			x.add(b.meanConfidence());
			y.add(b.accuracy());
		}
		XYSeries s = chart.addSeries(name, x, y);
		s.setMarker(SeriesMarkers.CIRCLE);
	}

	/** Copies every file of a package folder except its description and weights, which are written anew. */
	private static void copyExtras(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.list(from)) {
			for (Path f : (Iterable<Path>) files::iterator) {
				String name = f.getFileName().toString();
				if (!Files.isRegularFile(f) || name.equals(ModelPackage.MODEL_JSON) || name.equals(ModelPackage.WEIGHTS))
					continue;
				Files.copy(f, to.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}
}
