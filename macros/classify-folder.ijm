// Classifies every image of a folder (and its subfolders) into one Results CSV, the same file as
// 'supcam classify FOLDER --output results.csv' writes. Unreadable files are reported in the Log and skipped.
// Interactive: asks for the folders. Batch: ImageJ -batch classify-folder.ijm "/images|/out/results.csv[|/model]"
arg = getArgument();
if (arg != "") {
	args = split(arg, "|");
	input = args[0];
	output = args[1];
	model = "";
	if (args.length > 2) model = args[2];
} else {
	input = getDirectory("Folder of images");
	output = File.openDialog("Results CSV to write (a new file)");
	model = "";
}
options = "input=[" + input + "] output=[" + output + "] low=0.5 tta"; // tta: as the dialog and the CLI by default
if (model != "")
	options = options + " model=[" + model + "]";
// Add " crops" when every image is one cluster, " roiset=[RoiSet.zip]" to classify the same ROIs in every image,
// " overlays=[folder]" for one overlay PNG per image, " overwrite" to replace an existing CSV.
run("Clear Results");
run("Classify Folder (macro)", options);
print(nResults + " clusters classified; results in " + output);

// The same by hand, one image at a time (e.g. to add your own measurements to each row):
//   list = getFileList(input);
//   for (i = 0; i < list.length; i++) {
//     if (!endsWith(list[i], ".png") && !endsWith(list[i], ".tif")) continue;
//     open(input + list[i]);
//     run("Classify Clusters (macro)", "low=0.5");   // appends to the Results table
//     close();
//   }
//   saveAs("Results", output);
