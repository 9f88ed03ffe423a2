package io.github.supcam.fiji;

import ij.macro.Interpreter;
import org.junit.jupiter.api.Test;
import org.scijava.command.CommandModule;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A call that leaves out required inputs is refused with their names. Before, SciJava cancelled it with a reason
 * nobody showed: a batch macro went on with nothing in the Log.
 */
public class RequiredInputsPreprocessorTest extends HeadlessFiji {
	static volatile boolean reached;

	/** Called from the test macro with call(): Evaluate Model with no options, as run("Evaluate Model") does. */
	public static String evaluateWithoutOptions() throws Exception {
		commands.run(EvaluateModelCommand.class, true).get();
		return "";
	}

	public static String reach() {
		reached = true;
		return "";
	}

	@Test
	void aHeadlessRunNamesEveryMissingInputAndTakesNoRememberedValue() throws Exception {
		// A complete call is not touched: its missing dataset folder fails in the command, with its own reason.
		CommandModule complete = commands.run(EvaluateModelCommand.class, true, "data", new File("/nonexistent"),
			"model", new File("/nonexistent-model"), "images", "all images").get();
		assertEquals("Dataset folder /nonexistent does not exist", complete.getCancelReason());
		// SciJava remembers those files, but a call that leaves them out must not silently reuse them.
		CommandModule m = commands.run(EvaluateModelCommand.class, true, "images", "all images").get();
		assertTrue(m.isCanceled());
		assertEquals("Required parameters data (Dataset folder), model (Model package (folder or .zip)) were not " +
			"given; e.g. --run \"Evaluate Model\" \"data='...',model='...',...\"", m.getCancelReason());
	}

	@Test
	void aMacroGetsTheReasonInTheLogAndStops() {
		reached = false;
		PrintStream out = System.out;
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
		try {
			new Interpreter().run("call('" + getClass().getName() + ".evaluateWithoutOptions'); call('" +
				getClass().getName() + ".reach');");
		} catch (RuntimeException e) {
			// ImageJ may end an aborted macro with "Macro canceled"
		} finally {
			System.setOut(out);
		}
		String text = log.toString(StandardCharsets.UTF_8);
		assertTrue(text.contains("Evaluate Model failed: Required parameters data (Dataset folder), model (Model " +
			"package (folder or .zip)) were not given; e.g. run(\"Evaluate Model\", \"data=[...] model=[...] ...\")"),
			text);
		assertFalse(reached, "the macro went on after the refused call");
	}
}
