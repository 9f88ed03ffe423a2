package io.github.supcam.updatesite;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * No test or benchmark library reaches a user's Fiji: the allow-list of runtime jars holds none, and the pom keeps
 * them in test scope and excludes the JUnit that xchart's PDF export leaks. update-site/check.sh compares Maven's
 * resolved runtime list with the allow-list; this guards the two files it relies on.
 */
class RuntimeJarsTest {
	static final Pattern TEST_LIBRARY = Pattern.compile("junit|jmh|opentest4j|apiguardian|hamcrest|mockito|assertj|jopt");

	static List<String> entries(String file) throws Exception {
		return Files.readAllLines(Path.of("update-site", file)).stream().map(l -> l.replaceAll("#.*", "").trim())
			.filter(l -> !l.isEmpty()).toList();
	}

	@Test
	void theAllowListHoldsNoTestLibraryAndEveryFijiProvidedJar() throws Exception {
		List<String> allowed = entries("runtime-jars.txt");
		assertTrue(allowed.size() > 10, allowed.toString());
		for (String a : allowed) assertFalse(TEST_LIBRARY.matcher(a).find(), a + " is a test or benchmark library");
		for (String provided : entries("fiji-provided.txt"))
			assertTrue(allowed.contains(provided), provided + " is in fiji-provided.txt but no runtime dependency");
	}

	@Test
	void thePomKeepsTestLibrariesOutOfTheRuntime() throws Exception {
		Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"))
			.getDocumentElement();
		Element dependencies = (Element) project.getElementsByTagName("dependencies").item(1);
		NodeList deps = dependencies.getElementsByTagName("dependency");
		boolean junitExcluded = false;
		for (int i = 0; i < deps.getLength(); i++) {
			Element d = (Element) deps.item(i);
			if (d.getParentNode() != dependencies) continue; // an exclusion's own elements
			String id = text(d, "groupId") + ":" + text(d, "artifactId");
			if (TEST_LIBRARY.matcher(id).find()) assertEquals("test", text(d, "scope"), id + " must be test-scoped");
			if (id.equals("org.knowm.xchart:xchart")) junitExcluded = d.getElementsByTagName("exclusion").getLength() > 0
				&& d.getTextContent().contains("junit-jupiter");
		}
		assertTrue(junitExcluded, "xchart's PDF export (de.rototor.pdfbox:graphics2d) leaks junit-jupiter at compile scope");
	}

	private static String text(Element e, String tag) {
		NodeList n = e.getElementsByTagName(tag);
		return n.getLength() == 0 ? "" : n.item(0).getTextContent().trim();
	}
}
