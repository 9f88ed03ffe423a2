package io.github.supcam.fiji;

import ij.IJ;
import io.github.supcam.fiji.ij1.MacroBridge;
import io.github.supcam.util.ErrorMessages;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.task.TaskService;

import java.awt.GraphicsEnvironment;

/**
 * Base of the plugin's Fiji commands: the services for progress and messages (any may be absent in a minimal
 * headless context), and how a command reports a problem.
 */
abstract class SupcamCommand extends ContextCommand {
	@Parameter(required = false)
	StatusService status;

	@Parameter(required = false)
	TaskService tasks;

	@Parameter(required = false)
	LogService logService;

	/** Progress in the status bar and a cancellable task named {@code name}; close it when done. */
	FijiProgress progress(String name) {
		return new FijiProgress(status, tasks, this, name);
	}

	/**
	 * Cancels the command with the reason, which Fiji shows to the user and headless callers read back. A calling
	 * macro gets the reason in its Log and stops.
	 */
	void fail(String message) {
		if (logService != null) logService.error(message);
		cancel(message);
		if (IJ.isMacro()) {
			String menuPath = getClass().getAnnotation(Plugin.class).menuPath();
			IJ.log(menuPath.substring(menuPath.lastIndexOf('>') + 1) + " failed: " + message);
			MacroBridge.abortMacro();
		}
	}

	/** As {@link #fail(String)}, with the failure in words (a file exception names its file and what is wrong). */
	void fail(Exception e) {
		fail(ErrorMessages.describe(e));
	}

	void warn(String message) {
		if (logService != null) logService.warn(message);
	}

	void info(String message) {
		if (logService != null) logService.info(message);
	}

	/** A result line for the user: the log, and ImageJ's Log window when there is one (no extra window). */
	void report(String message) {
		info(message);
		if (!GraphicsEnvironment.isHeadless()) IJ.log(message);
	}
}
