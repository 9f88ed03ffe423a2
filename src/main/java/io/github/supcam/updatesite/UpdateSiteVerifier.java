package io.github.supcam.updatesite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks an update site folder the way Fiji will see it: the index parses, every current file is on the server
 * at {@code <path>-<timestamp>} with the stated size and updater checksum, dependencies point at files of the
 * site, no component is listed twice, and the folder holds nothing the index does not list.
 */
public final class UpdateSiteVerifier {
	private UpdateSiteVerifier() {}

	/** Problems found, one sentence each; empty when the site is consistent. */
	public static List<String> verify(Path siteDir) throws IOException {
		List<SiteRecord> records = DbXml.read(siteDir.resolve(DbXml.FILE_NAME));
		List<String> problems = new ArrayList<>();
		Map<String, SiteRecord> byName = new HashMap<>();
		Set<String> components = new HashSet<>();
		Set<Path> listed = new HashSet<>();
		for (SiteRecord r : records) {
			if (byName.put(r.filename(), r) != null) problems.add(r.filename() + " is listed twice");
			if (!components.add(SiteRecord.unversioned(r.filename())))
				problems.add(r.filename() + " is a second version of " + SiteRecord.unversioned(r.filename()));
			if (r.isObsolete()) continue;
			Path file = siteDir.resolve(r.serverPath());
			listed.add(file.normalize());
			if (!Files.isRegularFile(file)) {
				problems.add(r.filename() + ": " + r.serverPath() + " is missing");
				continue;
			}
			long size = Files.size(file);
			if (size != r.current().filesize())
				problems.add(r.filename() + ": size " + size + " bytes, index says " + r.current().filesize());
			try {
				String checksum = UpdaterChecksum.of(r.filename(), file);
				if (!checksum.equals(r.current().checksum()))
					problems.add(r.filename() + ": checksum " + checksum + ", index says " + r.current().checksum());
			} catch (IOException e) {
				problems.add(r.filename() + ": checksum not computable: " + e.getMessage());
			}
		}
		for (SiteRecord r : records)
			for (SiteRecord.Dependency d : r.dependencies()) {
				SiteRecord target = byName.get(d.filename());
				if (target == null || target.isObsolete())
					problems.add(r.filename() + " depends on " + d.filename() + ", which the site does not ship");
				else if (d.timestamp() > target.current().timestamp())
					problems.add(r.filename() + " needs " + d.filename() + " of " + d.timestamp() +
						", newer than the one shipped (" + target.current().timestamp() + ")");
			}
		try (Stream<Path> walk = Files.walk(siteDir)) {
			walk.filter(Files::isRegularFile).map(Path::normalize).sorted()
				.filter(p -> !p.equals(siteDir.resolve(DbXml.FILE_NAME).normalize()) && !listed.contains(p))
				.forEach(p -> problems.add(siteDir.relativize(p) + " is on the site but not in " + DbXml.FILE_NAME));
		}
		return problems;
	}
}
