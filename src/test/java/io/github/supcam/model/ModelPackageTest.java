package io.github.supcam.model;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ModelPackageTest {
	@TempDir
	Path tmp;

	static ModelInfo info() {
		JsonObject training = new JsonObject();
		training.addProperty("epochs", 3);
		return new ModelInfo(ModelInfo.FORMAT_VERSION, ModelInfo.CLASSIFIER, "resnet18-narrow", 0,
			List.of("instance", "touching", "overlapping", "touching-overlapping"), PreprocessSettings.robust(64),
			training, 42, "abc", null, 2, "test", "0.36.0", "2.7.1");
	}

	static ModelPackage writeWith(Path target, byte[] weights) throws IOException {
		TrainingLog log = new TrainingLog();
		log.add(new TrainingLog.Epoch("finetune", 1, 1.2, 0.01, 40, 3));
		log.add(new TrainingLog.Epoch("finetune", 2, 0.8, 0.01, 55.5, 3));
		return ModelPackage.write(target, info(), dir -> Files.write(dir.resolve(ModelPackage.WEIGHTS), weights),
			dir -> {
				log.writeCsv(dir.resolve(ModelPackage.TRAINING_CSV));
				log.writeChart(dir.resolve(ModelPackage.TRAINING_PNG), "test");
			});
	}

	@Test
	void folderRoundTrip() throws IOException {
		Path p = tmp.resolve("model");
		ModelPackage written = writeWith(p, new byte[] { 1, 2, 3 });
		ModelPackage read = ModelPackage.open(p);
		assertEquals(written.info(), read.info());
		assertEquals(64, read.info().preprocess().inputSize());
		assertEquals(64, read.info().weightsSha256().length());
		assertTrue(Files.size(p.resolve(ModelPackage.TRAINING_PNG)) > 1000);
		TrainingLog log = TrainingLog.readCsv(p.resolve(ModelPackage.TRAINING_CSV));
		assertEquals(55.5, log.epochs().get(1).valAccuracy(), 1e-9);
		// No temporary folders are left beside the package.
		try (var s = Files.list(tmp)) {
			assertEquals(List.of(p), s.toList());
		}
	}

	@Test
	void zipRoundTrip() throws IOException {
		Path a = tmp.resolve("a.zip");
		writeWith(a, new byte[] { 9, 9 });
		ModelPackage read = ModelPackage.open(a);
		assertEquals("resnet18-narrow", read.info().backbone());
		assertArrayEquals(new byte[] { 9, 9 }, Files.readAllBytes(read.weights()));
	}

	@Test
	void aZipOfTheFolderOpensAndIsUnpackedOnce() throws IOException {
		Path folder = tmp.resolve("model");
		writeWith(folder, new byte[] { 4, 2 });
		// As "compress folder" makes it: the files inside one top-level folder.
		Path zip = tmp.resolve("compressed.zip");
		try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip)); var files = Files.list(folder)) {
			for (Path f : (Iterable<Path>) files::iterator) {
				out.putNextEntry(new java.util.zip.ZipEntry("model/" + f.getFileName()));
				Files.copy(f, out);
				out.closeEntry();
			}
		}
		ModelPackage a = ModelPackage.open(zip), b = ModelPackage.open(zip);
		assertArrayEquals(new byte[] { 4, 2 }, Files.readAllBytes(a.weights()));
		assertEquals(a.folder(), b.folder(), "the same zip is unpacked once");
	}

	@Test
	void replacingAPackageReplacesItWhole() throws IOException {
		Path p = tmp.resolve("model");
		writeWith(p, new byte[] { 1 });
		writeWith(p, new byte[] { 2 });
		assertArrayEquals(new byte[] { 2 }, Files.readAllBytes(ModelPackage.open(p).weights()));
	}

	@Test
	void corruptWeightsAreDetected() throws IOException {
		Path p = tmp.resolve("model");
		writeWith(p, new byte[] { 1, 2, 3 });
		Files.write(p.resolve(ModelPackage.WEIGHTS), new byte[] { 1, 2, 4 });
		var e = assertThrows(IllegalArgumentException.class, () -> ModelPackage.open(p));
		assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
	}

	@Test
	void unknownFormatVersionIsRefused() throws IOException {
		Path p = tmp.resolve("model");
		writeWith(p, new byte[] { 1 });
		Path json = p.resolve(ModelPackage.MODEL_JSON);
		Files.writeString(json, Files.readString(json).replace("\"formatVersion\": 1", "\"formatVersion\": 99"));
		var e = assertThrows(IllegalArgumentException.class, () -> ModelPackage.open(p));
		assertTrue(e.getMessage().contains("format version 99"), e.getMessage());
	}

	@Test
	void wrongFilesGiveClearErrors() throws IOException {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelPackage.open(tmp.resolve("nope")))
			.getMessage().contains("does not exist"));
		Path notZip = Files.writeString(tmp.resolve("x.txt"), "hello");
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelPackage.open(notZip)).getMessage()
			.contains("neither"));
		Path badZip = Files.writeString(tmp.resolve("x.zip"), "not a zip");
		assertThrows(IllegalArgumentException.class, () -> ModelPackage.open(badZip));
		Path garbage = Files.createDirectories(tmp.resolve("g"));
		Files.writeString(garbage.resolve(ModelPackage.MODEL_JSON), "{ this is not json");
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelPackage.open(garbage)).getMessage()
			.contains("Corrupt"));
	}
}
