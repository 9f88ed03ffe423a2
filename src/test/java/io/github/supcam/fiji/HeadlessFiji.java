package io.github.supcam.fiji;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.scijava.Context;
import org.scijava.command.CommandService;

/** Base of the command tests: one headless SciJava Context per test class, as Fiji runs commands. */
abstract class HeadlessFiji {
	static Context context;
	static CommandService commands;

	@BeforeAll
	static void startContext() {
		context = new Context();
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stopContext() {
		context.dispose();
	}
}
