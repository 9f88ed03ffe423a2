package io.github.supcam.fiji;

import ij.IJ;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Plugin;
import org.scijava.widget.InputHarvester;

import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reports the required inputs of a SupCAM command that nobody gave, and stops the calling macro. Without it,
 * SciJava's CheckInputsPreprocessor (which runs next) cancels such a run with a reason nobody shows: a headless or
 * batch macro that leaves out {@code model=} goes on as if the step had worked, with nothing in the Log.
 * <p>
 * Runs after the input dialog (a user who fills it in is never bothered) and before that check.
 */
@Plugin(type = PreprocessorPlugin.class, priority = InputHarvester.PRIORITY - 1.5)
public class RequiredInputsPreprocessor extends AbstractPreprocessorPlugin {
	@Override
	public void process(Module module) {
		if (!(module.getDelegateObject() instanceof SupcamCommand command)) return;
		List<ModuleItem<?>> missing = missing(module);
		if (missing.isEmpty()) return;
		String message = message(module.getInfo().getTitle(), missing, IJ.isMacro(), GraphicsEnvironment.isHeadless());
		command.fail(message);
		cancel(message);
	}

	/** Required inputs without a value, in the order of the command's parameters. */
	static List<ModuleItem<?>> missing(Module module) {
		List<ModuleItem<?>> missing = new java.util.ArrayList<>();
		for (ModuleItem<?> input : module.getInfo().inputs())
			if (input.isRequired() && input.getValue(module) == null) missing.add(input);
		return missing;
	}

	/**
	 * Names each missing input by the key a caller writes (lower case in a macro, as ImageJ reads macro keys) and
	 * its label, and, for a macro or a headless run, shows how to give them.
	 */
	static String message(String title, List<ModuleItem<?>> missing, boolean macro, boolean headless) {
		List<String> keys = missing.stream()
			.map(i -> macro ? i.getName().toLowerCase(Locale.ROOT) : i.getName()).toList();
		StringBuilder m = new StringBuilder("Required parameter").append(missing.size() == 1 ? " " : "s ");
		for (int i = 0; i < missing.size(); i++) {
			if (i > 0) m.append(", ");
			m.append(keys.get(i));
			String label = missing.get(i).getLabel();
			if (label != null && !label.isBlank()) m.append(" (").append(label).append(')');
		}
		m.append(missing.size() == 1 ? " was" : " were").append(" not given");
		if (macro) m.append("; e.g. run(\"").append(title).append("\", \"")
			.append(keys.stream().map(k -> k + "=[...]").collect(Collectors.joining(" "))).append(" ...\")");
		else if (headless) m.append("; e.g. --run \"").append(title).append("\" \"")
			.append(keys.stream().map(k -> k + "='...'").collect(Collectors.joining(","))).append(",...\"");
		return m.toString();
	}
}
