package io.github.supcam.real;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.supcam.image.ImageFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelExamplesTest {
	@Test
	void oneMontagePerLabelledTypeWithAtMostPerTypeTiles(@TempDir Path tmp) throws Exception {
		Path harvest = TestHarvest.fake(tmp.resolve("h"));
		Path labels = tmp.resolve("labels.csv");
		Files.writeString(labels, "image,x,y,width,height,label,confidence\n" +
			"c11.jpg,0,0,30,30,touching,high\nc21.jpg,10,10,20,50,instance,low\nc31.jpg,10,10,20,50,instance,low\n" +
			"nowhere.jpg,1,1,1,1,overlapping,low\n");
		List<Path> written = LabelExamples.write(harvest, labels, tmp.resolve("out"), 1);
		assertEquals(List.of(tmp.resolve("out/examples-instance.png"), tmp.resolve("out/examples-touching.png")),
			written, "no montage for a type whose only label matches nothing");
		// One 180-px cell (plus 2-px gaps) per montage, since at most one tile per type is kept.
		assertEquals(184, ImageFiles.read(written.get(0)).dimension(0));
	}
}
