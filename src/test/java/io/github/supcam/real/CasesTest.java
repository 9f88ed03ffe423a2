package io.github.supcam.real;

import io.github.supcam.dataset.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class CasesTest {
	@Test
	void theCaseIsTheNameWithoutItsLastCharacterOrThePatternsGroup() {
		assertEquals("10307", Cases.caseOf("103071.jpg", null));
		assertEquals("10307", Cases.caseOf("some/folder/103072.JPG", null));
		assertEquals("p12", Cases.caseOf("p12-slide3.tif", Cases.pattern("^(p\\d+)-")));
		assertThrows(IllegalArgumentException.class, () -> Cases.caseOf("q1.tif", Cases.pattern("^(p\\d+)-")));
		assertThrows(IllegalArgumentException.class, () -> Cases.caseOf("a.png", null));
		assertThrows(IllegalArgumentException.class, () -> Cases.pattern("p\\d+"));
		assertThrows(IllegalArgumentException.class, () -> Cases.pattern("(p"));
	}

	@Test
	void theSplitIsSeededByCaseAndKeepsEveryImageOfACaseTogether(@TempDir Path tmp) throws Exception {
		List<String> images = new ArrayList<>();
		for (int c = 0; c < 20; c++) for (int i = 1; i <= 3; i++) images.add("case" + (100 + c) + i + ".jpg");
		Map<String, Split> split = Cases.defaultSplit(images);
		assertEquals(20, split.size());
		assertEquals(14, Collections.frequency(split.values(), Split.TRAIN));
		assertEquals(2, Collections.frequency(split.values(), Split.VAL));
		assertEquals(4, Collections.frequency(split.values(), Split.TEST));
		List<String> shuffled = new ArrayList<>(images);
		Collections.reverse(shuffled);
		assertEquals(split, Cases.defaultSplit(shuffled), "order of the files does not matter");
		Map<String, Split> other = Cases.split(split.keySet(), Cases.FRACTIONS, 2);
		assertNotEquals(split, other, "another seed, another split");
		assertEquals(split, Cases.readCsv(writeAndReturn(tmp.resolve(Cases.CSV), split)));
	}

	@Test
	void splitsAreStableWhenFractionsAddUp() {
		Map<String, Split> s = Cases.split(IntStream.range(0, 10).mapToObj(i -> "c" + i).toList(), Cases.FRACTIONS, 1);
		assertEquals(List.of(7, 1, 2), List.of(Collections.frequency(s.values(), Split.TRAIN),
			Collections.frequency(s.values(), Split.VAL), Collections.frequency(s.values(), Split.TEST)));
	}

	private static Path writeAndReturn(Path f, Map<String, Split> split) throws Exception {
		Cases.writeCsv(f, split);
		return f;
	}
}
