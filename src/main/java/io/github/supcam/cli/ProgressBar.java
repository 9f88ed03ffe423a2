package io.github.supcam.cli;

import io.github.supcam.util.Progress;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A terminal progress bar with ETA on stderr. On a console it redraws one line; when stderr is a file or pipe
 * (batch jobs, CI) it prints a plain line every 10% so logs stay readable. Ctrl-C sets the cancel flag through
 * {@link #cancel()} from a shutdown hook, so core work can stop cleanly and save what it has.
 */
public final class ProgressBar implements Progress {
	private static final int WIDTH = 30;
	private final PrintStream out;
	private final boolean interactive;
	private final long startNanos = System.nanoTime();
	private volatile boolean cancelled;
	private long lastDecile = -1;
	private long lastDrawNanos;

	public ProgressBar(PrintStream out, boolean interactive) {
		this.out = out;
		this.interactive = interactive;
	}

	/** A bar on stderr, interactive when a console is attached. */
	public static ProgressBar stderr() {
		return new ProgressBar(System.err, System.console() != null);
	}

	/** Prints a message on its own line, without breaking the bar. */
	public synchronized void log(String message) {
		if (interactive) out.print("\r\u001b[K");
		out.println(message);
		out.flush();
		lastDrawNanos = 0;
	}

	public void cancel() {
		cancelled = true;
	}

	@Override
	public boolean isCancelled() {
		return cancelled;
	}

	@Override
	public synchronized void update(long done, long total, String message) {
		long now = System.nanoTime();
		double frac = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
		String eta = done <= 0 || total <= 0 ? "--:--" : format(Duration.ofNanos(
			(long) ((now - startNanos) * (total - done) / (double) done)));
		if (interactive) {
			if (done < total && now - lastDrawNanos < 100_000_000L) return;
			lastDrawNanos = now;
			int filled = (int) Math.round(frac * WIDTH);
			out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " +
				String.format("%3d%% %d/%d ETA %s %s", Math.round(frac * 100), done, total, eta, message) + "\u001b[K");
			if (done >= total) out.println();
		} else {
			long decile = (long) Math.floor(frac * 10);
			if (decile == lastDecile && done < total) return;
			lastDecile = decile;
			out.println(String.format("%3d%% %d/%d ETA %s %s", Math.round(frac * 100), done, total, eta, message));
		}
		out.flush();
	}

	static String format(Duration d) {
		long s = d.getSeconds();
		return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
			: String.format("%02d:%02d", s / 60, s % 60);
	}
}
