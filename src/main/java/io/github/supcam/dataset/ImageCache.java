package io.github.supcam.dataset;

import io.github.supcam.image.Canvas;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.image.Polarity;
import io.github.supcam.model.Preprocessor;
import io.github.supcam.util.Progress;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

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
	public record Entry(LabelledImage image, ArrayImg<UnsignedByteType, ByteArray> canvas, float[] input) {}

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
		Entry[] loaded = new Entry[images.size()];
		String[] errors = new String[images.size()];
		Polarity[] polarities = new Polarity[images.size()];
		AtomicInteger done = new AtomicInteger();
		IntStream.range(0, images.size()).parallel().forEach(i -> {
			if (progress.isCancelled()) return;
			LabelledImage li = images.get(i);
			try {
				ArrayImg<UnsignedByteType, ByteArray> img = ImageFiles.read(li.file());
				Preprocessor.Result pre = preprocessor.apply(img);
				polarities[i] = pre.polarity();
				loaded[i] = new Entry(li, Canvas.fit(img, canvasSize, pre.background()).image(), pre.data());
			} catch (Exception e) {
				errors[i] = li.relativePath() + ": " + e.getMessage();
			} catch (OutOfMemoryError e) {
				errors[i] = li.relativePath() + ": " + ImageFiles.outOfMemory(li.file());
			}
			progress.update(done.incrementAndGet(), images.size(), "Loading images");
		});
		progress.checkCancelled();
		List<Entry> entries = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		int dark = 0, light = 0;
		for (int i = 0; i < loaded.length; i++) {
			if (loaded[i] != null) {
				entries.add(loaded[i]);
				if (polarities[i] == Polarity.DARK_ON_LIGHT) dark++; else light++;
			} else {
				problems.add(errors[i]);
			}
		}
		return new ImageCache(entries, problems, dark >= light ? Polarity.DARK_ON_LIGHT : Polarity.LIGHT_ON_DARK);
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
