package io.github.supcam.real;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import io.github.supcam.util.ErrorMessages;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads per-chromosome boxes: a folder of PASCAL VOC xml files (one per image, as LabelImg and CVAT write them) or
 * one COCO json file ({@code images[]}, {@code annotations[]} with {@code bbox [x, y, w, h]} and {@code image_id},
 * {@code categories[]}). A VOC box covers the pixels {@code xmin..xmax} inclusive; a COCO box {@code [x, x + w)}.
 */
public final class AnnotationReader {
	private AnnotationReader() {}

	/** A file that is not a readable annotation; the message names the file and what is wrong. */
	public static final class MalformedAnnotationException extends IOException {
		public MalformedAnnotationException(Path file, String problem) {
			super(file.getFileName() + ": " + problem);
		}
	}

	/**
	 * What was read: annotations by image key, and one line per file (or COCO entry) that could not be read.
	 * Two annotations for the same image are a problem too; the first one read is kept.
	 */
	public record Loaded(Map<String, ImageAnnotation> byKey, List<String> problems) {
		public Loaded {
			byKey = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
			problems = List.copyOf(problems);
		}
	}

	/** A folder of VOC xml files, or a COCO json file. */
	public static Loaded read(Path folderOrJson) throws IOException {
		if (Files.isDirectory(folderOrJson)) return readVocFolder(folderOrJson);
		if (!Files.isRegularFile(folderOrJson)) throw new IllegalArgumentException("Annotations " +
			folderOrJson + " do not exist: give a folder of PASCAL VOC .xml files or a COCO .json file");
		if (!folderOrJson.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) throw new
			IllegalArgumentException("Annotations " + folderOrJson + " must be a folder of PASCAL VOC .xml files or " +
				"a COCO .json file");
		return readCoco(folderOrJson);
	}

	/** Every {@code *.xml} of a folder (not recursive), in file-name order; a malformed file is a problem, not fatal. */
	public static Loaded readVocFolder(Path folder) throws IOException {
		List<Path> files;
		try (Stream<Path> s = Files.list(folder)) {
			files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml") &&
				Files.isRegularFile(p)).sorted().toList();
		}
		Map<String, ImageAnnotation> byKey = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		for (Path f : files) {
			try {
				ImageAnnotation a = readVoc(f);
				if (byKey.putIfAbsent(a.key(), a) != null) problems.add(f.getFileName() + ": a second annotation of " +
					a.key() + " (ignored; the first is " + byKey.get(a.key()).source() + ")");
			} catch (IOException e) {
				problems.add(ErrorMessages.describe(e));
			}
		}
		return new Loaded(byKey, problems);
	}

	/** One VOC file; its image is matched by the xml file's own name. */
	public static ImageAnnotation readVoc(Path file) throws IOException {
		Document doc;
		try {
			DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			// Annotation files come from other people's tools: no DTDs, no external entities.
			f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			var builder = f.newDocumentBuilder();
			builder.setErrorHandler(null);
			doc = builder.parse(file.toFile());
		} catch (SAXException e) {
			throw new MalformedAnnotationException(file, "malformed XML: " + e.getMessage());
		} catch (ParserConfigurationException e) {
			throw new IllegalStateException(e);
		}
		Element root = doc.getDocumentElement();
		if (!"annotation".equals(root.getTagName())) throw new MalformedAnnotationException(file,
			"not a PASCAL VOC annotation (root element <" + root.getTagName() + ">, expected <annotation>)");
		NodeList objects = root.getElementsByTagName("object");
		List<Box> boxes = new ArrayList<>();
		for (int i = 0; i < objects.getLength(); i++) {
			Element o = (Element) objects.item(i);
			NodeList bb = o.getElementsByTagName("bndbox");
			if (bb.getLength() == 0) throw new MalformedAnnotationException(file, "object " + (i + 1) + " has no <bndbox>");
			Element b = (Element) bb.item(0);
			int xmin = coordinate(file, b, "xmin", i), ymin = coordinate(file, b, "ymin", i);
			int xmax = coordinate(file, b, "xmax", i), ymax = coordinate(file, b, "ymax", i);
			if (xmax < xmin || ymax < ymin) throw new MalformedAnnotationException(file, "object " + (i + 1) +
				" has xmax < xmin or ymax < ymin");
			boxes.add(new Box(i + 1, text(o, "name"), xmin, ymin, xmax + 1, ymax + 1));
		}
		return new ImageAnnotation(file.getFileName().toString(), ImageAnnotation.key(file.getFileName().toString()),
			boxes);
	}

	private static int coordinate(Path file, Element bndbox, String tag, int object) throws IOException {
		String t = text(bndbox, tag);
		try {
			// Some tools write "12.0" or sub-pixel values; a box edge is the pixel the value falls in.
			return (int) Math.floor(Double.parseDouble(t));
		} catch (NumberFormatException e) {
			throw new MalformedAnnotationException(file, "object " + (object + 1) + ": <" + tag + "> is '" + t +
				"', not a number");
		}
	}

	private static String text(Element parent, String tag) {
		NodeList n = parent.getElementsByTagName(tag);
		return n.getLength() == 0 ? "" : n.item(0).getTextContent().trim();
	}

	/**
	 * A COCO json file. A file that is not valid json, or lacks {@code images} or {@code annotations}, is an
	 * error; a single bad image or annotation entry is a problem and is skipped.
	 */
	public static Loaded readCoco(Path file) throws IOException {
		JsonObject root;
		try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			JsonElement e = JsonParser.parseReader(r);
			if (!e.isJsonObject()) throw new MalformedAnnotationException(file, "not a COCO file (top level is not an object)");
			root = e.getAsJsonObject();
		} catch (JsonParseException | IllegalStateException e) {
			throw new MalformedAnnotationException(file, "malformed JSON: " + e.getMessage());
		}
		JsonArray images = array(file, root, "images"), annotations = array(file, root, "annotations");
		Map<Long, String> categories = new HashMap<>();
		if (root.has("categories")) for (JsonElement c : array(file, root, "categories")) {
			try {
				JsonObject o = c.getAsJsonObject();
				categories.put(o.get("id").getAsLong(), o.has("name") ? o.get("name").getAsString() : "");
			} catch (RuntimeException e) {
				throw new MalformedAnnotationException(file, "bad category " + c + ": " + e.getMessage());
			}
		}
		List<String> problems = new ArrayList<>();
		Map<Long, String> keyOfImage = new LinkedHashMap<>();
		for (JsonElement i : images) {
			try {
				JsonObject o = i.getAsJsonObject();
				keyOfImage.put(o.get("id").getAsLong(), ImageAnnotation.key(o.get("file_name").getAsString()));
			} catch (RuntimeException e) {
				problems.add(file.getFileName() + ": image entry " + i + " lacks a numeric id or a file_name");
			}
		}
		Map<Long, List<Box>> boxes = new LinkedHashMap<>();
		for (Long id : keyOfImage.keySet()) boxes.put(id, new ArrayList<>());
		int n = 0;
		for (JsonElement a : annotations) {
			n++;
			try {
				JsonObject o = a.getAsJsonObject();
				long imageId = o.get("image_id").getAsLong();
				List<Box> list = boxes.get(imageId);
				if (list == null) {
					problems.add(file.getFileName() + ": annotation " + n + " refers to image_id " + imageId +
						", which is not in images[]");
					continue;
				}
				JsonArray bb = o.getAsJsonArray("bbox");
				if (bb == null || bb.size() != 4) throw new IllegalArgumentException("bbox must be [x, y, width, height]");
				double x = bb.get(0).getAsDouble(), y = bb.get(1).getAsDouble();
				double w = bb.get(2).getAsDouble(), h = bb.get(3).getAsDouble();
				String label = o.has("category_id") ? categories.getOrDefault(o.get("category_id").getAsLong(), "") : "";
				int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
				list.add(new Box(list.size() + 1, label, x0, y0, Math.max(x0 + 1, (int) Math.ceil(x + w)),
					Math.max(y0 + 1, (int) Math.ceil(y + h))));
			} catch (RuntimeException e) {
				problems.add(file.getFileName() + ": annotation " + n + " skipped: " + e.getMessage());
			}
		}
		Map<String, ImageAnnotation> byKey = new LinkedHashMap<>();
		for (Map.Entry<Long, String> e : keyOfImage.entrySet()) {
			ImageAnnotation a = new ImageAnnotation(file.getFileName().toString(), e.getValue(), boxes.get(e.getKey()));
			if (byKey.putIfAbsent(a.key(), a) != null) problems.add(file.getFileName() + ": image " + e.getValue() +
				" listed twice (image_id " + e.getKey() + " ignored)");
		}
		return new Loaded(byKey, problems);
	}

	private static JsonArray array(Path file, JsonObject root, String name) throws IOException {
		JsonElement e = root.get(name);
		if (e == null || !e.isJsonArray()) throw new MalformedAnnotationException(file, "not a COCO file: no '" + name +
			"' array");
		return e.getAsJsonArray();
	}
}
