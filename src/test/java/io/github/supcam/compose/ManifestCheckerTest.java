package io.github.supcam.compose;

import com.google.gson.JsonObject;
import io.github.supcam.image.Canvas;
import io.github.supcam.image.Gray8;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.image.Intensity;
import io.github.supcam.image.Placement;
import io.github.supcam.util.Json;
import io.github.supcam.util.Progress;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An independent checker of an augment output: from the source files, augment.json and manifest.csv alone it
 * recomputes every placement, mask, intersection count, label (MIDDLE table, written out here again) and pixel
 * (for EQUAL and MAX), and compares them with the written PNGs.
 */
class ManifestCheckerTest {
	@TempDir
	Path tmp;

	@Test
	void equalOutputIsReproducibleFromTheManifest() throws IOException {
		check(Combine.EQUAL, 17);
	}

	@Test
	void maxOutputIsReproducibleFromTheManifest() throws IOException {
		check(Combine.MAX, 18);
	}

	@Test
	void betaOutputIsReproducibleOutsideTheOverlap() throws IOException {
		check(Combine.BETA, 19);
	}

	private void check(Combine combine, long seed) throws IOException {
		Path in = tmp.resolve("in"), out = tmp.resolve("out");
		TestImages.writeRodDataset(in);
		CompositionSettings settings = CompositionSettings.defaults().withSize(64).withIntersectionThreshold(20)
			.withCombine(combine);
		new AugmentJob(in, out, 60, seed, settings, false).run(Progress.NONE);

		JsonObject json = Json.fromJson(Files.readString(out.resolve(AugmentJob.SETTINGS_FILE)), JsonObject.class);
		int size = json.get("size").getAsInt(), bg = json.get("backgroundValue").getAsInt();
		int pThreshold = json.get("intersectionThreshold").getAsInt();
		assertEquals("adaptive", json.get("foregroundThreshold").getAsString());
		assertEquals("DARK_ON_LIGHT", json.get("polarity").getAsString());
		assertEquals("middle", json.get("table").getAsString());
		assertEquals(combine.cliName(), json.get("combine").getAsString());
		Path input = Path.of(json.get("input").getAsString());

		int touching = 0, overlapping = 0, candidates = 0, scaled = 0;
		for (CSVRecord r : AugmentJobTest.manifest(out)) {
			if (r.get("primary").equals("instance/wide.png") || r.get("candidate").equals("instance/wide.png")) scaled++;
			byte[] written = Gray8.pixels(ImageFiles.read(out.resolve(r.get("file"))));
			assertEquals(r.get("label"), r.get("file").substring(0, r.get("file").indexOf('/')));
			Path cs = input.resolve(r.get("candidate"));
			byte[] c = placeAt(cs, Integer.parseInt(r.get("candidate_x")), Integer.parseInt(r.get("candidate_y")), size,
				sourceBackground(cs));
			if (r.get("source").equals("candidate")) {
				candidates++;
				assertEquals(r.get("candidate_label"), r.get("label"));
				assertEquals(Arrays.toString(c), Arrays.toString(written), r.get("file"));
				continue;
			}
			assertEquals("composed", r.get("source"));
			Path ps = input.resolve(r.get("primary"));
			int pBackground = canvasBackground(ps, size);
			byte[] p = placeAt(ps, Integer.parseInt(r.get("primary_x")), Integer.parseInt(r.get("primary_y")), size,
				sourceBackground(ps));
			// Adaptive rule: each image's threshold is its canvas's border median minus 25.
			int tp = pBackground - 25, tc = canvasBackground(cs, size) - 25;
			int intersection = 0;
			for (int i = 0; i < p.length; i++) {
				int pv = p[i] & 0xff, cv = c[i] & 0xff;
				boolean mp = pv < tp, mc = cv < tc;
				if (mp && mc) intersection++;
				int want = mp && mc ? (combine == Combine.EQUAL ? (pv + cv + 1) / 2 : Math.min(pv, cv)) : mp ? pv :
					mc ? cv : pBackground;
				if (combine != Combine.BETA || !(mp && mc))
					assertEquals(want, written[i] & 0xff, r.get("file") + " pixel " + (i % size) + "," + (i / size));
				else assertTrue((written[i] & 0xff) >= Math.min(pv, cv) && (written[i] & 0xff) <= Math.max(pv, cv));
			}
			assertEquals(intersection, Integer.parseInt(r.get("intersection")), r.get("file"));
			if (intersection == 0) assertTrue(touch(p, tp, c, tc, size), r.get("file") + ": clusters do not touch");
			boolean overlap = intersection > pThreshold;
			if (overlap) overlapping++;
			else touching++;
			assertEquals(middleLabel(r.get("primary_label"), r.get("candidate_label"), overlap), r.get("label"),
				r.get("file"));
			int attempts = Integer.parseInt(r.get("attempts"));
			assertTrue(attempts >= 1 && attempts <= 10);
		}
		assertTrue(touching > 0 && overlapping > 0 && candidates > 0 && scaled > 0, "touching " + touching +
			", overlapping " + overlapping + ", candidates " + candidates + ", with the scaled source " + scaled);
	}

	/** 8-connected contact between the two foreground masks. */
	private static boolean touch(byte[] p, int tp, byte[] c, int tc, int size) {
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++) {
				if ((c[y * size + x] & 0xff) >= tc) continue;
				for (int ny = Math.max(0, y - 1); ny <= Math.min(size - 1, y + 1); ny++)
					for (int nx = Math.max(0, x - 1); nx <= Math.min(size - 1, x + 1); nx++)
						if ((p[ny * size + nx] & 0xff) < tp) return true;
			}
		return false;
	}

	/** The MIDDLE table from the paper's text; "uncertain" must never be written. */
	private static String middleLabel(String a, String b, boolean overlapping) {
		Set<String> withOverlap = Set.of("overlapping", "touching-overlapping");
		if (!overlapping) return withOverlap.contains(a) || withOverlap.contains(b) ? "touching-overlapping" : "touching";
		Set<String> io = Set.of("instance", "overlapping");
		return io.contains(a) && io.contains(b) ? "overlapping" : "uncertain";
	}

	/**
	 * The source on a background canvas with its pixel (0,0) at (x, y). A source larger than the canvas was scaled
	 * down first, so it is re-fitted and its fitted canvas moved by the manifest's offset instead.
	 */
	/** A source's own background: the median of its border, which also pads it. */
	private static int sourceBackground(Path source) throws IOException {
		return Intensity.borderMedian(ImageFiles.read(source));
	}

	/** The border median of the source placed on its (unshifted) canvas, from which its threshold follows. */
	private static int canvasBackground(Path source, int size) throws IOException {
		return Intensity.borderMedian(Gray8.wrap(canvas(source, size), size, size));
	}

	/** The source on its unshifted canvas, padded with its own background, as the augment job places it. */
	private static byte[] canvas(Path source, int size) throws IOException {
		ArrayImg<UnsignedByteType, ByteArray> src = ImageFiles.read(source);
		return Gray8.pixels(Canvas.fit(src, size, Intensity.borderMedian(src)).image());
	}

	private static byte[] placeAt(Path source, int x, int y, int size, int bg) throws IOException {
		ArrayImg<UnsignedByteType, ByteArray> src = ImageFiles.read(source);
		int w = Gray8.width(src), h = Gray8.height(src);
		if (w > size || h > size) {
			Placement fitted = Canvas.fit(src, size, bg);
			src = fitted.image();
			w = h = size;
			x -= fitted.offsetX();
			y -= fitted.offsetY();
		}
		byte[] out = new byte[size * size];
		Arrays.fill(out, (byte) bg);
		byte[] s = Gray8.pixels(src);
		for (int sy = 0; sy < h; sy++)
			for (int sx = 0; sx < w; sx++) {
				int tx = sx + x, ty = sy + y;
				if (tx >= 0 && ty >= 0 && tx < size && ty < size) out[ty * size + tx] = s[sy * w + sx];
			}
		return out;
	}
}
