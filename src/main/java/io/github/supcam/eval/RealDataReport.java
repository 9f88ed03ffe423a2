package io.github.supcam.eval;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.dataset.DatasetReader;
import io.github.supcam.dataset.Split;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.image.Perturbation;
import io.github.supcam.model.ClusterModel;
import io.github.supcam.real.Harvester;
import io.github.supcam.util.AtomicFiles;
import io.github.supcam.util.Progress;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Judges classifiers on real data, side by side: instance versus cluster on every harvested component of the
 * chosen case split (with the trivial all-instance baseline), 4-type accuracy on hand-labelled real clusters, and
 * instance recall on single chromosomes of another laboratory. Writes {@code report.md} and one
 * {@code predictions-MODEL.csv} per model, plus the most confident 4-type mistakes per model.
 */
public final class RealDataReport {
	private RealDataReport() {}

	/**
	 * @param harvest a {@code supcam harvest} output folder
	 * @param split the case split to judge on (normally test)
	 * @param handLabels CSV with {@code image,x,y,width,height,label} rows naming harvested components, or null
	 * @param singles folders of single-chromosome crops from elsewhere, grouped by their parent folder, or empty
	 * @param invertSingles invert the singles first (light-on-dark crops shown dark on light)
	 * @param models classifier packages to compare
	 * @param tta average each prediction over the 8 flips and quarter turns of the crop (test-time augmentation)
	 * @param perturbation change made to every crop before classification (null: none), to measure robustness on
	 *   real data
	 */
	public record Request(Path harvest, Split split, Path handLabels, List<Path> singles, boolean invertSingles,
		List<Path> models, String device, boolean tta, Perturbation perturbation, BootstrapSettings bootstrap)
	{
		public Request {
			Objects.requireNonNull(harvest, "harvest");
			Objects.requireNonNull(split, "split");
			singles = List.copyOf(singles);
			models = List.copyOf(models);
			if (models.isEmpty()) throw new IllegalArgumentException("Give at least one model");
			if (device == null) device = "auto";
			if (bootstrap == null) bootstrap = BootstrapSettings.defaults();
			if (perturbation == null) perturbation = Perturbation.NONE;
		}
	}

	private static final int BATCH = 32;

	/** Runs every model on every item and writes the report into {@code output} (refused if not empty). */
	public static String run(Request request, Path output, boolean overwrite, Progress progress,
		Consumer<String> log) throws IOException
	{
		List<RealDataEvaluation.Item> harvested = harvested(request.harvest(), request.split());
		List<RealDataEvaluation.Item> labelled = request.handLabels() == null ? List.of() :
			handLabelled(request.harvest(), request.handLabels(), log);
		List<RealDataEvaluation.Item> singles = new ArrayList<>();
		for (Path p : request.singles()) singles.addAll(singles(p, request.invertSingles()));
		AtomicFiles.prepareOutputDir(output, overwrite);
		StringBuilder md = new StringBuilder("# Real-data evaluation\n\nHarvest `" + request.harvest().getFileName() +
			"`, " + request.split().csvName() + " cases; 95% intervals: percentile bootstrap over cases (" +
			request.bootstrap().resamples() + " resamples, seed " + request.bootstrap().seed() + ")" +
			(request.tta() ? "; each prediction averaged over the 8 flips and quarter turns of the crop" : "") +
			(request.perturbation().equals(Perturbation.NONE) ? "" : "; every crop perturbed first: " +
				request.perturbation()) + ".\n\n");
		StringBuilder binary = new StringBuilder("## Instance vs cluster, every harvested component\n\n" +
			"| model | n | accuracy | all-instance baseline | instance recall | cluster recall |\n|---|---|---|---|---|---|\n");
		StringBuilder four = new StringBuilder("## 4-type, hand-labelled real clusters\n\n" +
			"| model | n | accuracy | confusion (rows truth I,T,O,TO; columns predicted) |\n|---|---|---|---|\n");
		StringBuilder other = new StringBuilder("## Instance recall, single chromosomes of another laboratory\n\n" +
			"| model | n | predicted instance |\n|---|---|---|\n");
		List<String> names = names(request.models());
		for (int mi = 0; mi < names.size(); mi++) {
			Path modelPath = request.models().get(mi);
			String name = names.get(mi);
			List<RealDataEvaluation.Outcome> h, l, s;
			try (ClusterModel model = ClusterModel.load(modelPath, request.device())) {
				log.accept("Model " + name + ": " + harvested.size() + " components, " + labelled.size() +
					" hand-labelled, " + singles.size() + " other singles");
				Function<List<RealDataEvaluation.Item>, List<RealDataEvaluation.Outcome>> classify = items ->
					RealDataEvaluation.classify(model, items, request.tta(), request.perturbation(), BATCH, progress, log);
				h = classify.apply(harvested);
				l = classify.apply(labelled);
				s = classify.apply(singles);
			}
			BootstrapSettings b = request.bootstrap();
			if (!h.isEmpty()) {
				binary.append("| ").append(name).append(" | ").append(h.size()).append(" | ")
					.append(cell(RealDataEvaluation.rate(h, RealDataEvaluation::binaryCorrect, b))).append(" | ")
					.append(cell(RealDataEvaluation.rate(h, o -> !o.item().cluster(), b))).append(" | ")
					.append(subset(h, o -> !o.item().cluster(), b)).append(" | ")
					.append(subset(h, o -> o.item().cluster(), b)).append(" |\n");
			}
			if (!l.isEmpty()) {
				ConfusionMatrix cm = RealDataEvaluation.fourType(l);
				four.append("| ").append(name).append(" | ").append(l.size()).append(" | ")
					.append(cell(RealDataEvaluation.rate(l, o -> o.predicted() == o.item().type(), b))).append(" | ")
					.append(rows(cm)).append(" |\n");
				ImageFiles.writePng(mistakes(l, name), output.resolve("mistakes-" + name + ".png"));
			}
			if (!s.isEmpty()) other.append("| ").append(name).append(" | ").append(s.size()).append(" | ")
				.append(cell(RealDataEvaluation.rate(s, o -> !o.predictedCluster(), b))).append(" |\n");
			List<RealDataEvaluation.Outcome> all = new ArrayList<>(h);
			all.addAll(l);
			all.addAll(s);
			AtomicFiles.writeString(output.resolve("predictions-" + name + ".csv"), csv(all));
		}
		md.append(binary).append('\n');
		if (!labelled.isEmpty()) md.append(four).append('\n');
		if (!singles.isEmpty()) md.append(other).append('\n');
		AtomicFiles.writeString(output.resolve("report.md"), md.toString());
		return md.toString();
	}

	/** Short distinct names: the models' file names, or as many trailing path parts as tell them apart. */
	static List<String> names(List<Path> models) {
		for (int k = 1; ; k++) {
			final int parts = k;
			List<String> n = models.stream().map(p -> {
				Path abs = p.toAbsolutePath().normalize();
				int from = Math.max(0, abs.getNameCount() - parts);
				return abs.subpath(from, abs.getNameCount()).toString().replace('/', '-').replace('\\', '-')
					.replaceAll("\\.zip$", "");
			}).toList();
			boolean longest = models.stream().allMatch(p -> p.toAbsolutePath().normalize().getNameCount() <= parts);
			if (new java.util.HashSet<>(n).size() == n.size() || longest) return n;
		}
	}

	private static String subset(List<RealDataEvaluation.Outcome> outcomes, Predicate<RealDataEvaluation.Outcome> which,
		BootstrapSettings b)
	{
		List<RealDataEvaluation.Outcome> part = outcomes.stream().filter(which).toList();
		return part.isEmpty() ? "-" : cell(RealDataEvaluation.rate(part, RealDataEvaluation::binaryCorrect, b)) +
			" (n=" + part.size() + ")";
	}

	private static String cell(ConfidenceInterval ci) {
		return String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", ci.estimate(), ci.lower(), ci.upper());
	}

	private static String rows(ConfusionMatrix cm) {
		List<String> rows = new ArrayList<>();
		for (long[] r : cm.counts()) rows.add(String.join(" ", java.util.Arrays.stream(r).mapToObj(Long::toString)
			.toList()));
		return String.join(" / ", rows);
	}

	private static java.awt.image.BufferedImage mistakes(List<RealDataEvaluation.Outcome> outcomes, String model) {
		List<MisclassificationMontage.Item> items = new ArrayList<>();
		for (RealDataEvaluation.Outcome o : outcomes) {
			if (o.predicted() == o.item().type()) continue;
			try {
				items.add(new MisclassificationMontage.Item(ImageFiles.read(o.item().file()),
					o.item().type().folderName(), o.predicted().folderName(), o.confidence()));
			} catch (IOException e) {
				// It was readable moments ago; a file that vanished since just leaves the montage.
			}
		}
		MisclassificationMontage.Layout layout = MisclassificationMontage.Layout.defaults();
		return MisclassificationMontage.render(MisclassificationMontage.mostConfident(items, layout.topN()), layout,
			"Most confident 4-type mistakes of " + model + " on hand-labelled real clusters");
	}

	private static String csv(List<RealDataEvaluation.Outcome> outcomes) throws IOException {
		List<String> header = new ArrayList<>(List.of("file", "group", "cluster", "type", "predicted"));
		for (ClusterType t : ClusterType.values()) header.add("p_" + t.folderName());
		StringWriter out = new StringWriter();
		try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
			.setHeader(header.toArray(String[]::new)).get()))
		{
			for (RealDataEvaluation.Outcome o : outcomes) {
				List<Object> row = new ArrayList<>(List.of(o.item().file().toString(), o.item().group(),
					o.item().cluster(), o.item().type() == null ? "" : o.item().type().folderName(),
					o.predicted().folderName()));
				for (double v : o.probabilities()) row.add(String.format(Locale.ROOT, "%.5f", v));
				p.printRecord(row);
			}
		}
		return out.toString();
	}

	/** Every harvested component of the split's cases. */
	static List<RealDataEvaluation.Item> harvested(Path harvest, Split split) throws IOException {
		return Harvester.readManifest(harvest).stream().filter(r -> r.split() == split)
			.map(r -> new RealDataEvaluation.Item(harvest.resolve(r.file()), r.caseName(), r.chromosomes() > 1, null,
				false)).toList();
	}

	/** Hand-labelled components, matched to the harvest by image name and component box. */
	static List<RealDataEvaluation.Item> handLabelled(Path harvest, Path labels, Consumer<String> log)
		throws IOException
	{
		Map<String, Harvester.Row> byBox = new HashMap<>();
		for (Harvester.Row r : Harvester.readManifest(harvest))
			byBox.put(r.componentKey(), r);
		List<RealDataEvaluation.Item> out = new ArrayList<>();
		for (CSVRecord r : records(labels)) {
			String key = Harvester.componentKey(r.get("image"), Integer.parseInt(r.get("x")),
				Integer.parseInt(r.get("y")), Integer.parseInt(r.get("width")), Integer.parseInt(r.get("height")));
			Harvester.Row h = byBox.get(key);
			if (h == null) {
				log.accept("Hand label of " + key + " matches no harvested component; skipped");
				continue;
			}
			ClusterType type = ClusterType.parse(r.get("label"));
			out.add(new RealDataEvaluation.Item(harvest.resolve(h.file()), h.caseName(), type != ClusterType.INSTANCE,
				type, false));
		}
		return out;
	}

	/** Every image under {@code folder}, grouped by its parent folder. */
	static List<RealDataEvaluation.Item> singles(Path folder, boolean invert) throws IOException {
		if (!Files.isDirectory(folder)) throw new IllegalArgumentException("No folder " + folder);
		try (Stream<Path> s = Files.walk(folder)) {
			return s.filter(Files::isRegularFile).filter(p -> DatasetReader.isImageName(p.getFileName().toString()))
				.sorted().map(p -> new RealDataEvaluation.Item(p, p.getParent().getFileName().toString(), false,
					null, invert)).toList();
		}
	}

	private static List<CSVRecord> records(Path file) throws IOException {
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(in)
				.getRecords();
		}
	}
}
