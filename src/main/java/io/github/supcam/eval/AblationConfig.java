package io.github.supcam.eval;

import io.github.supcam.dataset.SplitFractions;
import io.github.supcam.finetune.FineTuneSettings;
import io.github.supcam.pretrain.PretrainSettings;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * A grid of training configurations to compare, read from an ablation JSON file (schema in
 * {@code ablations/README.md}): base pretraining and fine-tuning settings, and rows that override them.
 *
 * @param title heading of the result table
 * @param fractions train/val/test fractions of the per-repeat splits
 * @param repeats default number of repeats (seeds) per row
 * @param rows the configurations, in table order
 */
public record AblationConfig(String title, SplitFractions fractions, int repeats, List<Row> rows) {

	/**
	 * One configuration.
	 *
	 * @param name unique name; also the folder of its runs, so letters, digits and {@code . _ + -} only
	 * @param scratch train the classifier from scratch, without pretraining
	 * @param pretrain pretraining settings (unused for a scratch row)
	 * @param finetune fine-tuning settings
	 */
	public record Row(String name, boolean scratch, PretrainSettings pretrain, FineTuneSettings finetune) {}

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._+-]+");
	private static final Set<String> TOP_KEYS = Set.of("title", "splitFractions", "repeats", "pretrain", "finetune",
		"rows");
	private static final Set<String> ROW_KEYS = Set.of("name", "scratch", "pretrain", "finetune");

	public AblationConfig {
		if (title == null || title.isBlank()) title = "Ablation";
		if (fractions == null) fractions = SplitFractions.PAPER_ABLATION;
		if (repeats < 1) throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
		rows = List.copyOf(rows);
		if (rows.isEmpty()) throw new IllegalArgumentException("An ablation needs at least one row");
		Set<String> names = new HashSet<>();
		for (Row r : rows) {
			if (r.name() == null || !NAME.matcher(r.name()).matches() || r.name().equals(".") ||
				r.name().equals("..")) throw new IllegalArgumentException("Row name '" + r.name() +
					"' must be letters, digits and . _ + - only (it names a folder)");
			if (!names.add(r.name())) throw new IllegalArgumentException("Row name '" + r.name() + "' is used twice");
		}
	}

	/** Reads a config file; errors name the file, the row and the setting. */
	public static AblationConfig read(Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new IllegalArgumentException("No ablation config " + file);
		return parse(Files.readString(file), file.toString());
	}

	/**
	 * Parses a config. The top-level {@code pretrain} and {@code finetune} objects override
	 * {@link PretrainSettings#defaults()} and {@link FineTuneSettings#defaults()}; each row's objects override
	 * those. A scratch row fine-tunes in mode SCRATCH.
	 */
	public static AblationConfig parse(String json, String source) {
		JsonObject top;
		try {
			JsonElement e = JsonParser.parseString(json);
			if (!e.isJsonObject()) throw new IllegalArgumentException("expected a JSON object");
			top = e.getAsJsonObject();
		} catch (RuntimeException e) {
			throw new IllegalArgumentException("Ablation config " + source + " is not valid JSON: " + e.getMessage(), e);
		}
		checkKeys(top, TOP_KEYS, source);
		String title = top.has("title") ? top.get("title").getAsString() : null;
		SplitFractions fractions = top.has("splitFractions") ?
			SplitFractions.parse(top.get("splitFractions").getAsString()) : null;
		int repeats = top.has("repeats") ? top.get("repeats").getAsInt() : 3;
		JsonObject basePre = object(top, "pretrain", source);
		JsonObject baseFine = object(top, "finetune", source);
		if (!top.has("rows") || !top.get("rows").isJsonArray()) throw new IllegalArgumentException(
			"Ablation config " + source + " needs a \"rows\" array");
		List<Row> rows = new ArrayList<>();
		int i = 0;
		for (JsonElement re : top.getAsJsonArray("rows")) {
			i++;
			if (!re.isJsonObject()) throw new IllegalArgumentException(source + " row " + i + " is not an object");
			JsonObject r = re.getAsJsonObject();
			String name = r.has("name") ? r.get("name").getAsString() : null;
			String where = source + " row " + i + (name != null ? " '" + name + "'" : "");
			checkKeys(r, ROW_KEYS, where);
			boolean scratch = r.has("scratch") && r.get("scratch").getAsBoolean();
			JsonObject rowPre = object(r, "pretrain", where), rowFine = object(r, "finetune", where);
			PretrainSettings pre = settings(PretrainSettings.defaults(), PretrainSettings.class, where + ", pretrain",
				basePre, rowPre, PretrainSettings::withEpochs);
			FineTuneSettings fine = settings(FineTuneSettings.defaults(), FineTuneSettings.class, where + ", finetune",
				baseFine, rowFine, FineTuneSettings::withEpochs);
			if (scratch) fine = fine.withMode(FineTuneSettings.Mode.SCRATCH);
			else if (fine.mode() == FineTuneSettings.Mode.SCRATCH) throw new IllegalArgumentException(where +
				": finetune mode scratch needs \"scratch\": true (it skips pretraining)");
			rows.add(new Row(name, scratch, pre, fine));
		}
		try {
			return new AblationConfig(title, fractions, repeats, rows);
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("Ablation config " + source + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Defaults overridden by the base, then the row. A given {@code epochs} is applied first, through
	 * {@code withEpochs}, which fits the warm-up and the learning-rate milestones to the run's length; warm-up and
	 * milestones given explicitly then replace the fitted ones.
	 */
	private static <T extends Record> T settings(T defaults, Class<T> type, String where, JsonObject base,
		JsonObject row, BiFunction<T, Integer, T> withEpochs)
	{
		Integer epochs = null;
		for (JsonObject o : new JsonObject[] { base, row })
			if (o != null && o.has("epochs")) epochs = o.get("epochs").getAsInt();
		T start = defaults;
		if (epochs != null) {
			try {
				start = withEpochs.apply(defaults, epochs);
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
			}
		}
		return SettingsOverrides.apply(start, type, where, withoutEpochs(base), withoutEpochs(row));
	}

	private static JsonObject withoutEpochs(JsonObject o) {
		if (o == null || !o.has("epochs")) return o;
		JsonObject copy = o.deepCopy();
		copy.remove("epochs");
		return copy;
	}

	private static JsonObject object(JsonObject o, String key, String where) {
		if (!o.has(key)) return null;
		if (!o.get(key).isJsonObject()) throw new IllegalArgumentException(where + ": \"" + key +
			"\" must be an object of settings");
		return o.getAsJsonObject(key);
	}

	private static void checkKeys(JsonObject o, Set<String> known, String where) {
		for (String k : o.keySet()) if (!known.contains(k)) throw new IllegalArgumentException(where +
			": unknown key '" + k + "'; known: " + known.stream().sorted().toList());
	}
}
