// Category-variant augmentation (SupCAM's composition): writes new labelled cluster images composed from a
// labelled dataset (instance/, touching/, overlapping/, touching-overlapping/ or ChrCluster's 0/..3/).
// The SciJava command "Augment Dataset" offers every setting in a dialog.
// Batch: ImageJ -batch augment-dataset.ijm "/dataset|/augmented"
arg = getArgument();
if (arg != "") {
	args = split(arg, "|");
	input = args[0];
	output = args[1];
} else {
	input = getDirectory("Labelled dataset folder");
	output = getDirectory("Output folder (empty or new)");
}
run("Augment Dataset (macro)", "input=[" + input + "] output=[" + output + "] count=1000 seed=1 size=224");
