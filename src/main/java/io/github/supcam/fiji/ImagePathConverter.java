package io.github.supcam.fiji;

import ij.ImagePlus;
import org.scijava.Priority;
import org.scijava.convert.AbstractConverter;
import org.scijava.convert.Converter;
import org.scijava.plugin.Plugin;
import org.scijava.util.Types;

import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Opens the image file a headless run names ({@code --run "Classify Clusters" "image='/data/spread.tif'"}) as
 * SciJava's default conversion does, with {@code new ImagePlus(path)}. When ImageJ cannot read the file, that gives
 * an ImagePlus without pixels or title; this one is titled with the path, so the command can name the file and say
 * what is wrong with it. Only absolute paths of existing files, never image titles.
 */
@Plugin(type = Converter.class, priority = Priority.LOW)
public class ImagePathConverter extends AbstractConverter<String, ImagePlus> {
	@Override
	public boolean canConvert(Object src, Type dest) {
		return canConvert(src, Types.raw(dest));
	}

	@Override
	public boolean canConvert(Object src, Class<?> dest) {
		return src instanceof String s && dest != null && dest.isAssignableFrom(ImagePlus.class) && isImageFile(s);
	}

	/** Only a given path can tell: no conversion by type alone. */
	@Override
	public boolean canConvert(Class<?> src, Type dest) {
		return false;
	}

	@Override
	public <T> T convert(Object src, Class<T> dest) {
		String path = (String) src;
		ImagePlus imp = new ImagePlus(path);
		if (imp.getProcessor() == null) imp.setTitle(path);
		return dest.cast(imp);
	}

	private static boolean isImageFile(String s) {
		try {
			Path p = Paths.get(s);
			return p.isAbsolute() && Files.isRegularFile(p);
		} catch (RuntimeException e) {
			return false; // not a path
		}
	}

	@Override
	public Class<ImagePlus> getOutputType() {
		return ImagePlus.class;
	}

	@Override
	public Class<String> getInputType() {
		return String.class;
	}
}
