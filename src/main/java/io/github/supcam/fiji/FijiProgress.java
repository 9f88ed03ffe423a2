package io.github.supcam.fiji;

import io.github.supcam.util.Progress;
import org.scijava.Cancelable;
import org.scijava.app.StatusService;
import org.scijava.task.Task;
import org.scijava.task.TaskService;

/**
 * Adapts core {@link Progress} to Fiji: the status bar (StatusService) and a cancellable SciJava {@link Task},
 * which Fiji shows in its task monitor with a cancel button. Cancelling the task or the command stops the core
 * work at its next check.
 */
public final class FijiProgress implements Progress, AutoCloseable {
	private final StatusService status;
	private final Task task;
	private final Cancelable command;

	/** Any of the services may be null (e.g. in a minimal headless context). */
	public FijiProgress(StatusService status, TaskService tasks, Cancelable command, String name) {
		this.status = status;
		this.command = command;
		this.task = tasks == null ? null : tasks.createTask(name);
		if (task != null) task.start();
	}

	@Override
	public void update(long done, long total, String message) {
		if (status != null) status.showStatus((int) Math.min(done, Integer.MAX_VALUE),
			(int) Math.min(total, Integer.MAX_VALUE), message);
		if (task != null) {
			task.setProgressMaximum(total);
			task.setProgressValue(done);
			task.setStatusMessage(message);
		}
	}

	@Override
	public boolean isCancelled() {
		return (task != null && task.isCanceled()) || (command != null && command.isCanceled());
	}

	@Override
	public void close() {
		if (task != null) task.finish();
		if (status != null) status.clearStatus();
	}
}
