package io.github.supcam.updatesite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The list of runtime dependencies the update site leaves out, with the reason for each: mostly libraries that
 * Fiji already ships (a second copy would clash with Fiji's own version). One {@code groupId:artifactId} per line,
 * then {@code #} and the reason; blank lines and lines starting with {@code #} are comments.
 */
public final class Exclusions {
	private Exclusions() {}

	/** {@code groupId:artifactId} to reason, in file order. */
	public static Map<String, String> read(Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new IOException("No exclusion list at " + file);
		Map<String, String> out = new LinkedHashMap<>();
		int lineNo = 0;
		for (String raw : Files.readAllLines(file)) {
			lineNo++;
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) continue;
			int hash = line.indexOf('#');
			String key = (hash < 0 ? line : line.substring(0, hash)).strip();
			String reason = hash < 0 ? "" : line.substring(hash + 1).strip();
			if (!key.matches("[\\w.\\-]+:[\\w.\\-]+"))
				throw new IOException(file + " line " + lineNo + ": expected groupId:artifactId, got '" + key + "'");
			if (reason.isEmpty()) throw new IOException(file + " line " + lineNo + ": give a reason after '#' for " + key);
			out.put(key, reason);
		}
		return out;
	}
}
