package io.github.supcam.util;

/** A {@link Progress} whose user has already pressed cancel, for tests of cancellation. */
public final class Cancelled implements Progress {
	@Override
	public void update(long done, long total, String message) {}

	@Override
	public boolean isCancelled() {
		return true;
	}
}
