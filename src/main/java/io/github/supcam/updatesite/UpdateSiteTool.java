package io.github.supcam.updatesite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Build-time tool behind {@code mvn -Pupdate-site package} and {@code update-site/check.sh}: {@code build}
 * assembles the update site from the plugin jar and Maven's runtime dependency list, {@code verify} checks a site
 * folder. Exit codes: 0 ok, 2 bad input or an inconsistent site, 1 failure.
 */
@Command(name = "update-site", mixinStandardHelpOptions = true, description = "Fiji update site for SupCAM.",
	subcommands = { UpdateSiteTool.Build.class, UpdateSiteTool.Verify.class })
public final class UpdateSiteTool {
	private UpdateSiteTool() {}

	@Command(name = "build", description = "Assemble the update site folder.")
	static final class Build implements Callable<Integer> {
		@Option(names = "--plugin", required = true, description = "The plugin jar (goes to plugins/).")
		Path plugin;
		@Option(names = "--dependency-list", required = true,
			description = "Output of mvn dependency:list -DoutputAbsoluteArtifactFilename=true -DincludeScope=runtime.")
		Path dependencyList;
		@Option(names = "--exclusions", required = true, description = "Libraries to leave out (fiji-provided.txt).")
		Path exclusions;
		@Option(names = "--out", required = true, description = "Site folder to write.")
		Path out;
		@Option(names = "--timestamp", defaultValue = "now", description = "yyyyMMddHHmmss (UTC) or 'now'.")
		String timestamp;
		@Option(names = "--previous", defaultValue = "none",
			description = "The db.xml.gz the site serves now, to keep unchanged files and record history; 'none'.")
		String previous;
		@Option(names = "--description", required = true)
		String description;
		@Option(names = "--author", required = true)
		List<String> authors;
		@Option(names = "--link")
		List<String> links = new ArrayList<>();

		@Override
		public Integer call() throws IOException {
			Map<String, String> excluded = Exclusions.read(exclusions);
			String name = plugin.getFileName().toString();
			List<UpdateSiteBuilder.Entry> libraries = new ArrayList<>();
			for (RuntimeArtifact a : RuntimeArtifact.readDependencyList(dependencyList)) {
				String reason = excluded.get(a.key());
				if (reason != null) System.out.println("  left out " + a.coordinates() + ": " + reason);
				else libraries.add(UpdateSiteBuilder.entryFor(a));
			}
			libraries.sort(Comparator.comparing(UpdateSiteBuilder.Entry::path));
			List<UpdateSiteBuilder.Entry> entries = new ArrayList<>();
			entries.add(new UpdateSiteBuilder.Entry("plugins/" + name, plugin, List.of(), description, authors, links));
			entries.addAll(libraries);
			long stamp = timestamp.equals("now") ? UpdateSiteBuilder.now() : Long.parseLong(timestamp);
			List<SiteRecord> before = previous.equals("none") ? List.of() : DbXml.read(Path.of(previous));
			List<SiteRecord> records = UpdateSiteBuilder.build(entries, out, stamp, before);
			long total = 0;
			for (SiteRecord r : records) {
				if (r.isObsolete()) {
					System.out.println("  obsolete " + r.filename());
					continue;
				}
				total += r.current().filesize();
				System.out.printf("  %-60s %12d bytes%s%n", r.serverPath(), r.current().filesize(),
					r.platforms().isEmpty() ? "" : "  " + r.platforms());
			}
			System.out.printf("Update site in %s: %d files, %.1f MB%n", out, entries.size(), total / 1e6);
			return 0;
		}
	}

	@Command(name = "verify", description = "Check a site folder against its db.xml.gz.")
	static final class Verify implements Callable<Integer> {
		@Parameters(index = "0", description = "Site folder (holds db.xml.gz).")
		Path site;

		@Override
		public Integer call() throws IOException {
			List<String> problems = UpdateSiteVerifier.verify(site);
			problems.forEach(p -> System.err.println("update-site verify: " + p));
			if (!problems.isEmpty()) return 2;
			System.out.println("update-site verify: " + site + " is consistent (" +
				DbXml.read(site.resolve(DbXml.FILE_NAME)).size() + " records)");
			return 0;
		}
	}

	public static void main(String[] args) {
		CommandLine cl = new CommandLine(UpdateSiteTool.class);
		cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			commandLine.getErr().println("update-site " + commandLine.getCommandName() + ": " + ex.getMessage());
			return ex instanceof IllegalArgumentException || ex instanceof IOException ? 2 : 1;
		});
		System.exit(cl.execute(args));
	}
}
