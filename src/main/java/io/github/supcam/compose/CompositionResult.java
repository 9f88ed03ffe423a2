package io.github.supcam.compose;

import io.github.supcam.dataset.ClusterType;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import java.util.Locale;

/**
 * The outcome of one composition.
 *
 * @param image the composed image, or for {@link Source#CANDIDATE} the candidate image itself (not copied)
 * @param label the composed label, or the candidate's label
 * @param source whether the image was composed or the candidate was returned
 * @param primaryShiftX x translation applied to the primary canvas (0 for a candidate result)
 * @param primaryShiftY y translation applied to the primary canvas
 * @param candidateShiftX x translation applied to the candidate canvas
 * @param candidateShiftY y translation applied to the candidate canvas
 * @param intersection pixels foreground in both shifted images (0 for a candidate result)
 * @param attempts shift draws made (0 when nothing was drawn: table NONE or an image without foreground)
 * @param lambda the primary's weight in overlapping pixels: 0.5 for EQUAL, the Beta draw for BETA, NaN for MAX
 *        and for candidate results
 * @param intersectionMask 255 where both shifted images are foreground, else 0; null for a candidate result
 */
public record CompositionResult(ArrayImg<UnsignedByteType, ByteArray> image, ClusterType label, Source source,
	int primaryShiftX, int primaryShiftY, int candidateShiftX, int candidateShiftY, int intersection, int attempts,
	double lambda, ArrayImg<UnsignedByteType, ByteArray> intersectionMask)
{
	/** Where the returned image came from. */
	public enum Source {
		COMPOSED, CANDIDATE;

		/** {@code composed} or {@code candidate}, as written in manifests. */
		public String csvName() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** The candidate returned unchanged after {@code attempts} uncertain draws. */
	static CompositionResult candidate(ArrayImg<UnsignedByteType, ByteArray> image, ClusterType label, int attempts) {
		return new CompositionResult(image, label, Source.CANDIDATE, 0, 0, 0, 0, 0, attempts, Double.NaN, null);
	}
}
