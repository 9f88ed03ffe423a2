package io.github.supcam.real;

import io.github.supcam.dataset.ClusterType;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.image.Montage;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Example crops for the labelling guide: for each type, a montage of hand-labelled harvested components, made
 * from the harvest (which is made from the images), so no image is ever committed.
 */
public final class LabelExamples {
	private LabelExamples() {}

	/**
	 * Writes {@code examples-TYPE.png} into {@code output} for every type with labels: the first {@code perType}
	 * components of that label (in the labels file's order), captioned with image name and confidence.
	 *
	 * @return the files written
	 */
	public static List<Path> write(Path harvest, Path labels, Path output, int perType) throws IOException {
		Map<String, Harvester.Row> byBox = new HashMap<>();
		for (Harvester.Row r : Harvester.readManifest(harvest))
			byBox.put(r.componentKey(), r);
		Map<ClusterType, List<Montage.Tile>> tiles = new java.util.EnumMap<>(ClusterType.class);
		try (Reader in = Files.newBufferedReader(labels, StandardCharsets.UTF_8)) {
			for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
				Harvester.Row h = byBox.get(Harvester.componentKey(r.get("image"), Integer.parseInt(r.get("x")),
					Integer.parseInt(r.get("y")), Integer.parseInt(r.get("width")), Integer.parseInt(r.get("height"))));
				ClusterType type = ClusterType.parse(r.get("label"));
				List<Montage.Tile> list = tiles.computeIfAbsent(type, t -> new ArrayList<>());
				if (h == null || list.size() >= perType) continue;
				list.add(new Montage.Tile(ImageFiles.read(harvest.resolve(h.file())), r.get("image") + " " +
					r.get("confidence")));
			}
		}
		Files.createDirectories(output);
		List<Path> written = new ArrayList<>();
		for (var e : tiles.entrySet()) {
			if (e.getValue().isEmpty()) continue;
			Path f = output.resolve("examples-" + e.getKey().folderName() + ".png");
			Montage.writePng(e.getValue(), 6, 180, 255, f);
			written.add(f);
		}
		return written;
	}

	/** {@code LabelExamples HARVEST LABELS OUTPUT [PER_TYPE=12]}. */
	public static void main(String[] args) throws IOException {
		if (args.length < 3) {
			System.err.println("usage: LabelExamples HARVEST LABELS OUTPUT [PER_TYPE=12]");
			System.exit(2);
		}
		int perType = args.length > 3 ? Integer.parseInt(args[3]) : 12;
		for (Path f : write(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), perType))
			System.err.println("Wrote " + f);
	}
}
