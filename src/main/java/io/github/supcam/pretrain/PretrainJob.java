package io.github.supcam.pretrain;

import io.github.supcam.dataset.SplitFractions;
import io.github.supcam.dataset.TrainingData;
import io.github.supcam.model.ModelPackage;
import io.github.supcam.model.Preprocessor;
import io.github.supcam.model.TrainingLog;
import io.github.supcam.nn.TrainingRun;
import io.github.supcam.util.Progress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Pretraining from a dataset folder, as the CLI, the Fiji command and the macro bridge run it. */
public final class PretrainJob {
	private PretrainJob() {}

	/**
	 * Splits (or reuses the split manifest {@code splitFile}), loads the training part only, pretrains and writes an
	 * encoder package holding the split, so fine-tuning can keep the same test images unseen.
	 */
	public static ModelPackage run(Path data, Path splitFile, SplitFractions fractions, PretrainSettings settings,
		Path output, boolean resume, Progress progress, Consumer<String> log) throws IOException
	{
		return run(data, splitFile, fractions, settings, output, resume, progress, log, null);
	}

	/** As above; {@code onEpoch} (may be null) receives the history after every epoch, e.g. for a live plot. */
	public static ModelPackage run(Path data, Path splitFile, SplitFractions fractions, PretrainSettings settings,
		Path output, boolean resume, Progress progress, Consumer<String> log, Consumer<TrainingLog> onEpoch)
		throws IOException
	{
		ModelPackage done = TrainingRun.finished(output, resume, log);
		if (done != null) return done;
		TrainingRun.checkOutput(output, resume);
		TrainingData d = TrainingData.load(data, splitFile, fractions, settings.seed(),
			new Preprocessor(settings.preprocess()), settings.composition().size(), false, progress, log);
		return new Pretrainer(settings, progress, log).onEpoch(onEpoch).run(d.train(), d.manifest(), output, resume);
	}
}
