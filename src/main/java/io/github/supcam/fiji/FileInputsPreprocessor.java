package io.github.supcam.fiji;

import ij.IJ;
import ij.Macro;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Plugin;
import org.scijava.widget.InputHarvester;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.util.List;

/**
 * Keeps the file inputs of a SupCAM command that a macro or headless call did not give from opening a file chooser
 * or taking a remembered value. SciJava's FilePreprocessor asks with a chooser for the last unresolved File input,
 * optional or not, and cancels silently when the chooser is closed; so a recorded macro line without
 * {@code model=} (the bundled model) or a headless call would stop. And SciJava fills an input that was not given
 * with the value of an earlier session, which would make a replayed line give other results.
 * <p>
 * From a macro with options, or headless, a file that was not given is empty: none for an optional file, and for a
 * required one a refusal that names it ({@link RequiredInputsPreprocessor}). Interactively an optional file is left
 * to the dialog when the dialog asks for other inputs too, and keeps its value otherwise.
 */
@Plugin(type = PreprocessorPlugin.class, priority = InputHarvester.PRIORITY + 1)
public class FileInputsPreprocessor extends AbstractPreprocessorPlugin {
	@Override
	public void process(Module module) {
		if (!(module.getDelegateObject() instanceof SupcamCommand)) return;
		List<ModuleItem<?>> unresolved = new java.util.ArrayList<>();
		for (ModuleItem<?> input : module.getInfo().inputs())
			if (!module.isInputResolved(input.getName())) unresolved.add(input);
		List<ModuleItem<?>> files = unresolved.stream().filter(i -> File.class.isAssignableFrom(i.getType())).toList();
		if (GraphicsEnvironment.isHeadless() || IJ.isMacro() && Macro.getOptions() != null) {
			for (ModuleItem<?> file : files) {
				module.setInput(file.getName(), null);
				module.resolveInput(file.getName());
			}
			return;
		}
		List<ModuleItem<?>> optionalFiles = files.stream().filter(i -> !i.isRequired()).toList();
		if (unresolved.size() == optionalFiles.size()) optionalFiles.forEach(f -> module.resolveInput(f.getName()));
	}
}
