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
 * Keeps an optional file input of a SupCAM command from opening a file chooser. SciJava's FilePreprocessor asks
 * with a chooser for the last unresolved File input, optional or not, and cancels silently when the chooser is
 * closed; so a recorded macro line without {@code model=} (the bundled model) or a headless call would stop.
 * <p>
 * From a macro with options, or headless, an optional file that was not given is empty (not a value remembered from
 * an earlier session, which would make a replayed line give other results). Interactively it is left to the dialog
 * when the dialog asks for other inputs too, and keeps its value otherwise.
 */
@Plugin(type = PreprocessorPlugin.class, priority = InputHarvester.PRIORITY + 1)
public class OptionalFilesPreprocessor extends AbstractPreprocessorPlugin {
	@Override
	public void process(Module module) {
		if (!(module.getDelegateObject() instanceof SupcamCommand)) return;
		List<ModuleItem<?>> unresolved = new java.util.ArrayList<>();
		for (ModuleItem<?> input : module.getInfo().inputs())
			if (!module.isInputResolved(input.getName())) unresolved.add(input);
		List<ModuleItem<?>> optionalFiles = unresolved.stream()
			.filter(i -> !i.isRequired() && File.class.isAssignableFrom(i.getType())).toList();
		boolean noDialog = GraphicsEnvironment.isHeadless() || IJ.isMacro() && Macro.getOptions() != null;
		boolean dialogAsksOthers = unresolved.size() > optionalFiles.size();
		for (ModuleItem<?> file : optionalFiles) {
			if (noDialog) module.setInput(file.getName(), null);
			if (noDialog || !dialogAsksOthers) module.resolveInput(file.getName());
		}
	}
}
