package io.github.supcam.fiji;

import ij.WindowManager;
import ij.macro.Interpreter;
import io.github.supcam.fiji.ij1.ClassifyClustersPlugIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** What a headless batch macro meets: no ROI Manager window, and a failing step that must stop the macro. */
public class MacroRegressionTest {
	static volatile String seen;
	static volatile boolean reached;

	/** Called from the test macros with call(): how many ROIs Classify Clusters would take from the user. */
	public static String userRoiCount() {
		seen = String.valueOf(ImageClassification.userRois(WindowManager.getCurrentImage()).size());
		return seen;
	}

	/** A bridge call that fails: no image is open. */
	public static String failingBridge() {
		WindowManager.setTempCurrentImage(null);
		new ClassifyClustersPlugIn().run("");
		return "";
	}

	public static String reach() {
		reached = true;
		return "";
	}

	@AfterEach
	void leaveBatchMode() {
		Interpreter.batchMode = false;
	}

	@Test
	void aHeadlessBatchMacroTakesTheSelection() {
		seen = null;
		new Interpreter().run("setBatchMode(true); newImage('t', '8-bit white', 100, 80, 1); makeRectangle(10, 10, 30, 20);"
			+ " call('" + getClass().getName() + ".userRoiCount');");
		// Before, RoiManager.getInstance() built a hidden ROI Manager window in batch mode: HeadlessException.
		assertEquals("1", seen, "the selection is the one cluster");
	}

	@Test
	void aFailingBridgeCallStopsTheMacroWithTheReasonInTheLog() {
		reached = false;
		PrintStream out = System.out;
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
		try {
			new Interpreter().run("call('" + getClass().getName() + ".failingBridge'); call('" + getClass().getName() +
				".reach');");
		} catch (RuntimeException e) {
			// ImageJ may end an aborted macro with "Macro canceled"
		} finally {
			System.setOut(out);
		}
		assertFalse(reached, "the macro went on after the failed step");
		String text = log.toString(StandardCharsets.UTF_8);
		assertTrue(text.contains("Classify Clusters failed:"), text);
	}
}
