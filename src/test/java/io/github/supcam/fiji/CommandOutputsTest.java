package io.github.supcam.fiji;

import ij.ImagePlus;
import org.junit.jupiter.api.Test;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;

import java.io.File;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** What a headless run of each menu item can keep: a file or folder to write to, and outputs Fiji can display. */
class CommandOutputsTest extends HeadlessFiji {
	@Test
	void everyCommandWritesFilesAndHasOnlyImageOutputs() {
		List<CommandInfo> ours = commands.getCommands().stream()
			.filter(c -> c.getClassName().startsWith("io.github.supcam.fiji.")).toList();
		assertEquals(7, ours.size(), ours.toString());
		for (CommandInfo c : ours) {
			boolean writes = false;
			for (ModuleItem<?> in : c.inputs())
				writes |= File.class.equals(in.getType()) && ("directory".equals(in.getWidgetStyle()) ||
					"save".equals(in.getWidgetStyle())) && !in.getLabel().startsWith("Dataset") &&
					!in.getLabel().startsWith("Input") && !in.getLabel().startsWith("Pretrained");
			assertTrue(writes, c.getTitle() + " has no output file or folder parameter");
			// SciJava's headless UI ignores ImageJ 1.x tables, and a String output opens an extra window in Fiji.
			for (ModuleItem<?> out : c.outputs())
				assertEquals(ImagePlus.class, out.getType(), c.getTitle() + " output " + out.getName());
		}
	}
}
