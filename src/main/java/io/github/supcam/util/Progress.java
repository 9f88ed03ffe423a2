package io.github.supcam.util;

/**
 * How long-running core work reports progress and learns it was cancelled. Fiji commands adapt it to SciJava's
 * StatusService/TaskService, the CLI to a progress bar; tests use {@link #NONE}.
 */
public interface Progress {
	/** Reports that {@code done} of {@code total} units are finished. */
	void update(long done, long total, String message);

	/** True once the user asked to stop; core loops check it between units of work. */
	default boolean isCancelled() {
		return false;
	}

	/** Throws {@link CancelledException} if cancelled. */
	default void checkCancelled() {
		if (isCancelled()) throw new CancelledException();
	}

	Progress NONE = (done, total, message) -> {};

	/** Thrown by core work that stopped because the user cancelled it. */
	class CancelledException extends RuntimeException {
		public CancelledException() {
			super("Cancelled by the user");
		}
	}
}
