package io.github.supcam.pretrain;

import static io.github.supcam.pretrain.ContrastiveLossesTest.assertClose;
import static io.github.supcam.pretrain.LossReference.K;
import static io.github.supcam.pretrain.LossReference.KD;
import static io.github.supcam.pretrain.LossReference.K_LABELS;
import static io.github.supcam.pretrain.LossReference.MARGIN;
import static io.github.supcam.pretrain.LossReference.POSITIVE;
import static io.github.supcam.pretrain.LossReference.Q;
import static io.github.supcam.pretrain.LossReference.QD;
import static io.github.supcam.pretrain.LossReference.Q_LABELS;
import static io.github.supcam.pretrain.LossReference.TAU;
import static io.github.supcam.pretrain.LossReference.array;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.github.supcam.pretrain.PretrainLoss.ContrastSet;
import io.github.supcam.pretrain.PretrainLoss.Terms;
import io.github.supcam.pretrain.PretrainLossSettings.LossType;
import io.github.supcam.pretrain.PretrainLossSettings.MarginKind;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The configured total loss, the contrast set assembly and the cluster-margin centres. */
class PretrainLossTest extends WithNDManager {
	private ContrastSet fixtureSet() {
		return new ContrastSet(array(m, K), array(m, K_LABELS), array(m, POSITIVE));
	}

	@Test
	void defaultTotalIsSupConPlusSelfMargin() {
		Terms t = new PretrainLoss(PretrainLossSettings.defaults()).compute(array(m, Q), fixtureSet(),
			array(m, Q_LABELS), null);
		double supCon = LossReference.supCon(QD, KD, Q_LABELS, K_LABELS, TAU);
		double margin = LossReference.margin(QD, KD, POSITIVE, TAU, MARGIN);
		assertClose(supCon, t.contrastive(), 1e-5);
		assertClose(margin, t.margin(), 1e-5);
		assertClose(supCon + margin, t.total(), 1e-5);
	}

	@Test
	void mocoIsInfoNceWithoutMargin() {
		PretrainLossSettings moco = PretrainLossSettings.defaults().withLossType(LossType.INFONCE)
			.withMarginEnabled(false);
		Terms t = new PretrainLoss(moco).compute(array(m, Q), fixtureSet(), array(m, Q_LABELS), null);
		assertEquals(0f, t.margin().getFloat());
		assertClose(LossReference.infoNce(QD, KD, POSITIVE, TAU), t.total(), 1e-5);
	}

	@Test
	void contrastSetPutsBatchKeysFirstThenQueueOldestFirst() {
		LabelledQueue queue = new LabelledQueue(4, 4);
		float[] flatK = array(m, K).toFloatArray();
		queue.enqueue(Arrays.copyOfRange(flatK, 3 * 4, 4 * 4), new long[] { K_LABELS[3] });
		queue.enqueue(Arrays.copyOfRange(flatK, 4 * 4, 6 * 4), new long[] { K_LABELS[4], K_LABELS[5] });
		NDArray batchKeys = array(m, K).get("0:3");
		ContrastSet set = ContrastSet.of(batchKeys, Arrays.copyOf(K_LABELS, 3), queue, m);
		assertArrayEquals(flatK, set.keys().toFloatArray());
		assertArrayEquals(K_LABELS, set.labels().toLongArray());
		assertArrayEquals(POSITIVE, set.positiveIndex().toLongArray());
		Terms t = new PretrainLoss(PretrainLossSettings.defaults()).compute(array(m, Q), set, array(m, Q_LABELS),
			null);
		assertClose(LossReference.supCon(QD, KD, Q_LABELS, K_LABELS, TAU), t.contrastive(), 1e-5);

		ContrastSet alone = ContrastSet.of(batchKeys, Arrays.copyOf(K_LABELS, 3), new LabelledQueue(4, 4), m);
		assertEquals(new Shape(3, 4), alone.keys().getShape());
		assertArrayEquals(new long[] { 0, 1, 0 }, alone.labels().toLongArray());
	}

	@Test
	void clusterMarginUsesClassMeansOfTheQueue() {
		LabelledQueue queue = new LabelledQueue(8, 4);
		queue.enqueue(array(m, K), K_LABELS);
		ClusterCentres centres = new ClusterCentres(4, 4, 0.9);
		centres.update(queue);
		// class means of the fixture keys; class 3 never occurs and keeps a zero centre (cosine 0)
		double[][] means = new double[4][4];
		int[] counts = new int[4];
		for (int j = 0; j < KD.length; j++) {
			counts[(int) K_LABELS[j]]++;
			for (int d = 0; d < 4; d++)
				means[(int) K_LABELS[j]][d] += KD[j][d];
		}
		for (int c = 0; c < 3; c++)
			for (int d = 0; d < 4; d++)
				means[c][d] /= counts[c];
		PretrainLossSettings settings = PretrainLossSettings.defaults().withMarginKind(MarginKind.CLUSTER);
		Terms t = new PretrainLoss(settings).compute(array(m, Q), fixtureSet(), array(m, Q_LABELS),
			centres.centres(m));
		double expected = LossReference.margin(QD, LossReference.normalised(means), Q_LABELS, TAU, MARGIN);
		assertClose(expected, t.margin(), 1e-5);
	}

	@Test
	void centreMarginsNeedCentres() {
		PretrainLoss parametric = new PretrainLoss(PretrainLossSettings.defaults()
			.withMarginKind(MarginKind.PARAMETRIC));
		assertThrows(IllegalArgumentException.class, () -> parametric.compute(array(m, Q), fixtureSet(),
			array(m, Q_LABELS), null));
	}
}
