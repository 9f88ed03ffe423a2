package io.github.supcam.eval;

import io.github.supcam.dataset.Dataset;
import io.github.supcam.dataset.DatasetOptions;
import io.github.supcam.dataset.DatasetReader;
import io.github.supcam.dataset.Splitter;
import io.github.supcam.finetune.FineTuneJob;
import io.github.supcam.finetune.FineTuner;
import io.github.supcam.model.ModelPackage;
import io.github.supcam.pretrain.PretrainJob;
import io.github.supcam.util.AtomicFiles;
import io.github.supcam.util.Json;
import io.github.supcam.util.Progress;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs an {@link AblationConfig}: every row with {@code repeats} seeds. Repeat {@code r} uses the split made with
 * seed {@code r} (shared by all rows, so rows differ only by their settings) and trains with seed {@code r}.
 * Everything stays on disk under {@code output/runs/<row>/<r>/} (encoder, classifier with its metrics.json); a
 * rerun skips the runs whose classifier package is complete, so an interrupted ablation continues where it
 * stopped. A run that fails is reported, recorded and skipped; the others go on.
 */
public final class AblationRunner {
	private AblationRunner() {}

	public static final String CONFIG_JSON = "config.json";
	public static final String SPLITS = "splits";
	public static final String RUNS = "runs";
	public static final String ENCODER = "encoder";
	public static final String CLASSIFIER = "classifier";

	/**
	 * Runs (or continues) the ablation and writes the tables ({@link AblationTable#write}).
	 *
	 * @throws IllegalArgumentException if {@code output} holds an ablation made with another configuration
	 */
	public static AblationResult run(Path data, AblationConfig config, int repeats, Path output, Progress progress,
		Consumer<String> log) throws IOException
	{
		return run(data, config, repeats, null, output, progress, log);
	}

	/**
	 * As {@link #run(Path, AblationConfig, int, Path, Progress, Consumer)}, but with {@code fixedSplit} (a split
	 * manifest, e.g. a split by case) used by every repeat instead of a new seeded split per repeat; the repeats
	 * then differ only in their training seeds. Null makes the usual seeded splits.
	 */
	public static AblationResult run(Path data, AblationConfig config, int repeats, Path fixedSplit, Path output,
		Progress progress, Consumer<String> log) throws IOException
	{
		if (fixedSplit != null && !Files.isRegularFile(fixedSplit)) throw new IllegalArgumentException(
			"Split manifest " + fixedSplit + " does not exist");
		if (repeats < 1) throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
		checkSameConfig(config, output);
		Files.createDirectories(output.resolve(SPLITS));
		Json.write(output.resolve(CONFIG_JSON), config);
		Dataset dataset = null;
		List<AblationResult.Run> runs = new ArrayList<>();
		int total = repeats * config.rows().size(), done = 0;
		for (int r = 0; r < repeats; r++) {
			Path split = output.resolve(SPLITS).resolve("repeat-" + r + ".csv");
			if (!Files.isRegularFile(split) && fixedSplit != null) {
				Files.copy(fixedSplit, split);
			} else if (!Files.isRegularFile(split)) {
				if (dataset == null) dataset = DatasetReader.read(data, DatasetOptions.defaults().withValidate(false));
				Splitter.split(dataset, config.fractions(), r).write(split);
			}
			for (AblationConfig.Row row : config.rows()) {
				progress.checkCancelled();
				log.accept("[" + (++done) + "/" + total + "] " + row.name() + " repeat " + r);
				runs.add(runOne(data, row, r, split, runDir(output, row.name(), r), progress, log));
			}
		}
		AblationResult result = AblationResult.of(config.title(), config.rows().stream()
			.map(AblationConfig.Row::name).toList(), runs);
		AblationTable.write(result, output);
		return result;
	}

	/** The folder of one run. */
	public static Path runDir(Path output, String row, int repeat) {
		return output.resolve(RUNS).resolve(row).resolve(String.valueOf(repeat));
	}

	private static AblationResult.Run runOne(Path data, AblationConfig.Row row, int r, Path split, Path dir,
		Progress progress, Consumer<String> log) throws IOException
	{
		Path classifier = dir.resolve(CLASSIFIER);
		Path metrics = classifier.resolve(ModelPackage.METRICS_JSON);
		boolean reused = Files.isRegularFile(metrics) && Files.isRegularFile(classifier.resolve(ModelPackage.MODEL_JSON));
		try {
			if (reused) {
				log.accept("  done before; reusing " + classifier);
			} else {
				Files.createDirectories(dir);
				Path encoder = null;
				if (!row.scratch()) {
					encoder = dir.resolve(ENCODER);
					if (Files.isRegularFile(encoder.resolve(ModelPackage.MODEL_JSON))) {
						log.accept("  reusing encoder " + encoder);
					} else {
						PretrainJob.run(data, split, null, row.pretrain().withSeed(r), encoder, true, progress,
							m -> log.accept("  " + m));
					}
				}
				FineTuneJob.run(data, encoder, split, null, row.finetune().withSeed(r), classifier, true, progress,
					m -> log.accept("  " + m));
			}
			FineTuner.Report report = Json.fromJson(Files.readString(metrics), FineTuner.Report.class);
			if (report == null || report.test() == null) throw new IllegalArgumentException(metrics +
				" holds no test metrics");
			return new AblationResult.Run(row.name(), r, report.test(), report.bestEpoch(), reused, null);
		} catch (Progress.CancelledException e) {
			throw e;
		} catch (IOException | RuntimeException e) {
			String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
			log.accept("  FAILED " + row.name() + " repeat " + r + ": " + why);
			return new AblationResult.Run(row.name(), r, null, 0, false, why);
		}
	}

	/** Refuses to mix runs of two configurations in one output folder. */
	private static void checkSameConfig(AblationConfig config, Path output) throws IOException {
		if (Files.isRegularFile(output)) throw new IllegalArgumentException("Output " + output + " is a file");
		Path saved = output.resolve(CONFIG_JSON);
		if (!Files.isRegularFile(saved)) {
			if (Files.isDirectory(output)) AtomicFiles.prepareOutputDir(output, false);
			return;
		}
		JsonObject now = Json.GSON.toJsonTree(config).getAsJsonObject();
		JsonElement before = JsonParser.parseString(Files.readString(saved));
		for (String key : List.of("fractions", "rows"))
			if (!before.isJsonObject() || !now.get(key).equals(before.getAsJsonObject().get(key)))
				throw new IllegalArgumentException("Output " + output + " holds an ablation made with other " + key +
					" (see its " + CONFIG_JSON + "); choose another output folder");
	}
}
