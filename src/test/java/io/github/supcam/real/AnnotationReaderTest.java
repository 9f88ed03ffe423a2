package io.github.supcam.real;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AnnotationReaderTest {
	@Test
	void vocBoxesAreInclusiveAndKeyedByTheFileName(@TempDir Path tmp) throws IOException {
		Path f = tmp.resolve("103071.xml");
		Files.writeString(f, "<annotation><filename>C:\\\\x\\\\other.jpg</filename><object><name>A1</name><bndbox>" +
			"<xmin>11</xmin><ymin>243</ymin><xmax>95.0</xmax><ymax>370</ymax></bndbox></object>" +
			"<object><name>X</name><bndbox><xmin>5</xmin><ymin>6</ymin><xmax>5</xmax><ymax>6</ymax></bndbox></object>" +
			"</annotation>");
		ImageAnnotation a = AnnotationReader.readVoc(f);
		assertEquals("103071", a.key());
		assertEquals(List.of(new Box(1, "A1", 11, 243, 96, 371), new Box(2, "X", 5, 6, 6, 7)), a.boxes());
	}

	@Test
	void malformedVocFilesAreNamedAndTheFolderGoesOn(@TempDir Path tmp) throws IOException {
		Files.writeString(tmp.resolve("a.xml"), Scene.voc("a.png", Scene.BOXES));
		Files.writeString(tmp.resolve("b.xml"), "<annotation><object>");
		Files.writeString(tmp.resolve("c.xml"), "<annotation><object><name>A</name><bndbox><xmin>one</xmin>" +
			"</bndbox></object></annotation>");
		Files.writeString(tmp.resolve("d.xml"), "<coco/>");
		Files.writeString(tmp.resolve("e.xml"), "<annotation><object><name>A</name></object></annotation>");
		AnnotationReader.Loaded l = AnnotationReader.read(tmp);
		assertEquals(List.of("a"), List.copyOf(l.byKey().keySet()));
		assertEquals(Scene.BOXES, l.byKey().get("a").boxes());
		assertEquals(4, l.problems().size(), l.problems().toString());
		assertTrue(l.problems().get(0).startsWith("b.xml: malformed XML"), l.problems().get(0));
		assertEquals("c.xml: object 1: <xmin> is 'one', not a number", l.problems().get(1));
		assertEquals("d.xml: not a PASCAL VOC annotation (root element <coco>, expected <annotation>)",
			l.problems().get(2));
		assertEquals("e.xml: object 1 has no <bndbox>", l.problems().get(3));
	}

	@Test
	void cocoJsonGivesBoxesPerImageAndReportsBadEntries(@TempDir Path tmp) throws IOException {
		Path f = tmp.resolve("boxes.json");
		Files.writeString(f, "{\"images\": [{\"id\": 7, \"file_name\": \"sub/s1.png\", \"width\": 400}," +
			" {\"id\": 8, \"file_name\": \"s2.jpg\"}, {\"file_name\": \"noid.png\"}]," +
			" \"annotations\": [{\"image_id\": 7, \"bbox\": [20, 20, 21, 101], \"category_id\": 3}," +
			" {\"image_id\": 7, \"bbox\": [59.5, 70, 101, 21]}, {\"image_id\": 9, \"bbox\": [1, 1, 2, 2]}," +
			" {\"image_id\": 8, \"bbox\": [1, 2]}]," +
			" \"categories\": [{\"id\": 3, \"name\": \"A1\"}]}");
		AnnotationReader.Loaded l = AnnotationReader.read(f);
		assertEquals(List.of("s1", "s2"), List.copyOf(l.byKey().keySet()));
		assertEquals(List.of(new Box(1, "A1", 20, 20, 41, 121), new Box(2, "", 59, 70, 161, 91)),
			l.byKey().get("s1").boxes());
		assertEquals(List.of(), l.byKey().get("s2").boxes());
		assertEquals(3, l.problems().size(), l.problems().toString());
		assertTrue(l.problems().get(0).contains("lacks a numeric id"));
		assertEquals("boxes.json: annotation 3 refers to image_id 9, which is not in images[]", l.problems().get(1));
		assertEquals("boxes.json: annotation 4 skipped: bbox must be [x, y, width, height]", l.problems().get(2));
	}

	@Test
	void aMalformedCocoFileIsAnErrorNamingIt(@TempDir Path tmp) throws IOException {
		Path f = tmp.resolve("boxes.json");
		Files.writeString(f, "{\"images\": [");
		IOException e = assertThrows(IOException.class, () -> AnnotationReader.read(f));
		assertTrue(e.getMessage().startsWith("boxes.json: malformed JSON"), e.getMessage());
		Files.writeString(f, "{\"images\": []}");
		assertEquals("boxes.json: not a COCO file: no 'annotations' array",
			assertThrows(IOException.class, () -> AnnotationReader.read(f)).getMessage());
		Path txt = Files.writeString(tmp.resolve("boxes.txt"), "x");
		assertThrows(IllegalArgumentException.class, () -> AnnotationReader.read(txt));
	}
}
