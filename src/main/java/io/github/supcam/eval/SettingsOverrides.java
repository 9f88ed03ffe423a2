package io.github.supcam.eval;

import io.github.supcam.util.Json;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Locale;

/**
 * Settings records from defaults plus partial JSON overrides: nested objects merge key by key, anything else
 * replaces. Keys are checked against the record's components (a typo must not be silently ignored), and enum values
 * may be written in any case with '-' for '_' ("touching-overlapping", "self").
 */
final class SettingsOverrides {
	private SettingsOverrides() {}

	/**
	 * @param where names the overrides in error messages, e.g. "ablation.json row 'lsm', pretrain"
	 * @throws IllegalArgumentException naming {@code where} and the key if a key is unknown or a value invalid
	 */
	static <T extends Record> T apply(T defaults, Class<T> type, String where, JsonObject... overrides) {
		JsonObject merged = Json.GSON.toJsonTree(defaults).getAsJsonObject();
		for (JsonObject o : overrides) if (o != null) merge(merged, o, type, where);
		try {
			return Json.GSON.fromJson(merged, type);
		} catch (RuntimeException e) {
			// Gson wraps the record constructor's validation error; report that, not the wrapper.
			Throwable cause = e;
			while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) cause = cause.getCause();
			throw new IllegalArgumentException(where + ": " + cause.getMessage(), e);
		}
	}

	private static void merge(JsonObject target, JsonObject override, Class<?> type, String where) {
		for (var e : override.entrySet()) {
			String key = e.getKey();
			RecordComponent c = Arrays.stream(type.getRecordComponents()).filter(rc -> rc.getName().equals(key))
				.findFirst().orElseThrow(() -> new IllegalArgumentException(where + ": unknown setting '" + key +
					"'; known: " + Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList()));
			JsonElement value = e.getValue();
			Class<?> ct = c.getType();
			if (ct.isRecord() && value.isJsonObject()) {
				JsonElement existing = target.get(key);
				JsonObject nested = existing != null && existing.isJsonObject() ? existing.getAsJsonObject() :
					new JsonObject();
				merge(nested, value.getAsJsonObject(), ct, where + "." + key);
				target.add(key, nested);
			} else if (ct.isEnum() && value.isJsonPrimitive()) {
				target.add(key, new JsonPrimitive(enumName(ct, value.getAsString(), where + "." + key)));
			} else {
				target.add(key, value.deepCopy());
			}
		}
	}

	private static String enumName(Class<?> type, String text, String where) {
		String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		for (Object constant : type.getEnumConstants()) if (((Enum<?>) constant).name().equals(name)) return name;
		throw new IllegalArgumentException(where + ": unknown value '" + text + "'; use one of " +
			Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
	}
}
