package io.github.supcam.classify;

import ij.gui.Roi;
import ij.io.RoiDecoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads ImageJ ROI files: a RoiSet .zip saved by the ROI Manager, or a single .roi file. */
public final class RoiSets {
	private RoiSets() {}

	/** @throws IllegalArgumentException if the file holds no readable ROI */
	public static List<Roi> read(Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new IllegalArgumentException("No such ROI file: " + file);
		List<Roi> rois = new ArrayList<>();
		if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".roi")) {
			Roi r = decode(Files.readAllBytes(file), file.getFileName().toString());
			if (r != null) rois.add(r);
		} else {
			try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
				for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
					if (!e.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".roi")) continue;
					Roi r = decode(zip.readAllBytes(), e.getName());
					if (r != null) rois.add(r);
				}
			}
		}
		if (rois.isEmpty()) throw new IllegalArgumentException(file + " holds no readable ImageJ ROI " +
			"(expected a RoiSet .zip from the ROI Manager or a .roi file)");
		return rois;
	}

	private static Roi decode(byte[] bytes, String entry) {
		Roi r = RoiDecoder.openFromByteArray(bytes);
		if (r != null && (r.getName() == null || r.getName().isBlank()))
			r.setName(entry.replaceFirst("(?i)\\.roi$", ""));
		return r;
	}
}
