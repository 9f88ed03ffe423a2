package io.github.supcam.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for long CLI work: the shutdown hook asks the work to stop (via the progress bar's cancel flag) and waits
 * for it to write its checkpoint before the JVM exits.
 */
final class Cancellation {
	private Cancellation() {}

	/** How long Ctrl-C waits for a checkpoint to be written. */
	private static final long GRACE_SECONDS = 120;

	static <T> T run(ProgressBar bar, Callable<T> work) throws Exception {
		CountDownLatch done = new CountDownLatch(1);
		Thread hook = new Thread(() -> {
			bar.cancel();
			try {
				done.await(GRACE_SECONDS, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "supcam-ctrl-c");
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			return work.call();
		} finally {
			done.countDown();
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			} catch (IllegalStateException shuttingDown) {
				// The hook is running: Ctrl-C came, the work has stopped, the JVM exits next.
			}
		}
	}
}
