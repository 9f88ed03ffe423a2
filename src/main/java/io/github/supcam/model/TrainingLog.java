package io.github.supcam.model;

import io.github.supcam.image.ImageFiles;
import io.github.supcam.util.AtomicFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Per-epoch training history: written as {@code training.csv} and drawn as a loss/accuracy curve PNG. */
public final class TrainingLog {
	/**
	 * One epoch of one training phase.
	 *
	 * @param phase {@code pretrain} or {@code finetune}
	 * @param valAccuracy validation accuracy in percent, NaN when not measured (pretraining)
	 */
	public record Epoch(String phase, int epoch, double loss, double learningRate, double valAccuracy, double seconds) {}

	static final String[] HEADER = { "phase", "epoch", "loss", "learning_rate", "val_accuracy", "seconds" };

	private final List<Epoch> epochs = new ArrayList<>();

	public synchronized void add(Epoch e) {
		epochs.add(e);
	}

	public synchronized List<Epoch> epochs() {
		return List.copyOf(epochs);
	}

	public void writeCsv(Path file) throws IOException {
		List<Epoch> rows = epochs();
		AtomicFiles.write(file, out -> {
			try (CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
				CSVFormat.DEFAULT.builder().setHeader(HEADER).get()))
			{
				for (Epoch e : rows) p.printRecord(e.phase(), e.epoch(), fmt(e.loss()), fmt(e.learningRate()),
					fmt(e.valAccuracy()), fmt(e.seconds()));
			}
		});
	}

	public static TrainingLog readCsv(Path file) throws IOException {
		TrainingLog log = new TrainingLog();
		try (Reader r = Files.newBufferedReader(file);
			CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r))
		{
			for (CSVRecord rec : p) log.add(new Epoch(rec.get("phase"), Integer.parseInt(rec.get("epoch")),
				Double.parseDouble(rec.get("loss")), Double.parseDouble(rec.get("learning_rate")),
				Double.parseDouble(rec.get("val_accuracy")), Double.parseDouble(rec.get("seconds"))));
		}
		return log;
	}

	private static String fmt(double v) {
		return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6g", v);
	}

	/** The loss of each phase and the validation accuracy, against epoch. */
	public XYChart chart(String title) {
		XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("epoch")
			.yAxisTitle("loss").build();
		chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
		chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
		chart.getStyler().setMarkerSize(4);
		List<Epoch> rows = epochs();
		for (String phase : new String[] { "pretrain", "finetune" }) {
			List<Double> x = new ArrayList<>(), y = new ArrayList<>(), acc = new ArrayList<>();
			for (Epoch e : rows) if (e.phase().equals(phase)) {
				x.add((double) e.epoch());
				y.add(e.loss());
				acc.add(e.valAccuracy());
			}
			if (x.isEmpty()) continue;
			chart.addSeries(phase + " loss", x, y);
			if (acc.stream().anyMatch(a -> !Double.isNaN(a))) {
				XYSeries s = chart.addSeries(phase + " val. accuracy (%)", x, acc);
				s.setYAxisGroup(1);
				chart.setYAxisGroupTitle(1, "validation accuracy (%)");
			}
		}
		return chart;
	}

	public void writeChart(Path file, String title) throws IOException {
		ImageFiles.writePng(BitmapEncoder.getBufferedImage(chart(title)), file);
	}
}
