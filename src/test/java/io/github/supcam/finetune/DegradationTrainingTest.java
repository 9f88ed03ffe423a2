package io.github.supcam.finetune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.supcam.TinyTraining;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.dataset.ImageCache;
import io.github.supcam.dataset.LabelledImage;
import io.github.supcam.dataset.SplitFractions;
import io.github.supcam.image.Degradation;
import io.github.supcam.image.Gray8;
import io.github.supcam.model.ModelPackage;
import io.github.supcam.model.Preprocessor;
import io.github.supcam.util.Progress;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.apache.commons.math3.random.Well19937c;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fine-tuning with {@link Degradation}: changed inputs are preprocessed anew, seeded, and recorded in the package. */
class DegradationTrainingTest {
	private static final Preprocessor PRE = new Preprocessor(TinyTraining.PREPROCESS);

	private static ImageCache.Entry entry(ArrayImg<UnsignedByteType, ByteArray> canvas, float[] input) {
		return new ImageCache.Entry(new LabelledImage(Path.of("x.png"), "x.png", ClusterType.INSTANCE), canvas, input);
	}

	@Test
	void changedCanvasesArePreprocessedAnewAndEmptyOnesKeepTheirInput() {
		ArrayImg<UnsignedByteType, ByteArray> bar = Gray8.create(96, 96, 220);
		byte[] px = Gray8.pixels(bar);
		for (int y = 30; y < 66; y++) for (int x = 44; x < 52; x++) px[y * 96 + x] = (byte) 40;
		float[] input = PRE.apply(bar).data();
		ImageCache.Entry e = entry(bar, input);
		assertSame(input, FineTuner.degraded(Degradation.NONE, PRE, e, new Well19937c(1)));
		float[] changed = FineTuner.degraded(Degradation.robustness(1), PRE, e, new Well19937c(1));
		assertEquals(input.length, changed.length);
		assertFalse(Arrays.equals(input, changed));
		assertArrayEquals(changed, FineTuner.degraded(Degradation.robustness(1), PRE, e, new Well19937c(1)));
		// a canvas without foreground cannot be preprocessed: the unchanged input is used
		ImageCache.Entry blank = entry(Gray8.create(96, 96, 220), input);
		assertSame(input, FineTuner.degraded(Degradation.robustness(1), PRE, blank, new Well19937c(1)));
	}

	@Test
	void degradationChangesTrainingReproduciblyAndIsWrittenWithTheModel(@TempDir Path tmp) throws Exception {
		Path data = TinyTraining.dataset(tmp.resolve("data"), 6, 2);
		FineTuneSettings plain = TinyTraining.finetune().withMode(FineTuneSettings.Mode.SCRATCH).withEpochs(1);
		FineTuneSettings degraded = plain.withDegradation(Degradation.robustness(1));
		byte[] a = train(data, plain, tmp.resolve("plain"));
		byte[] b = train(data, degraded, tmp.resolve("degraded"));
		byte[] c = train(data, degraded, tmp.resolve("again"));
		assertFalse(Arrays.equals(a, b), "degraded inputs reach the training");
		assertArrayEquals(b, c, "the same seed gives the same weights");
		var recorded = ModelPackage.open(tmp.resolve("degraded")).info().training().getAsJsonObject()
			.getAsJsonObject("degradation");
		assertEquals(1.0, recorded.get("probability").getAsDouble());
		assertEquals(0.5, recorded.get("minScale").getAsDouble());
		assertNotEquals(recorded, ModelPackage.open(tmp.resolve("plain")).info().training().getAsJsonObject()
			.getAsJsonObject("degradation"));
	}

	private static byte[] train(Path data, FineTuneSettings s, Path out) throws Exception {
		FineTuneJob.run(data, null, null, SplitFractions.PAPER_ABLATION, s, out, false, Progress.NONE, m -> {});
		return Files.readAllBytes(out.resolve(ModelPackage.WEIGHTS));
	}
}
