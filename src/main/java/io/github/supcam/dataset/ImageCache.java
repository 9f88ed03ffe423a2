package io.github.supcam.dataset;

import io.github.supcam.image.Canvas;
import io.github.supcam.image.Degradation;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.image.Polarity;
import io.github.supcam.model.Preprocessor;
import io.github.supcam.util.Progress;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.apache.commons.math3.random.RandomGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The images of one split held in memory for training: each as an 8-bit canvas of a fixed size (the input of
 * category-variant composition) and as preprocessed network input. Unreadable images are reported and skipped.
 */
public final class ImageCache {
	/**
	 * @param image the source
	 * @param canvas the image on a square canvas of the composition size, padded with its own background
	 * @param input the preprocessed network input
	 */
	public record Entry(LabelledImage image, ArrayImg<UnsignedByteType, ByteArray> canvas, float[] input) {
		/**
		 * The input, or with the degradation's probability the canvas changed and preprocessed anew. A change that
		 * leaves no foreground (a faint, small cluster blurred away) keeps the unchanged input.
		 */
		public float[] input(Degradation d, Preprocessor preprocessor, RandomGenerator rng) {
			ArrayImg<UnsignedByteType, ByteArray> changed = d.apply(canvas, rng);
			if (changed == canvas) return input;
			try {
				return preprocessor.apply(changed).data();
			} catch (IllegalArgumentException empty) {
				return input;
			}
		}
	}

	private final List<Entry> entries;
	private final List<String> problems;
	private final Polarity polarity;

	private ImageCache(List<Entry> entries, List<String> problems, Polarity polarity) {
		this.entries = List.copyOf(entries);
		this.problems = List.copyOf(problems);
		this.polarity = polarity;
	}

	/** Loads and preprocesses {@code images} in parallel; the result's order is that of {@code images}. */
	public static ImageCache load(List<LabelledImage> images, int canvasSize, Preprocessor preprocessor,
		Progress progress)
	{
		String[] errors = new String[images.size()];
		// The canvas is made while reading, so the full-size image is dropped at once.
		List<Fitted> read = readAll(images.stream().map(LabelledImage::file).toList(),
			images.stream().map(LabelledImage::relativePath).toList(), preprocessor, progress, errors,
			(img, pre) -> new Fitted(Canvas.fit(img, canvasSize, pre.background()).image(), pre));
		List<Entry> entries = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		int dark = 0, light = 0;
		for (int i = 0; i < read.size(); i++) {
			Fitted f = read.get(i);
			if (f == null) {
				problems.add(errors[i]);
				continue;
			}
			entries.add(new Entry(images.get(i), f.canvas(), f.pre().data()));
			if (f.pre().polarity() == Polarity.DARK_ON_LIGHT) dark++; else light++;
		}
		return new ImageCache(entries, problems, dark >= light ? Polarity.DARK_ON_LIGHT : Polarity.LIGHT_ON_DARK);
	}

	/**
	 * Network inputs of images without a label, e.g. the real clusters of unknown type in
	 * {@link DatasetReader#NOT_INSTANCE_FOLDER}.
	 *
	 * @param inputs the preprocessed inputs of the readable images, in the order of the files
	 * @param names their paths relative to the folder, '/'-separated, in the same order
	 * @param problems one line per skipped image
	 */
	public record Inputs(List<float[]> inputs, List<String> names, List<String> problems) {}

	/** Loads and preprocesses every image file below {@code folder} (names sorted), in parallel. */
	public static Inputs loadInputs(Path folder, Preprocessor preprocessor, Progress progress) throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(folder)) {
			files = walk.filter(Files::isRegularFile).filter(f -> DatasetReader.isImageName(f.getFileName()
				.toString())).sorted().toList();
		}
		String[] errors = new String[files.size()];
		List<String> all = files.stream().map(f -> folder.relativize(f).toString().replace('\\', '/')).toList();
		List<float[]> read = readAll(files, all, preprocessor, progress, errors, (img, pre) -> pre.data());
		List<float[]> inputs = new ArrayList<>();
		List<String> names = new ArrayList<>(), problems = new ArrayList<>();
		for (int i = 0; i < read.size(); i++) {
			if (read.get(i) == null) {
				problems.add(errors[i]);
			} else {
				inputs.add(read.get(i));
				names.add(all.get(i));
			}
		}
		return new Inputs(inputs, names, problems);
	}

	/** An image on its composition canvas, and its preprocessing. */
	private record Fitted(ArrayImg<UnsignedByteType, ByteArray> canvas, Preprocessor.Result pre) {}

	/**
	 * Reads and preprocesses the files in parallel, keeping {@code keep}'s result of each; an unreadable one is
	 * null, with its reason in {@code errors}.
	 */
	private static <T> List<T> readAll(List<Path> files, List<String> names, Preprocessor preprocessor,
		Progress progress, String[] errors,
		BiFunction<ArrayImg<UnsignedByteType, ByteArray>, Preprocessor.Result, T> keep)
	{
		List<T> read = new ArrayList<>(Collections.nCopies(files.size(), null));
		AtomicInteger done = new AtomicInteger();
		IntStream.range(0, files.size()).parallel().forEach(i -> {
			if (progress.isCancelled()) return;
			try {
				ArrayImg<UnsignedByteType, ByteArray> img = ImageFiles.read(files.get(i));
				read.set(i, keep.apply(img, preprocessor.apply(img)));
			} catch (Exception e) {
				errors[i] = names.get(i) + ": " + e.getMessage();
			} catch (OutOfMemoryError e) {
				errors[i] = names.get(i) + ": " + ImageFiles.outOfMemory(files.get(i));
			}
			progress.update(done.incrementAndGet(), files.size(), "Loading images");
		});
		progress.checkCancelled();
		return read;
	}

	public List<Entry> entries() {
		return entries;
	}

	public Entry get(int i) {
		return entries.get(i);
	}

	public int size() {
		return entries.size();
	}

	/** One line per skipped image, naming it and the reason. */
	public List<String> problems() {
		return problems;
	}

	/** The polarity of most images; composition of the canvases uses it. */
	public Polarity polarity() {
		return polarity;
	}

	/**
	 * Refuses data that cannot train a classifier: fewer than 2 classes, or (when {@code required} is given) a
	 * class without any image.
	 */
	public void requireClasses(String what, List<ClusterType> required) {
		long[] counts = new long[ClusterType.values().length];
		for (Entry e : entries) counts[e.image().label().ordinal()]++;
		long present = java.util.Arrays.stream(counts).filter(c -> c > 0).count();
		if (present < 2) throw new IllegalArgumentException("The " + what + " holds " + present +
			" class(es) with readable images; at least 2 are needed to train a classifier");
		for (ClusterType t : required) if (counts[t.ordinal()] == 0) throw new IllegalArgumentException("The " +
			what + " has no readable image of class '" + t + "'");
	}
}
