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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Fine-tuning from a dataset folder, as the CLI, the Fiji command and the macro bridge run it. */
public final class FineTuneJob {
	private FineTuneJob() {}

	/**
	 * Fine-tunes (or trains from scratch when {@code pretrained} is null and the mode is scratch) and writes a
	 * classifier package. Without {@code splitFile}, the pretrained package's own split is reused, so the test
	 * images stay unseen by both steps; the test part is only evaluated at the end. With a not-instance fraction
	 * above 0, the images in the dataset's {@link DatasetReader#NOT_INSTANCE_FOLDER} folder join the batches.
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
		List<float[]> notInstance = List.of();
		Path folder = data.resolve(DatasetReader.NOT_INSTANCE_FOLDER);
		if (s.notInstanceFraction() > 0 && Files.isDirectory(folder)) {
			ImageCache.Inputs in = ImageCache.loadInputs(folder, preprocessor, progress);
			in.problems().forEach(p -> log.accept("Skipped (" + DatasetReader.NOT_INSTANCE_FOLDER + "): " + p));
			notInstance = in.inputs();
		}
		return new FineTuner(settings, progress, log).onEpoch(onEpoch).run(d.train(), d.val(), d.test(), encoder,
			d.manifest(), output, resume, notInstance);
	}
}
