package io.github.supcam;

/** Software version, as written into every model package and output. */
public final class Version {
	private Version() {}

	public static String get() {
		String v = Version.class.getPackage().getImplementationVersion();
		return v == null ? "dev" : v;
	}
}
