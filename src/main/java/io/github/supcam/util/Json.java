package io.github.supcam.util;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.nio.file.Path;

/** One Gson configuration for every settings, model and report file the plugin writes. */
public final class Json {
	private Json() {}

	public static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
		.serializeSpecialFloatingPointValues().create();

	public static String toJson(Object o) {
		return GSON.toJson(o);
	}

	public static <T> T fromJson(String json, Class<T> type) {
		return GSON.fromJson(json, type);
	}

	public static void write(Path file, Object o) throws IOException {
		AtomicFiles.writeString(file, toJson(o) + "\n");
	}
}
