package io.github.supcam.cli;

import io.github.supcam.dataset.Split;
import io.github.supcam.real.LabelledClusters;
import io.github.supcam.real.MixedDatasetBuilder;
import io.github.supcam.real.MorphologySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code supcam compose-real}: a 4-class training set from harvested real chromosomes. */
@Command(name = "compose-real", mixinStandardHelpOptions = true,
	description = "Builds a labelled 4-class dataset from a 'supcam harvest' folder: the real single chromosomes of " +
		"each case split as instances, and composed into touching, overlapping and touching-overlapping clusters " +
		"(end to end, side by side, T-junctions, crossings at 15-90 degrees, 2-5 chromosomes, stains multiplied in " +
		"overlaps, labels measured on the masks) with shape and stain augmentation. Writes class folders, split.csv " +
		"(for --split of pretrain/finetune/evaluate), labels.csv and mixed.json.")
public final class ComposeRealCommand implements Callable<Integer> {
	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--harvest", required = true, paramLabel = "DIR", description = "Output folder of 'supcam harvest'.")
	Path harvest;

	@Option(names = "--extra-singles", paramLabel = "DIR", description = "More single-chromosome crops (any polarity, " +
		"e.g. another laboratory's), added to the training split only. Repeatable.")
	List<Path> extraSingles = List.of();

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "DIR", description = "Output folder (must be empty or new).")
	Path output;

	@Option(names = "--max-instances", defaultValue = "0,0,0", paramLabel = "TRAIN,VAL,TEST", split = ",",
		description = "At most this many real instances per split as they are, a seeded random choice; 0 = all " +
			"(default: ${DEFAULT-VALUE}).")
	List<Integer> maxInstances;

	@Option(names = "--per-class", defaultValue = "1200,200,400", paramLabel = "TRAIN,VAL,TEST", split = ",",
		description = "Composed clusters per type for the train, val and test splits (default: ${DEFAULT-VALUE}).")
	List<Integer> perClass;

	@Option(names = "--reshaped-instances", defaultValue = "0.25", paramLabel = "F", description = "Reshaped single " +
		"chromosomes added per split, as a fraction of --per-class (default: ${DEFAULT-VALUE}).")
	double reshapedInstances;

	@Option(names = "--not-instance", defaultValue = "0", paramLabel = "N", description = "Copy at most N harvested " +
		"real clusters of the training cases (type unknown) to not-instance/, with their chromosome counts in " +
		"not-instance/chromosomes.csv, for 'supcam finetune --not-instance-fraction' and its --pair-rule (default: " +
		"${DEFAULT-VALUE}, none).")
	int notInstance;

	@Option(names = "--labelled-clusters", paramLabel = "CSV", description = "Hand-labelled real clusters of the " +
		"training cases (columns image,x,y,width,height,label, as in labels/; x,y,width,height the component's box in " +
		"the harvest's manifest.csv) join the training split as examples of their label, copied from the harvest as " +
		"CLASS/real-*.png; they leave the --not-instance pool and the real instances. Rows of validation or test cases, rows that match no " +
		"harvested component, repeated rows and unknown labels are refused.")
	Path labelledClusters;

	@Option(names = "--no-augmentation", description = "Only rotate and place the chromosomes: no stretching, " +
		"bending, blur, contrast, gamma or noise; stains multiply where chromosomes overlap.")
	boolean noAugmentation;

	@Option(names = "--overlap-stain", paramLabel = "LO,HI", split = ",", description = "Where chromosomes overlap, " +
		"the layers above the darkest show with an exponent drawn from [LO, HI]: 1,1 multiplies the stains, 0,0 " +
		"shows the darkest layer only (default: 0,1; with --no-augmentation 1,1).")
	List<Double> overlapStain;

	@Option(names = "--max-turn", paramLabel = "DEGREES", description = "Turn a chromosome's axis along one arc by " +
		"up to this angle (180: U shapes and hairpins, as long chromosomes fold in real spreads; 0: none; default: " +
		"180, with --no-augmentation 0).")
	Double maxTurn;

	@Option(names = "--turn-share", paramLabel = "F", description = "The share of chromosomes whose axis turns " +
		"(default: 0.35, with --no-augmentation 1).")
	Double turnShare;

	@Option(names = "--tip-crossing", paramLabel = "F", description = "The share of crossings laid with one " +
		"chromosome's tip over the other's body; the rest cross middle over middle (default: 0).")
	Double tipCrossing;

	@Option(names = "--length-weight", paramLabel = "E", description = "Draw the chromosomes of a cluster with " +
		"probability proportional to their length in widths to the power E (1: in proportion to length, as long " +
		"chromosomes meet others more often; default: 0, uniformly).")
	Double lengthWeight;

	@Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed; the same seed gives the same files " +
		"(default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--overwrite", description = "Write into a non-empty output folder, replacing same-named files.")
	boolean overwrite;

	private MorphologySettings morphology() {
		MorphologySettings m = noAugmentation ? MorphologySettings.none() : MorphologySettings.defaults();
		m = m.withTurns(maxTurn == null ? m.maxTurn() : maxTurn, turnShare == null ? m.turnShare() : turnShare);
		if (tipCrossing != null) m = m.withTipCrossing(tipCrossing);
		if (lengthWeight != null) m = m.withLengthWeight(lengthWeight);
		if (overlapStain == null) return m;
		if (overlapStain.size() != 2) throw new IllegalArgumentException("--overlap-stain needs two values LO,HI, got " +
			overlapStain);
		return m.withOverlapStain(overlapStain.get(0), overlapStain.get(1));
	}

	@Override
	public Integer call() throws Exception {
		MixedDatasetBuilder.Settings settings = new MixedDatasetBuilder.Settings(bySplit("--per-class", perClass),
			bySplit("--max-instances", maxInstances), reshapedInstances, seed,
			morphology(), notInstance, labelledClusters == null ? null : LabelledClusters.read(labelledClusters));
		ProgressBar bar = ProgressBar.stderr();
		Cancellation.run(bar, () -> {
			MixedDatasetBuilder.build(harvest, extraSingles, output, settings, overwrite, bar, bar::log);
			return null;
		});
		spec.commandLine().getOut().println("Wrote the dataset to " + output + " (split: " + output.resolve("split.csv") +
			")");
		return SupcamCli.EXIT_OK;
	}

	private static Map<Split, Integer> bySplit(String option, List<Integer> counts) {
		if (counts.size() != 3) throw new IllegalArgumentException(option + " needs three counts TRAIN,VAL,TEST, got " +
			counts.size());
		return Map.of(Split.TRAIN, counts.get(0), Split.VAL, counts.get(1), Split.TEST, counts.get(2));
	}
}
