package io.github.supcam.fiji;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.FileInfo;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;
import io.github.supcam.classify.ClassifySettings;
import io.github.supcam.classify.ClusterClassifier;
import io.github.supcam.classify.ClusterLabels;
import io.github.supcam.classify.ResultOverlay;
import io.github.supcam.classify.Results;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.model.BundledModel;
import io.github.supcam.model.ClusterModel;
import io.github.supcam.util.Progress;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Classifies an open image the ImageJ way: the clusters come from the ROI Manager, the selection, detection or the
 * whole image; the outcome lands in an overlay, a ResultsTable, the ROI Manager and a type label image. Shared by the
 * Fiji command and the ImageJ 1.x macro bridge, so it uses ImageJ 1.x types only and runs in plain ImageJ.
 */
public final class ImageClassification {
	private ImageClassification() {}

	/** How the clusters of an image were found. */
	public enum Source {
		DETECTED("detected automatically"), ROIS("given as ROIs"), WHOLE("the whole image");

		private final String description;

		Source(String description) {
			this.description = description;
		}

		@Override
		public String toString() {
			return description;
		}
	}

	/** A classified image: the core's result, where its clusters came from, and a one-line summary. */
	public record Outcome(ClusterClassifier.ImageResult result, Source source, String summary) {}

	private static ClusterModel cached;
	private static String cachedKey;

	/**
	 * The loaded model, kept warm between calls (a macro classifying a folder loads it once). Reloaded when the
	 * path, the device or the package's modification time change.
	 *
	 * @param model classifier package, or null for the bundled model
	 */
	public static synchronized ClusterModel model(Path model, String device) throws IOException {
		Path p = model != null ? model : BundledModel.locate();
		if (!Files.exists(p)) throw new IllegalArgumentException("No such model package: " + p);
		String key = p.toAbsolutePath().normalize() + "|" + device + "|" + Files.getLastModifiedTime(p);
		if (!key.equals(cachedKey)) {
			if (cached != null) cached.close();
			cached = null;
			cached = ClusterModel.load(p, device);
			cachedKey = key;
		}
		return cached;
	}

	/**
	 * The ROIs a user marked on an image: the ROI Manager's when it holds any, else the image's area selection.
	 * Empty when there are none.
	 */
	public static List<Roi> userRois(ImagePlus imp) {
		RoiManager rm = roiManager();
		if (rm != null && rm.getCount() > 0) return new ArrayList<>(Arrays.asList(rm.getRoisAsArray()));
		Roi sel = imp.getRoi();
		return sel != null && sel.isArea() ? List.of(sel) : List.of();
	}

	/**
	 * The ROI Manager if there is one. Headless there is none: in a batch macro {@link RoiManager#getInstance()}
	 * would build a hidden one, a window, which throws HeadlessException.
	 */
	static RoiManager roiManager() {
		return GraphicsEnvironment.isHeadless() ? null : RoiManager.getInstance();
	}

	/**
	 * Classifies the clusters of the image's current slice and sets the coloured overlay on it.
	 *
	 * @param rois clusters given by the user (see {@link #userRois}); empty to detect them
	 * @param whole classify the whole image as one cluster (the ROIs are then ignored)
	 */
	// Synchronized with model(): the cached model must not be closed and replaced while it is classifying.
	public static synchronized Outcome classify(ImagePlus imp, Path model, String device, ClassifySettings settings,
		List<Roi> rois, boolean whole, Progress progress) throws IOException
	{
		requirePixels(imp);
		progress.update(0, 2, "Loading the model");
		ClusterClassifier classifier = new ClusterClassifier(model(model, device), settings);
		progress.checkCancelled();
		progress.update(1, 2, "Classifying clusters in " + imp.getTitle());
		ArrayImg<UnsignedByteType, ByteArray> img = ImageFiles.toGray8(imp);
		String name = imp.getTitle();
		Source source = whole ? Source.WHOLE : rois.isEmpty() ? Source.DETECTED : Source.ROIS;
		ClusterClassifier.ImageResult r = switch (source) {
			case WHOLE -> classifier.classifyWhole(name, img);
			case ROIS -> classifier.classifyRois(name, img, rois);
			case DETECTED -> classifier.classifyDetected(name, img);
		};
		imp.setOverlay(ResultOverlay.overlay(r, imp.getWidth()));
		progress.update(2, 2, "Classified " + r.rows().size() + " clusters");
		return new Outcome(r, source, Results.summary(name, r.rows()) + " [clusters " + source + "]");
	}

	/**
	 * Refuses an image without pixels, which is what Fiji hands over for a file it could not read, with the file's
	 * name and what is wrong with it.
	 */
	static void requirePixels(ImagePlus imp) throws ImageFiles.ImageReadException {
		if (imp.getProcessor() != null && imp.getWidth() > 0 && imp.getHeight() > 0) return;
		FileInfo fi = imp.getOriginalFileInfo();
		Path file = fi == null || fi.fileName == null || fi.fileName.isEmpty() ? null :
			fi.directory == null ? Paths.get(fi.fileName) : Paths.get(fi.directory, fi.fileName);
		if (file == null && !imp.getTitle().isBlank() && Files.exists(Paths.get(imp.getTitle())))
			file = Paths.get(imp.getTitle());
		if (file == null) throw new IllegalArgumentException("Image '" + imp.getTitle() + "' has no pixels: its file " +
			"could not be read (corrupt, truncated or not an image format ImageJ opens)");
		ImageFiles.open(file); // throws with the file and the reason
		throw new ImageFiles.ImageReadException(file, "ImageJ opened it without pixels (corrupt or unsupported)");
	}

	/** Appends the rows to the system Results table, which a macro reads with nResults and getResult. */
	public static ResultsTable appendToSystemResults(Outcome o) {
		ResultsTable rt = ResultsTable.getResultsTable();
		addTo(rt, o);
		rt.show("Results");
		return rt;
	}

	/**
	 * Saves what a batch job needs into {@code folder}: NAME.csv (the rows), NAME-overlay.png and NAME-labels.tif
	 * (16-bit, each cluster's pixels its cluster id, as {@code supcam classify --labels-dir} writes).
	 *
	 * @return the files written
	 */
	public static List<Path> save(Path folder, ImagePlus imp, Outcome o, boolean overwrite) throws IOException {
		String stem = imp.getShortTitle().isBlank() ? "image" : imp.getShortTitle();
		List<Path> files = List.of(folder.resolve(stem + ".csv"), folder.resolve(stem + "-overlay.png"),
			folder.resolve(stem + "-labels.tif"));
		for (Path f : files) if (Files.exists(f) && !overwrite) throw new IllegalArgumentException(f +
			" already exists; choose another output folder or tick overwrite");
		Files.createDirectories(folder);
		Results.writeCsv(files.get(0), o.result().rows());
		ImageFiles.writePng(ResultOverlay.render(ImageFiles.toGray8(imp), o.result()), files.get(1));
		ClusterLabels.write(files.get(2), imp.getWidth(), imp.getHeight(), o.result());
		return files;
	}

	/** Appends the rows to a ResultsTable (the same columns as the CSV). */
	public static void addTo(ResultsTable rt, Outcome o) {
		Results.addTo(rt, o.result().rows());
	}

	/** 8-bit image of the types: 0 background, type index + 1 inside each cluster. */
	public static ImagePlus labelImage(ImagePlus imp, Outcome o) {
		ImagePlus labels = new ImagePlus(imp.getShortTitle() + "-cluster-types",
			ResultOverlay.typeLabels(imp.getWidth(), imp.getHeight(), o.result()));
		labels.setDisplayRange(0, 4);
		labels.setCalibration(imp.getCalibration());
		return labels;
	}

	/**
	 * Adds each cluster's outline to the ROI Manager, named "&lt;cluster&gt;-&lt;type&gt;" and coloured by type.
	 *
	 * @return false in a headless session, which has no ROI Manager
	 */
	public static boolean addToRoiManager(Outcome o) {
		if (GraphicsEnvironment.isHeadless()) return false;
		RoiManager rm = RoiManager.getRoiManager();
		for (int i = 0; i < o.result().rois().size(); i++) {
			Roi roi = (Roi) o.result().rois().get(i).clone();
			roi.setStrokeColor(io.github.supcam.classify.Palette.of(o.result().rows().get(i).predicted()));
			rm.addRoi(roi);
		}
		return true;
	}
}
