package io.github.supcam.finetune;

import io.github.supcam.compose.CompositionSettings;
import io.github.supcam.dataset.DatasetReader;
import io.github.supcam.dataset.ImageCache;
import io.github.supcam.dataset.SplitFractions;
import io.github.supcam.dataset.TrainingData;
import io.github.supcam.model.ModelPackage;
import io.github.supcam.model.Preprocessor;
import io.github.supcam.model.TrainingLog;
import io.github.supcam.nn.TrainingRun;
import io.github.supcam.util.Progress;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Fine-tuning from a dataset folder, as the CLI, the Fiji command and the macro bridge run it. */
public final class FineTuneJob {
	private FineTuneJob() {}

	/**
	 * Fine-tunes (or trains from scratch when {@code pretrained} is null and the mode is scratch) and writes a
	 * classifier package. Without {@code splitFile}, the pretrained package's own split is reused, so the test
	 * images stay unseen by both steps; the test part is only evaluated at the end. With a not-instance fraction
	 * above 0, the images in the dataset's {@link DatasetReader#NOT_INSTANCE_FOLDER} folder join the batches; the
	 * two-chromosome pair rule reads their chromosome counts from its {@link DatasetReader#NOT_INSTANCE_CHROMOSOMES}.
	 */
	public static ModelPackage run(Path data, Path pretrained, Path splitFile, SplitFractions fractions,
		FineTuneSettings settings, Path output, boolean resume, Progress progress, Consumer<String> log)
		throws IOException
	{
		return run(data, pretrained, splitFile, fractions, settings, output, resume, progress, log, null);
	}

	/** As above; {@code onEpoch} (may be null) receives the history after every epoch, e.g. for a live plot. */
	public static ModelPackage run(Path data, Path pretrained, Path splitFile, SplitFractions fractions,
		FineTuneSettings settings, Path output, boolean resume, Progress progress, Consumer<String> log,
		Consumer<TrainingLog> onEpoch) throws IOException
	{
		ModelPackage done = TrainingRun.finished(output, resume, log);
		if (done != null) return done;
		TrainingRun.checkOutput(output, resume);
		ModelPackage encoder = pretrained == null ? null : ModelPackage.open(pretrained);
		FineTuneSettings s = FineTuner.effective(settings, encoder == null ? null : encoder.info());
		Path split = splitFile;
		if (split == null && encoder != null && Files.isRegularFile(encoder.folder().resolve(ModelPackage.SPLIT_CSV)))
			split = encoder.folder().resolve(ModelPackage.SPLIT_CSV);
		Preprocessor preprocessor = new Preprocessor(s.preprocess());
		TrainingData d = TrainingData.load(data, split, fractions, s.seed(), preprocessor,
			CompositionSettings.DEFAULT_SIZE, true, progress, log);
		List<FineTuner.NotInstanceImage> notInstance = List.of();
		Path folder = data.resolve(DatasetReader.NOT_INSTANCE_FOLDER);
		if (s.notInstanceFraction() > 0 && Files.isDirectory(folder)) {
			Map<String, Integer> chromosomes = s.twoChromosomePairRule() ? chromosomes(folder) : Map.of();
			ImageCache.Inputs in = ImageCache.loadInputs(folder, preprocessor, progress);
			in.problems().forEach(p -> log.accept("Skipped (" + DatasetReader.NOT_INSTANCE_FOLDER + "): " + p));
			List<String> unknown = s.twoChromosomePairRule() ?
				in.names().stream().filter(n -> !chromosomes.containsKey(n)).toList() : List.of();
			if (!unknown.isEmpty()) throw new IllegalArgumentException(
				"The two-chromosome pair rule needs the chromosome count of every not-instance cluster, but " +
					folder.resolve(DatasetReader.NOT_INSTANCE_CHROMOSOMES) + " lacks " + unknown.size() + " (e.g. " +
					String.join(", ", unknown.subList(0, Math.min(5, unknown.size()))) + ")");
			notInstance = IntStream.range(0, in.inputs().size()).mapToObj(i -> new FineTuner.NotInstanceImage(
				in.inputs().get(i), chromosomes.getOrDefault(in.names().get(i), 0))).toList();
		}
		return new FineTuner(settings, progress, log).onEpoch(onEpoch).run(d.train(), d.val(), d.test(), encoder,
			d.manifest(), output, resume, notInstance);
	}

	/**
	 * The chromosome count of each not-instance cluster, by file name, from the folder's
	 * {@link DatasetReader#NOT_INSTANCE_CHROMOSOMES}.
	 *
	 * @throws IllegalArgumentException if the file is missing or a row is malformed
	 */
	static Map<String, Integer> chromosomes(Path folder) throws IOException {
		Path file = folder.resolve(DatasetReader.NOT_INSTANCE_CHROMOSOMES);
		if (!Files.isRegularFile(file)) throw new IllegalArgumentException("The two-chromosome pair rule needs the " +
			"chromosome count of every not-instance cluster in " + file + " (columns file,chromosomes; 'supcam " +
			"compose-real --not-instance' writes it), and there is none: remake the dataset, or train without the rule");
		Map<String, Integer> out = new HashMap<>();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
				.parse(in))
			{
				String where = file + " line " + (r.getRecordNumber() + 1);
				int n;
				try {
					n = Integer.parseInt(r.get("chromosomes"));
					out.put(r.get("file"), n);
				} catch (IllegalArgumentException | IllegalStateException e) {
					// commons-csv: a missing column; Integer.parseInt: not a number
					throw new IllegalArgumentException(where + ": " + e.getMessage() + " (expected the columns " +
						"file,chromosomes)", e);
				}
				if (n < 2) throw new IllegalArgumentException(where + ": a cluster has 2 or more chromosomes, got " + n);
			}
		}
		return out;
	}
}
