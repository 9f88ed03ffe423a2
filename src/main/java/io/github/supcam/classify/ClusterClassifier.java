package io.github.supcam.classify;

import ij.gui.Roi;
import ij.process.ImageProcessor;
import io.github.supcam.dataset.ClusterType;
import io.github.supcam.detect.ClusterCrop;
import io.github.supcam.detect.ClusterDetector;
import io.github.supcam.detect.ClusterRois;
import io.github.supcam.detect.ComponentFlags;
import io.github.supcam.detect.DetectedCluster;
import io.github.supcam.detect.DetectionResult;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.Intensity;
import io.github.supcam.model.ClusterModel;
import io.github.supcam.model.Inference;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Classifies the chromosome clusters of an image: found automatically (connected components), given as ROIs, or
 * the whole image as one cluster. Each cluster is cropped with a margin, other objects are masked to background,
 * and the crop goes through the model's own preprocessing, exactly as in training.
 */
public final class ClusterClassifier {
	private final ClusterModel model;
	private final ClassifySettings settings;

	public ClusterClassifier(ClusterModel model, ClassifySettings settings) {
		this.model = model;
		this.settings = settings;
	}

	public ClassifySettings settings() {
		return settings;
	}

	/**
	 * The clusters of one image.
	 *
	 * @param rows one Results row per classified cluster
	 * @param rois the cluster outlines, aligned with {@code rows}, named "&lt;cluster&gt;-&lt;type&gt;"
	 * @param detection what detection found (null for ROIs or whole-image crops)
	 * @param problems clusters that could not be classified, with the reason
	 */
	public record ImageResult(String image, List<ClusterResult> rows, List<Roi> rois, DetectionResult detection,
		List<String> problems) {}

	/** Detects every cluster in a whole image and classifies it; likely nuclei and debris are flagged ({@link ComponentFlags}). */
	public ImageResult classifyDetected(String image, ArrayImg<UnsignedByteType, ByteArray> img) {
		DetectionResult d = new ClusterDetector(settings.detection()).detect(img);
		int background = ClusterCrop.backgroundLevel(img, d.labels());
		List<String> flags = ComponentFlags.defaults().flags(img, d);
		List<Candidate> candidates = new ArrayList<>();
		for (DetectedCluster c : d.clusters()) candidates.add(new Candidate(String.valueOf(c.id()), c.bounds(),
			c.area(), c.touchesBorder(), ClusterRois.toRoi(d.labels(), c),
			ClusterCrop.extract(img, d.labels(), c, settings.margin(), background), flags.get(c.id() - 1)));
		return classify(image, candidates, d);
	}

	/** Classifies each ROI as one cluster; pixels outside a ROI are set to the crop's background. */
	public ImageResult classifyRois(String image, ArrayImg<UnsignedByteType, ByteArray> img, List<Roi> rois) {
		List<Candidate> candidates = new ArrayList<>();
		List<String> outside = new ArrayList<>();
		int w = Gray8.width(img), h = Gray8.height(img);
		for (int i = 0; i < rois.size(); i++) {
			Roi roi = rois.get(i);
			String name = roi.getName() != null ? roi.getName() : String.valueOf(i + 1);
			Rectangle b = roi.getBounds().intersection(new Rectangle(0, 0, w, h));
			if (b.isEmpty()) {
				outside.add(image + " ROI " + name + ": lies outside the " + w + "x" + h + " image");
				continue;
			}
			ImageProcessor mask = roi.getMask();
			long area = 0;
			for (int y = 0; y < b.height; y++) for (int x = 0; x < b.width; x++)
				if (inside(roi, mask, b.x + x, b.y + y)) area++;
			boolean border = b.x == 0 || b.y == 0 || b.x + b.width == w || b.y + b.height == h;
			candidates.add(new Candidate(name, b, area, border, roi, cropRoi(img, roi, mask, b), ""));
		}
		ImageResult r = classify(image, candidates, null);
		if (outside.isEmpty()) return r;
		List<String> problems = new ArrayList<>(outside);
		problems.addAll(r.problems());
		return new ImageResult(r.image(), r.rows(), r.rois(), null, problems);
	}

	/** Classifies the whole image as one cluster (a crop such as ChrCluster's images). */
	public ImageResult classifyWhole(String image, ArrayImg<UnsignedByteType, ByteArray> img) {
		int w = Gray8.width(img), h = Gray8.height(img);
		Roi roi = new Roi(0, 0, w, h);
		roi.setName(image);
		return classify(image, List.of(new Candidate(image, new Rectangle(0, 0, w, h), (long) w * h, false, roi,
			img, "")), null);
	}

	/** One crop to classify; {@code flag} as in {@link ClusterResult}. */
	private record Candidate(String name, Rectangle bounds, long area, boolean border, Roi roi,
		ArrayImg<UnsignedByteType, ByteArray> crop, String flag) {}

	private ImageResult classify(String image, List<Candidate> candidates, DetectionResult detection) {
		List<String> problems = new ArrayList<>();
		List<Candidate> kept = new ArrayList<>();
		List<float[]> inputs = new ArrayList<>();
		for (Candidate c : candidates) {
			try {
				inputs.add(model.preprocessor().apply(c.crop()).data());
				kept.add(c);
			} catch (IllegalArgumentException e) {
				problems.add(image + " cluster " + c.name() + ": " + e.getMessage());
			}
		}
		double[][] p = inputs.isEmpty() ? new double[0][] : settings.testTimeAugmentation() ?
			model.predictAugmented(inputs, settings.batchSize()) : model.predict(inputs, settings.batchSize());
		List<ClusterResult> rows = new ArrayList<>();
		List<Roi> rois = new ArrayList<>();
		for (int i = 0; i < kept.size(); i++) {
			Candidate c = kept.get(i);
			ClusterType t = ClusterType.ofIndex(Inference.argmax(p[i]));
			rows.add(new ClusterResult(image, c.name(), c.bounds(), c.area(), c.border(), t, p[i],
				p[i][t.ordinal()] < settings.lowConfidence(), c.flag()));
			Roi roi = (Roi) c.roi().clone();
			roi.setName(c.name() + "-" + t.folderName());
			rois.add(roi);
		}
		return new ImageResult(image, rows, rois, detection, problems);
	}

	private static boolean inside(Roi roi, ImageProcessor mask, int x, int y) {
		if (mask == null) return roi.getBounds().contains(x, y);
		Rectangle r = roi.getBounds();
		int mx = x - r.x, my = y - r.y;
		return mx >= 0 && my >= 0 && mx < mask.getWidth() && my < mask.getHeight() && mask.get(mx, my) != 0;
	}

	private ArrayImg<UnsignedByteType, ByteArray> cropRoi(ArrayImg<UnsignedByteType, ByteArray> img, Roi roi,
		ImageProcessor mask, Rectangle b)
	{
		int m = settings.margin(), w = Gray8.width(img), h = Gray8.height(img);
		int cw = b.width + 2 * m, ch = b.height + 2 * m;
		byte[] src = Gray8.pixels(img);
		// Background: the median of the pixels around the ROI, outside it.
		long[] hist = new long[256];
		int n = 0;
		for (int y = b.y - m; y < b.y + b.height + m; y++) for (int x = b.x - m; x < b.x + b.width + m; x++)
			if (x >= 0 && y >= 0 && x < w && y < h && !inside(roi, mask, x, y)) {
				hist[src[y * w + x] & 0xff]++;
				n++;
			}
		int bg = n == 0 ? Intensity.borderMedian(img) : Intensity.median(hist);
		byte[] out = new byte[cw * ch];
		Arrays.fill(out, (byte) bg);
		for (int yy = 0; yy < ch; yy++) for (int xx = 0; xx < cw; xx++) {
			int x = b.x - m + xx, y = b.y - m + yy;
			if (x >= 0 && y >= 0 && x < w && y < h && inside(roi, mask, x, y)) out[yy * cw + xx] = src[y * w + x];
		}
		return Gray8.wrap(out, cw, ch);
	}
}
