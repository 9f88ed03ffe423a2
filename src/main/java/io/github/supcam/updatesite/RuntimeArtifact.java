package io.github.supcam.updatesite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A runtime dependency jar as Maven resolved it.
 *
 * @param classifier empty when the artifact has none
 */
public record RuntimeArtifact(String groupId, String artifactId, String version, String classifier, Path file) {
	private static final Set<String> SCOPES = Set.of("compile", "runtime", "provided", "system", "test");

	public RuntimeArtifact {
		if (groupId.isBlank() || artifactId.isBlank() || version.isBlank())
			throw new IllegalArgumentException("Incomplete Maven coordinates " + groupId + ":" + artifactId + ":" +
				version);
		classifier = classifier == null ? "" : classifier;
	}

	/** {@code groupId:artifactId}, the key of the exclusion list. */
	public String key() {
		return groupId + ":" + artifactId;
	}

	/** {@code groupId:artifactId:version[:classifier]}. */
	public String coordinates() {
		return key() + ":" + version + (classifier.isEmpty() ? "" : ":" + classifier);
	}

	/**
	 * Reads the file that {@code mvn dependency:list -DoutputAbsoluteArtifactFilename=true -DoutputFile=...}
	 * writes. Lines look like {@code g:a:jar[:classifier]:version:scope:/path/a.jar -- module x}; the header and
	 * non-jar artifacts are skipped.
	 */
	public static List<RuntimeArtifact> readDependencyList(Path listFile) throws IOException {
		if (!Files.isRegularFile(listFile)) throw new IOException("No dependency list at " + listFile);
		List<RuntimeArtifact> out = new ArrayList<>();
		int lineNo = 0;
		for (String raw : Files.readAllLines(listFile)) {
			lineNo++;
			String line = raw.strip();
			int module = line.indexOf(" -- ");
			if (module >= 0) line = line.substring(0, module).strip();
			if (line.isEmpty() || line.startsWith("The following") || line.equals("none")) continue;
			String[] t = line.split(":");
			int scope = t.length > 5 && SCOPES.contains(t[4]) ? 4 : t.length > 6 && SCOPES.contains(t[5]) ? 5 : -1;
			if (scope < 0)
				throw new IOException(listFile + " line " + lineNo + ": not an artifact with its file: " + raw.strip());
			if (!t[2].equals("jar")) continue;
			// The path may itself contain ':' (C:\...), so it is everything after the scope.
			String path = String.join(":", java.util.Arrays.copyOfRange(t, scope + 1, t.length));
			String classifier = scope == 5 ? t[3] : "";
			out.add(new RuntimeArtifact(t[0], t[1], t[scope - 1], classifier, Path.of(path)));
		}
		return out;
	}
}
