// Classifies the chromosome clusters of the active image and reports the count per type.
// Clusters come from the ROI Manager (or the selection) when "rois" is given, else they are detected.
// Fiji's recorder shows the same call; the SciJava command "Classify Clusters" is the dialog version.
if (nImages == 0)
	exit("Open a metaphase image (or a cluster crop) first.");
model = "";          // empty: the bundled model; else the folder or .zip of a classifier package
options = "low=0.5 tta"; // tta: the 8-view average, as the dialog by default; add " rois" to classify the ROI
                         // Manager's ROIs, " whole" for a single-cluster crop, " add" for ROI Manager entries,
                         // " labels" for a label image
if (model != "")
	options = options + " model=[" + model + "]";
run("Clear Results");
run("Classify Clusters (macro)", options);

types = newArray("instance", "touching", "overlapping", "touching-overlapping");
counts = newArray(0, 0, 0, 0);
low = 0;
for (i = 0; i < nResults; i++) {
	t = getResultString("predicted", i);
	for (k = 0; k < types.length; k++)
		if (t == types[k]) counts[k]++;
	low += getResult("low_confidence", i);
}
print(getTitle() + ": " + nResults + " clusters");
for (k = 0; k < types.length; k++)
	print("  " + types[k] + ": " + counts[k]);
print("  low confidence: " + low);
