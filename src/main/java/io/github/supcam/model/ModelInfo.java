package io.github.supcam.model;

import com.google.gson.JsonElement;

import java.util.List;

/**
 * The self-description of a model package ({@code model.json}): everything needed to rebuild the network, feed it
 * exactly as in training, and audit how it was made.
 *
 * @param formatVersion package format; loading refuses versions it does not know
 * @param kind {@link #ENCODER} (after pretraining) or {@link #CLASSIFIER} (after fine-tuning)
 * @param backbone backbone name as understood by the network factory
 * @param embeddingDim size of the encoder's embedding (pretraining), 0 for a classifier
 * @param classNames class names in output order
 * @param preprocess the preprocessing that training applied
 * @param training every training setting, as written by the trainer
 * @param seed the run's seed
 * @param manifestHash SHA-256 of the dataset split manifest the model was trained on
 * @param weightsSha256 SHA-256 of the weights file, to detect corruption
 * @param bestEpoch fine-tuning epoch whose checkpoint was kept (0 for an encoder)
 * @param softwareVersion this plugin's version
 * @param djlVersion DJL version
 * @param pytorchVersion libtorch version
 * @param temperature softmax temperature T (probabilities are softmax(logits / T)) fitted by {@code supcam
 *   calibrate}; absent in older packages, which read as 1 (uncalibrated)
 */
public record ModelInfo(int formatVersion, String kind, String backbone, int embeddingDim, List<String> classNames,
	PreprocessSettings preprocess, JsonElement training, long seed, String manifestHash, String weightsSha256,
	int bestEpoch, String softwareVersion, String djlVersion, String pytorchVersion, Double temperature)
{
	public static final int FORMAT_VERSION = 1;
	public static final String ENCODER = "supcam-encoder";
	public static final String CLASSIFIER = "supcam-classifier";

	public ModelInfo {
		classNames = classNames == null ? List.of() : List.copyOf(classNames);
		if (temperature == null) temperature = 1.0;
		if (!(temperature > 0) || temperature.isInfinite()) throw new IllegalArgumentException(
			"temperature must be a finite number > 0, got " + temperature);
	}

	/** An uncalibrated model (temperature 1), as training writes it. */
	public ModelInfo(int formatVersion, String kind, String backbone, int embeddingDim, List<String> classNames,
		PreprocessSettings preprocess, JsonElement training, long seed, String manifestHash, String weightsSha256,
		int bestEpoch, String softwareVersion, String djlVersion, String pytorchVersion)
	{
		this(formatVersion, kind, backbone, embeddingDim, classNames, preprocess, training, seed, manifestHash,
			weightsSha256, bestEpoch, softwareVersion, djlVersion, pytorchVersion, 1.0);
	}

	public ModelInfo withWeightsSha256(String sha) {
		return new ModelInfo(formatVersion, kind, backbone, embeddingDim, classNames, preprocess, training, seed,
			manifestHash, sha, bestEpoch, softwareVersion, djlVersion, pytorchVersion, temperature);
	}

	public ModelInfo withTemperature(double t) {
		return new ModelInfo(formatVersion, kind, backbone, embeddingDim, classNames, preprocess, training, seed,
			manifestHash, weightsSha256, bestEpoch, softwareVersion, djlVersion, pytorchVersion, t);
	}
}
