package io.github.supcam.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;

import java.util.Locale;

/** Chooses where networks run: {@code auto} (a CUDA GPU when libtorch sees one), {@code cpu} or {@code gpu}. */
public final class Devices {
	private Devices() {}

	/**
	 * @throws IllegalArgumentException for an unknown name, or {@code gpu} when libtorch sees no CUDA GPU
	 */
	public static Device select(String spec) {
		String s = spec == null ? "auto" : spec.trim().toLowerCase(Locale.ROOT);
		Engine engine = Engine.getInstance();
		boolean cuda = engine.hasCapability(StandardCapabilities.CUDA) && engine.getGpuCount() > 0;
		switch (s) {
			case "auto": return cuda ? Device.gpu() : Device.cpu();
			case "cpu": return Device.cpu();
			case "gpu": case "cuda":
				if (!cuda) throw new IllegalArgumentException("--device gpu was requested, but libtorch " +
					engine.getVersion() + " (" + flavour() + " build) sees no CUDA GPU. Use --device cpu, or install " +
					"the CUDA libtorch (see README: PYTORCH_LIBRARY_PATH and PYTORCH_FLAVOR).");
				return Device.gpu();
			default:
				throw new IllegalArgumentException("Unknown device '" + spec + "': use auto, cpu or gpu");
		}
	}

	/** E.g. {@code "cpu() on libtorch 2.7.1 (cpu build)"}, for logs and model packages. */
	public static String describe(Device device) {
		return device + " on libtorch " + Engine.getInstance().getVersion() + " (" + flavour() + " build)";
	}

	static String flavour() {
		return Engine.getInstance().hasCapability(StandardCapabilities.CUDA) ? "cuda" : "cpu";
	}
}
