package io.github.supcam.fiji;

import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.task.TaskService;

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

	/** Cancels the command with the reason, which Fiji shows to the user; headless callers read it back. */
	void fail(String message) {
		if (logService != null) logService.error(message);
		cancel(message);
	}

	void warn(String message) {
		if (logService != null) logService.warn(message);
	}

	void info(String message) {
		if (logService != null) logService.info(message);
	}
}
