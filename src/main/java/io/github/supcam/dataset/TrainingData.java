package io.github.supcam.dataset;

import io.github.supcam.model.Preprocessor;
import io.github.supcam.util.Progress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The parts of a labelled dataset one training step reads, loaded into memory. The split comes from a manifest
 * (so several steps and runs use the same one) or is made with the given fractions and seed. The test part is
 * loaded only on request, after training: it never takes part in either step.
 *
 * @param manifest the split, written into every model package trained on it
 * @param train training images
 * @param val validation images
 * @param test test images, or null when not requested
 */
public record TrainingData(SplitManifest manifest, ImageCache train, ImageCache val, ImageCache test) {
	/**
	 * @param data dataset folder (class-named or numeric layout)
	 * @param manifestFile split manifest to reuse, or null to make a new split
	 * @param fractions train/val/test fractions of a new split (null: the paper's 60/10/30)
	 * @param seed seed of a new split
	 * @param loadTest also load the test part (for final metrics only)
	 */
	public static TrainingData load(Path data, Path manifestFile, SplitFractions fractions, long seed,
		Preprocessor preprocessor, int canvasSize, boolean loadTest, Progress progress, Consumer<String> log)
		throws IOException
	{
		// Images are opened once, while caching; an unreadable one is reported and skipped there.
		if (fractions == null) fractions = SplitFractions.PAPER_ABLATION;
		Dataset dataset = DatasetReader.read(data, DatasetOptions.defaults().withValidate(false));
		dataset.problems().forEach(p -> log.accept("Skipped: " + p));
		SplitManifest manifest = manifestFile != null ? SplitManifest.read(manifestFile, dataset) :
			Splitter.split(dataset, fractions, seed);
		log.accept("Split " + (manifestFile != null ? "from " + manifestFile : fractions + " with seed " + seed) +
			": " + manifest.part(Split.TRAIN).size() + " train, " + manifest.part(Split.VAL).size() + " val, " +
			manifest.part(Split.TEST).size() + " test");
		ImageCache train = cache(manifest, Split.TRAIN, preprocessor, canvasSize, progress, log);
		ImageCache val = cache(manifest, Split.VAL, preprocessor, canvasSize, progress, log);
		ImageCache test = loadTest ? cache(manifest, Split.TEST, preprocessor, canvasSize, progress, log) : null;
		return new TrainingData(manifest, train, val, test);
	}

	private static ImageCache cache(SplitManifest manifest, Split part, Preprocessor preprocessor, int canvasSize,
		Progress progress, Consumer<String> log)
	{
		ImageCache c = ImageCache.load(manifest.part(part), canvasSize, preprocessor, progress);
		c.problems().forEach(p -> log.accept("Skipped (" + part.csvName() + "): " + p));
		return c;
	}
}
