// Classifies the chromosome clusters of one image file and prints one line per cluster.
// Works in plain ImageJ 1.x and in Fiji, also without a display:
//   ImageJ -batch classify-image-file.ijm "/path/to/image.png|/path/to/model"
// Leave out "|/path/to/model" to use the bundled model. .ci/macro-test.sh runs this macro in a real ImageJ.
args = split(getArgument(), "|");
if (args.length < 1 || args[0] == "")
	exit("Usage: ImageJ -batch classify-image-file.ijm \"IMAGE[|MODEL]\"");
setBatchMode(true);
open(args[0]);
options = "device=cpu tta"; // tta: the 8-view average that the dialog and the CLI use by default
if (args.length > 1)
	options = options + " model=[" + args[1] + "]";
run("Clear Results");
run("Classify Clusters (macro)", options);
print("SUPCAM_RESULTS " + nResults);
for (i = 0; i < nResults; i++)
	print("SUPCAM_ROW " + getResultString("cluster", i) + " " + getResultString("predicted", i) + " " +
		d2s(getResult("confidence", i), 4));
close();
