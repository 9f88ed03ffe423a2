package io.github.supcam.eval;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.image.Intensity;
import io.github.supcam.image.Perturbation;
import io.github.supcam.model.ClusterModel;
import io.github.supcam.model.Inference;
import io.github.supcam.util.Progress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Measures a classifier on real crops whose truth may be only partly known: a harvested component holding one
 * annotated chromosome is an instance, one holding several is a cluster of unknown type, and a hand-labelled one
 * has its 4-type label. Intervals come from a bootstrap over <em>groups</em> (cases, metaphases), since crops of
 * one case are not independent.
 */
public final class RealDataEvaluation {
	private RealDataEvaluation() {}

	/**
	 * One crop to classify.
	 *
	 * @param file the crop
	 * @param group its case or metaphase, the unit the bootstrap resamples
	 * @param cluster whether it holds more than one chromosome
	 * @param type its 4-type label when known, else null
	 * @param invert invert it before classification (e.g. light-on-dark crops shown as dark on light)
	 */
	public record Item(Path file, String group, boolean cluster, ClusterType type, boolean invert) {
		public Item {
			if (type != null && (type == ClusterType.INSTANCE) == cluster) throw new IllegalArgumentException(
				file + ": a " + type + " label contradicts cluster=" + cluster);
		}
	}

	/** An item and the model's class probabilities. */
	public record Outcome(Item item, double[] probabilities) {
		public ClusterType predicted() {
			return ClusterType.ofIndex(Inference.argmax(probabilities));
		}

		public boolean predictedCluster() {
			return predicted() != ClusterType.INSTANCE;
		}

		public double confidence() {
			return probabilities[Inference.argmax(probabilities)];
		}
	}

	/**
	 * Classifies every readable item; unreadable or empty ones are reported and skipped.
	 *
	 * @param tta average over the 8 flips and quarter turns of each crop ({@link ClusterModel#predictAugmented})
	 * @param perturbation change made to every crop first (after inverting it), to see whether the answers depend
	 *   on scale, focus or stain ({@link Perturbation#NONE}: none)
	 */
	public static List<Outcome> classify(ClusterModel model, List<Item> items, boolean tta, Perturbation perturbation,
		int batch, Progress progress, Consumer<String> log)
	{
		List<Outcome> out = new ArrayList<>();
		for (int start = 0; start < items.size(); start += batch) {
			progress.checkCancelled();
			List<Item> kept = new ArrayList<>();
			List<float[]> inputs = new ArrayList<>();
			for (Item it : items.subList(start, Math.min(items.size(), start + batch))) {
				try {
					ArrayImg<UnsignedByteType, ByteArray> img = ImageFiles.read(it.file());
					if (it.invert()) img = Intensity.invert(img);
					inputs.add(model.preprocessor().apply(perturbation.apply(img)).data());
					kept.add(it);
				} catch (IOException | IllegalArgumentException e) {
					log.accept("Skipped " + it.file() + ": " + e.getMessage());
				}
			}
			double[][] p = tta ? model.predictAugmented(inputs, batch) : model.predict(inputs, batch);
			for (int i = 0; i < p.length; i++) out.add(new Outcome(kept.get(i), p[i]));
			progress.update(Math.min(items.size(), start + batch), items.size(), "Classifying real crops");
		}
		return out;
	}

	/**
	 * The percentage of outcomes meeting {@code correct}, with a percentile-bootstrap interval that resamples
	 * whole groups with replacement.
	 *
	 * @throws IllegalArgumentException if there is no outcome
	 */
	public static ConfidenceInterval rate(List<Outcome> outcomes, Predicate<Outcome> correct,
		BootstrapSettings settings)
	{
		if (outcomes.isEmpty()) throw new IllegalArgumentException("No outcome to measure");
		Map<String, int[]> groups = new LinkedHashMap<>();
		for (Outcome o : outcomes) {
			int[] g = groups.computeIfAbsent(o.item().group(), k -> new int[2]);
			g[0]++;
			if (correct.test(o)) g[1]++;
		}
		int[][] g = groups.values().toArray(int[][]::new);
		long n = 0, hits = 0;
		for (int[] x : g) {
			n += x[0];
			hits += x[1];
		}
		RandomGenerator rng = new Well19937c(settings.seed());
		double[] rates = new double[settings.resamples()];
		for (int b = 0; b < rates.length; b++) {
			long bn = 0, bh = 0;
			for (int i = 0; i < g.length; i++) {
				int[] x = g[rng.nextInt(g.length)];
				bn += x[0];
				bh += x[1];
			}
			rates[b] = 100.0 * bh / bn;
		}
		double tail = 50 * (1 - settings.level());
		Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
		percentile.setData(rates);
		return new ConfidenceInterval(100.0 * hits / n, percentile.evaluate(tail), percentile.evaluate(100 - tail),
			settings.level(), settings.resamples(), settings.seed(), "percentile bootstrap over " + g.length +
				" groups");
	}

	/** Instance versus cluster is right. */
	public static boolean binaryCorrect(Outcome o) {
		return o.predictedCluster() == o.item().cluster();
	}

	/** The 4-type confusion matrix of the outcomes that have a 4-type label. */
	public static ConfusionMatrix fourType(List<Outcome> outcomes) {
		ConfusionMatrix cm = new ConfusionMatrix();
		for (Outcome o : outcomes) if (o.item().type() != null) cm.add(o.item().type(), o.predicted());
		return cm;
	}
}
