package io.github.supcam.classify;

import io.github.supcam.dataset.ClusterType;

import java.awt.Color;

/** Colour-blind-safe colours per cluster type (Okabe &amp; Ito 2008). */
public final class Palette {
	private Palette() {}

	public static Color of(ClusterType t) {
		switch (t) {
			case INSTANCE: return new Color(0x00, 0x9E, 0x73);          // bluish green
			case TOUCHING: return new Color(0x56, 0xB4, 0xE9);          // sky blue
			case OVERLAPPING: return new Color(0xE6, 0x9F, 0x00);       // orange
			case TOUCHING_OVERLAPPING: return new Color(0xCC, 0x79, 0xA7); // reddish purple
			default: throw new AssertionError(t);
		}
	}
}
