package io.github.supcam.cli;

import io.github.supcam.Version;
import io.github.supcam.image.ImageFiles;
import io.github.supcam.util.ErrorMessages;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileNotFoundException;
import java.nio.file.NoSuchFileException;

/**
 * The {@code supcam} command line. Every subcommand is a thin mapping onto a core object. Exit codes: 0 success,
 * 2 bad usage or bad input (one-line reason on stderr), 1 failure while running.
 */
@Command(name = "supcam", mixinStandardHelpOptions = true, versionProvider = SupcamCli.VersionProvider.class,
	description = "Chromosome cluster classification with SupCAM.",
	subcommands = { CommandLine.HelpCommand.class, SynthCommand.class, AugmentCommand.class, PretrainCommand.class,
		FinetuneCommand.class, ClassifyCommand.class, EvaluateCommand.class, AblateCommand.class, DemoCommand.class,
		ExportCommand.class, MetaphaseCommand.class,
		ComposeRealCommand.class,
		EvaluateRealCommand.class,
		CalibrateCommand.class,
		HarvestCommand.class })
public final class SupcamCli implements Runnable {
	public static final int EXIT_OK = 0;
	public static final int EXIT_FAILURE = 1;
	public static final int EXIT_BAD_INPUT = 2;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
	}

	/** Builds the command line with all subcommands and the plugin's exit-code mapping. */
	public static CommandLine commandLine() {
		CommandLine cl = new CommandLine(new SupcamCli());
		cl.setCaseInsensitiveEnumValuesAllowed(true);
		cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			boolean badInput = isBadInput(ex);
			commandLine.getErr().println("supcam " + commandLine.getCommandName() + ": " +
				(badInput ? "" : "failed: ") + ErrorMessages.describe(ex));
			if (!badInput && System.getenv("SUPCAM_DEBUG") != null) ex.printStackTrace(commandLine.getErr());
			return badInput ? EXIT_BAD_INPUT : EXIT_FAILURE;
		});
		return cl;
	}

	/**
	 * The exit code of a batch command that skipped some of its inputs: {@link #EXIT_OK} when none, else
	 * {@link #EXIT_BAD_INPUT} after saying on stderr how many were skipped and why, one line each.
	 */
	static int skipped(CommandLine.Model.CommandSpec spec, String command, java.util.List<String> problems) {
		if (problems.isEmpty()) return EXIT_OK;
		var err = spec.commandLine().getErr();
		err.println("supcam " + command + ": " + problems.size() + " input(s) skipped:");
		problems.forEach(p -> err.println("  " + p));
		return EXIT_BAD_INPUT;
	}

	static boolean isBadInput(Throwable ex) {
		return ex instanceof IllegalArgumentException || ex instanceof ImageFiles.ImageReadException ||
			ex instanceof NoSuchFileException || ex instanceof FileNotFoundException ||
			ex instanceof java.nio.file.FileAlreadyExistsException || ex instanceof java.nio.file.NotDirectoryException ||
			ex instanceof java.nio.file.AccessDeniedException;
	}

	public static void main(String[] args) {
		System.exit(run(args));
	}

	/**
	 * Runs one command line and returns its exit code, with everything the command printed written out: picocli's
	 * writers flush only on println, so a report printed with print() would be lost at System.exit.
	 */
	static int run(String... args) {
		CommandLine cl = commandLine();
		try {
			return cl.execute(args);
		} finally {
			cl.getOut().flush();
			cl.getErr().flush();
		}
	}

	static final class VersionProvider implements CommandLine.IVersionProvider {
		@Override
		public String[] getVersion() {
			return new String[] { "supcam " + Version.get() };
		}
	}
}
