// Trains a classifier the SupCAM way: supervised contrastive pretraining, then fine-tuning of the 4-class
// classifier on the same split (the test images stay unseen by both steps). The packages it writes are what
// "Classify Clusters (macro)" takes as model=[...]. The SciJava commands "Pretrain (SupCAM)" and
// "Fine-tune Classifier" are the dialog versions (with a live loss plot).
// epochs=0 and batch=0 keep the paper's values; pretraining a ResNet-18 on CPU takes hours, on a GPU minutes.
// Batch: ImageJ -batch train-model.ijm "/dataset|/models/my-run"
arg = getArgument();
if (arg != "") {
	args = split(arg, "|");
	data = args[0];
	out = args[1];
} else {
	data = getDirectory("Labelled dataset folder");
	out = getDirectory("Folder for the two model packages");
}
encoder = out + File.separator + "encoder";
classifier = out + File.separator + "classifier";
run("Pretrain (macro)", "data=[" + data + "] output=[" + encoder + "] backbone=resnet18 epochs=0 batch=0 device=auto seed=42");
run("Fine-tune Classifier (macro)", "data=[" + data + "] output=[" + classifier + "] pretrained=[" + encoder + "] mode=finetune epochs=0 batch=0 device=auto seed=42");
print("Classifier written to " + classifier);
