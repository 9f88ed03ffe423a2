package io.github.supcam.fiji.ij1;

import ij.IJ;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import io.github.supcam.util.ErrorMessages;
import io.github.supcam.util.Progress;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Base of the ImageJ 1.x bridges: a plain {@link PlugIn} (no SciJava at run time, so it works in ImageJ 1.x as in
 * Fiji) that takes its options from a macro's {@code run("...", "key=value flag ...")} string, or from a
 * GenericDialog when called interactively (which ImageJ's recorder then records with the same keys).
 */
public abstract class MacroBridge implements PlugIn {
	/** Kinds of option, each with its dialog field. */
	public enum Kind { TEXT, FILE, DIRECTORY, NUMBER, FLAG, CHOICE }

	/**
	 * One option. The dialog label's first word is the macro key, as ImageJ derives keys from labels.
	 *
	 * @param defaultValue the value when the macro leaves the key out ("" for none; "true"/"false" for flags)
	 */
	public record Option(String key, String label, Kind kind, String defaultValue, List<String> choices) {
		public Option {
			if (!Macro.trimKey(label).equals(key)) throw new IllegalStateException("Label '" + label +
				"' does not start with its macro key '" + key + "'");
		}

		public static Option of(String key, String label, Kind kind, String defaultValue) {
			return new Option(key, label, kind, defaultValue, List.of());
		}

		public static Option choice(String key, String label, String defaultValue, String... choices) {
			return new Option(key, label, Kind.CHOICE, defaultValue, List.of(choices));
		}
	}

	/** The options' values, defaults filled in. */
	public static final class Values {
		private final Map<String, String> values;

		Values(Map<String, String> values) {
			this.values = values;
		}

		public String text(String key) {
			return values.get(key);
		}

		/** The path given, or null when left empty. */
		public Path path(String key) {
			String v = values.get(key);
			return v == null || v.isBlank() ? null : Paths.get(v.trim());
		}

		public Path requiredPath(String key) {
			Path p = path(key);
			if (p == null) throw new IllegalArgumentException("Option '" + key + "' is required");
			return p;
		}

		public double number(String key) {
			String v = values.get(key);
			try {
				return Double.parseDouble(v.trim());
			} catch (NumberFormatException e) {
				throw new IllegalArgumentException("Option '" + key + "' must be a number, got '" + v + "'");
			}
		}

		public int integer(String key) {
			double d = number(key);
			if (d != Math.rint(d)) throw new IllegalArgumentException("Option '" + key + "' must be a whole number, got "
				+ values.get(key));
			return (int) d;
		}

		public boolean flag(String key) {
			return Boolean.parseBoolean(values.get(key));
		}
	}

	private final String title;
	private final List<Option> options;

	/** @param title for dialogs and messages */
	protected MacroBridge(String title, List<Option> options) {
		this.title = title;
		this.options = List.copyOf(options);
	}

	public String title() {
		return title;
	}

	public List<Option> options() {
		return options;
	}

	/** Does the work; exceptions are reported to the user by {@link #run(String)}. */
	protected abstract void run(Values values) throws Exception;

	@Override
	public final void run(String arg) {
		String macro = Macro.getOptions();
		String failure;
		// Plain ImageJ runs plugins with the system class loader as context loader; the deep-learning engine finds
		// its native library through the context loader, so it must be the one that loaded the plugin's jars.
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(getClass().getClassLoader());
		try {
			Values v = macro != null ? parse(macro, options()) : dialog();
			if (v == null) return;
			run(v);
			return;
		} catch (Progress.CancelledException e) {
			IJ.showStatus(title() + ": cancelled");
			return;
		} catch (Exception e) {
			if (e instanceof RuntimeException r && Macro.MACRO_CANCELED.equals(r.getMessage())) throw r;
			failure = ErrorMessages.describe(e);
		} finally {
			thread.setContextClassLoader(previous);
		}
		IJ.log(title() + " failed: " + failure);
		// A macro gets the reason in the Log and stops; a modal error dialog would hold up unattended (Xvfb) runs.
		if (IJ.getInstance() != null && !IJ.isMacro()) IJ.error(title(), failure);
		abortMacro();
	}

	/**
	 * Stops the calling macro, which must not go on as if its step had worked. {@link Macro#abort()} alone stops
	 * only macros on "Macro$" threads; {@code -batch}, {@code -macro} and Fiji's script runners run the interpreter
	 * on other threads, which {@link Interpreter#abort()} reaches.
	 */
	public static void abortMacro() {
		if (!IJ.isMacro()) return;
		Interpreter.abort();
		Macro.abort();
	}

	private static final Pattern TOKEN = Pattern.compile("([^\\s=\\[]+)(?:=(\\[[^\\]]*\\]|\\S*))?");

	/**
	 * Reads a macro options string ({@code key=value key=[value with spaces] flag}); unknown keys are refused
	 * with the list of known ones, so a typo does not silently fall back to a default.
	 */
	public static Values parse(String macroOptions, List<Option> options) {
		Map<String, Option> byKey = options.stream().collect(Collectors.toMap(Option::key, o -> o));
		Map<String, String> values = new LinkedHashMap<>();
		for (Option o : options) values.put(o.key(), o.defaultValue());
		Matcher m = TOKEN.matcher(macroOptions);
		while (m.find()) {
			String key = m.group(1).toLowerCase(Locale.ROOT);
			Option o = byKey.get(key);
			if (o == null) throw new IllegalArgumentException("Unknown option '" + key + "'; known options: " +
				String.join(", ", byKey.keySet()));
			String v = m.group(2);
			if (v != null && v.startsWith("[")) v = v.substring(1, v.length() - 1);
			if (o.kind() == Kind.FLAG) {
				if (v != null) throw new IllegalArgumentException("Option '" + key + "' is a flag: write it without a value");
				v = "true";
			} else if (v == null) {
				throw new IllegalArgumentException("Option '" + key + "' needs a value: " + key + "=...");
			}
			if (o.kind() == Kind.CHOICE && !o.choices().contains(v)) throw new IllegalArgumentException("Option '" +
				key + "' must be one of " + o.choices() + ", got '" + v + "'");
			values.put(key, v);
		}
		return new Values(values);
	}

	/** Asks interactively; null when the user cancels. */
	private Values dialog() {
		if (GraphicsEnvironment.isHeadless()) throw new IllegalArgumentException("No options given, and a headless " +
			"session cannot ask: call it from a macro, e.g. run(\"" + title() + " (macro)\", \"key=value ...\")");
		GenericDialog gd = new GenericDialog(title());
		for (Option o : options()) {
			switch (o.kind()) {
				case TEXT -> gd.addStringField(o.label(), o.defaultValue(), 30);
				case FILE -> gd.addFileField(o.label(), o.defaultValue(), 30);
				case DIRECTORY -> gd.addDirectoryField(o.label(), o.defaultValue(), 30);
				case NUMBER -> gd.addNumericField(o.label(), Double.parseDouble(o.defaultValue()), decimals(o));
				case FLAG -> gd.addCheckbox(o.label(), Boolean.parseBoolean(o.defaultValue()));
				case CHOICE -> gd.addChoice(o.label(), o.choices().toArray(String[]::new), o.defaultValue());
			}
		}
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		Map<String, String> values = new LinkedHashMap<>();
		for (Option o : options()) {
			values.put(o.key(), switch (o.kind()) {
				case TEXT, FILE, DIRECTORY -> gd.getNextString();
				case NUMBER -> {
					double d = gd.getNextNumber();
					if (Double.isNaN(d)) throw new IllegalArgumentException("'" + o.key() + "' needs a number");
					yield decimals(o) == 0 ? String.valueOf((long) d) : String.valueOf(d);
				}
				case FLAG -> String.valueOf(gd.getNextBoolean());
				case CHOICE -> gd.getNextChoice();
			});
		}
		return new Values(values);
	}

	private static int decimals(Option o) {
		int dot = o.defaultValue().indexOf('.');
		return dot < 0 ? 0 : o.defaultValue().length() - dot - 1;
	}

	/** Progress on ImageJ's status bar and progress bar; Esc cancels. */
	protected static Progress progress() {
		IJ.resetEscape();
		return new Progress() {
			@Override
			public void update(long done, long total, String message) {
				IJ.showStatus(message);
				IJ.showProgress((int) Math.min(done, Integer.MAX_VALUE), (int) Math.min(total, Integer.MAX_VALUE));
			}

			@Override
			public boolean isCancelled() {
				return IJ.escapePressed();
			}
		};
	}
}
