package io.github.supcam.model;

import io.github.supcam.Version;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.synth.SynthDatasetWriter;
import io.github.supcam.synth.SynthSettings;
import io.github.supcam.util.AtomicFiles;
import io.github.supcam.util.Checksums;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Exports a classifier package in the style of a bioimage.io model: {@code rdf.yaml} describing inputs, outputs,
 * class names, a test input and its expected output ({@code .npy}), the weights and the model card. The weights
 * stay in DJL's parameter format (the network is built in Java, so there is no TorchScript to export); the RDF
 * says so, and names the Java class that rebuilds the network.
 */
public final class BioImageIoExport {
	private BioImageIoExport() {}

	public static final String RDF = "rdf.yaml";
	public static final String TEST_INPUT = "test_input.npy";
	public static final String TEST_OUTPUT = "test_output.npy";

	/** Writes the export into {@code out} (refused if not empty). The test input is a synthetic instance. */
	public static void export(Path classifier, Path out, Path modelCard) throws IOException {
		AtomicFiles.prepareOutputDir(out, false);
		if (modelCard != null && !Files.isRegularFile(modelCard)) throw new IllegalArgumentException(
			"Model card " + modelCard + " does not exist");
		// Written as a whole: an interrupted export leaves no half-filled folder.
		AtomicFiles.writeDirectory(out, dir -> write(classifier, dir, modelCard));
	}

	private static void write(Path classifier, Path out, Path modelCard) throws IOException {
		try (ClusterModel model = ClusterModel.load(classifier, "cpu")) {
			int n = model.info().preprocess().inputSize();
			float[] input = model.preprocessor().apply(new SynthDatasetWriter(SynthSettings.defaults(), 1)
				.sample(ClusterType.TOUCHING, 0, 224).image()).data();
			double[] probs = model.predict(List.of(input), 1)[0];
			float[] output = new float[probs.length];
			for (int i = 0; i < probs.length; i++) output[i] = (float) probs[i];
			writeNpy(out.resolve(TEST_INPUT), input, 1, 1, n, n);
			writeNpy(out.resolve(TEST_OUTPUT), output, 1, probs.length);
			ModelPackage pkg = ModelPackage.open(classifier);
			Files.copy(pkg.weights(), out.resolve(ModelPackage.WEIGHTS));
			Files.copy(pkg.folder().resolve(ModelPackage.MODEL_JSON), out.resolve(ModelPackage.MODEL_JSON));
			if (modelCard != null) Files.copy(modelCard, out.resolve("README.md"));
			AtomicFiles.writeString(out.resolve(RDF), rdf(model.info(), out));
		}
	}

	static String rdf(ModelInfo info, Path out) throws IOException {
		int n = info.preprocess().inputSize();
		String classes = info.classNames().stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
		return String.join("\n",
			"# bioimage.io-style resource description (model spec 0.5 layout). The weights are DJL/PyTorch",
			"# parameters of a network built in Java by io.github.supcam.nn.Backbones, not TorchScript.",
			"format_version: 0.5.3",
			"type: model",
			"name: SupCAM chromosome cluster type classifier (" + info.backbone() + ", synthetic training)",
			"description: >-",
			"  Classifies one chromosome cluster crop as instance, touching, overlapping or touching-overlapping",
			"  (SupCAM: supervised contrastive pretraining with category-variant composition and a self-margin",
			"  loss, then fine-tuning). Trained on synthetic clusters only.",
			"authors:",
			"  - name: SupCAM for Fiji developers",
			"cite:",
			"  - text: \"Luo, Wu & Zhao (2023). SupCAM: chromosome cluster types identification using supervised",
			"      contrastive learning with category-variant augmentation and self-margin loss. Frontiers in Genetics.\"",
			"license: BSD-2-Clause",
			"documentation: README.md",
			"tags: [chromosome, karyotype, cytogenetics, classification, metaphase, supcam]",
			"inputs:",
			"  - id: density",
			"    description: >-",
			"      One cluster crop after SupCAM preprocessing (model.json, preprocess): background 0, stain density",
			"      positive, median chromosome pixel 0.5, chromosome width " + info.preprocess().targetWidth() +
				" px, centred.",
			"    axes:",
			"      - type: batch",
			"      - type: channel",
			"        channel_names: [density]",
			"      - {type: space, id: y, size: " + n + "}",
			"      - {type: space, id: x, size: " + n + "}",
			"    test_tensor: {source: " + TEST_INPUT + ", sha256: " + Checksums.sha256(out.resolve(TEST_INPUT)) + "}",
			"    data: {type: float32}",
			"outputs:",
			"  - id: probabilities",
			"    axes:",
			"      - type: batch",
			"      - type: channel",
			"        channel_names: [" + classes + "]",
			"    test_tensor: {source: " + TEST_OUTPUT + ", sha256: " + Checksums.sha256(out.resolve(TEST_OUTPUT)) +
				"}",
			"    data: {type: float32}",
			"weights:",
			"  djl_pytorch_parameters:",
			"    source: " + ModelPackage.WEIGHTS,
			"    sha256: " + Checksums.sha256(out.resolve(ModelPackage.WEIGHTS)),
			"    architecture: io.github.supcam.nn.Classifier(Backbones.create(\"" + info.backbone() + "\"), " +
				info.classNames().size() + ")",
			"    pytorch_version: \"" + info.pytorchVersion() + "\"",
			"config:",
			"  supcam:",
			"    model_json: " + ModelPackage.MODEL_JSON,
			"    class_names: [" + classes + "]",
			"    software_version: \"" + Version.get() + "\"",
			"");
	}

	/** Writes a little-endian float32 array in NumPy's .npy format (version 1.0). */
	public static void writeNpy(Path file, float[] data, int... shape) throws IOException {
		String dims = java.util.Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
		if (shape.length == 1) dims += ",";
		String header = String.format(Locale.ROOT, "{'descr': '<f4', 'fortran_order': False, 'shape': (%s), }", dims);
		int total = 10 + header.length() + 1;
		header += " ".repeat((64 - total % 64) % 64) + "\n";
		ByteBuffer body = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
		for (float f : data) body.putFloat(f);
		String h = header;
		AtomicFiles.write(file, out -> {
			DataOutputStream d = new DataOutputStream(out);
			d.write(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0 });
			byte[] hb = h.getBytes(StandardCharsets.US_ASCII);
			d.write(hb.length & 0xff);
			d.write(hb.length >> 8);
			d.write(hb);
			d.write(body.array());
			d.flush();
		});
	}
}
