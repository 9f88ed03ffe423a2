package io.github.supcam.compose;

import io.github.supcam.dataset.ClusterType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Every cell of every table, written out by hand from the paper's text. Rows/columns: I, T, O, TO; "?" = uncertain. */
class LabelTableTest {
	private static final String[][] TOUCHING = {
		{ "T", "T", "TO", "TO" },
		{ "T", "T", "TO", "TO" },
		{ "TO", "TO", "TO", "TO" },
		{ "TO", "TO", "TO", "TO" } };
	private static final String[][] MIDDLE_OVERLAPPING = {
		{ "O", "?", "O", "?" },
		{ "?", "?", "?", "?" },
		{ "O", "?", "O", "?" },
		{ "?", "?", "?", "?" } };
	private static final String[][] HEAVY_OVERLAPPING = {
		{ "O", "TO", "O", "TO" },
		{ "TO", "TO", "TO", "TO" },
		{ "O", "TO", "O", "TO" },
		{ "TO", "TO", "TO", "TO" } };
	private static final String[][] LIGHT_OVERLAPPING = {
		{ "O", "?", "?", "?" },
		{ "?", "?", "?", "?" },
		{ "?", "?", "?", "?" },
		{ "?", "?", "?", "?" } };
	private static final String[][] ALL_UNCERTAIN = {
		{ "?", "?", "?", "?" },
		{ "?", "?", "?", "?" },
		{ "?", "?", "?", "?" },
		{ "?", "?", "?", "?" } };

	@Test
	void middle() {
		assertTable(LabelTable.MIDDLE, false, TOUCHING);
		assertTable(LabelTable.MIDDLE, true, MIDDLE_OVERLAPPING);
	}

	@Test
	void heavy() {
		assertTable(LabelTable.HEAVY, false, TOUCHING);
		assertTable(LabelTable.HEAVY, true, HEAVY_OVERLAPPING);
	}

	@Test
	void light() {
		assertTable(LabelTable.LIGHT, false, TOUCHING);
		assertTable(LabelTable.LIGHT, true, LIGHT_OVERLAPPING);
	}

	@Test
	void none() {
		assertTable(LabelTable.NONE, false, ALL_UNCERTAIN);
		assertTable(LabelTable.NONE, true, ALL_UNCERTAIN);
	}

	private static void assertTable(LabelTable table, boolean overlapping, String[][] expected) {
		ClusterType[] types = ClusterType.values();
		for (int a = 0; a < 4; a++) {
			for (int b = 0; b < 4; b++) {
				ClusterType got = table.label(types[a], types[b], overlapping);
				assertEquals(expected[a][b], got == null ? "?" : got.shortLabel(), table + (overlapping ? " overlapping " :
					" touching ") + types[a] + "+" + types[b]);
				assertNotEquals(ClusterType.INSTANCE, got);
			}
		}
	}
}
