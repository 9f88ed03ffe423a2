package io.github.supcam.updatesite;

import io.github.supcam.util.AtomicFiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Writes and reads the updater's index {@code db.xml.gz}: gzip-compressed XML, root {@code <pluginRecords>} with
 * one {@code <plugin>} per file (see {@code update-site/README.md} for the element list). The written XML carries
 * the updater's document type as an internal subset, is indented with four spaces and lists records in the order
 * given, so the same records give the same bytes (the gzip header has no time or name).
 */
public final class DbXml {
	private DbXml() {}

	/** File name of the index at the root of an update site. */
	public static final String FILE_NAME = "db.xml.gz";

	private static final String DOCTYPE = """
		<!DOCTYPE pluginRecords [
		<!ELEMENT pluginRecords ((update-site | disabled-update-site)*, plugin*)>
		<!ELEMENT update-site EMPTY>
		<!ELEMENT disabled-update-site EMPTY>
		<!ELEMENT plugin (platform*, category*, version?, previous-version*)>
		<!ELEMENT version (description?, dependency*, link*, author*)>
		<!ELEMENT previous-version EMPTY>
		<!ELEMENT description (#PCDATA)>
		<!ELEMENT dependency EMPTY>
		<!ELEMENT link (#PCDATA)>
		<!ELEMENT author (#PCDATA)>
		<!ELEMENT platform (#PCDATA)>
		<!ELEMENT category (#PCDATA)>
		<!ATTLIST plugin filename CDATA #REQUIRED>
		<!ATTLIST plugin executable CDATA #IMPLIED>
		<!ATTLIST version checksum CDATA #REQUIRED>
		<!ATTLIST version timestamp CDATA #REQUIRED>
		<!ATTLIST version filesize CDATA #REQUIRED>
		<!ATTLIST dependency filename CDATA #REQUIRED>
		<!ATTLIST dependency timestamp CDATA #IMPLIED>
		<!ATTLIST dependency overrides CDATA #IMPLIED>
		<!ATTLIST previous-version filename CDATA #IMPLIED>
		<!ATTLIST previous-version timestamp CDATA #REQUIRED>
		<!ATTLIST previous-version timestamp-obsolete CDATA #IMPLIED>
		<!ATTLIST previous-version checksum CDATA #REQUIRED>]>
		""";

	/** Writes {@code records} as a gzip-compressed index to {@code target}, atomically. */
	public static void write(List<SiteRecord> records, Path target) throws IOException {
		byte[] xml = toXml(records).getBytes(StandardCharsets.UTF_8);
		AtomicFiles.write(target, out -> writeCompressed(xml, out));
	}

	private static void writeCompressed(byte[] xml, OutputStream out) throws IOException {
		// GZIPOutputStream writes a zero modification time and no file name: stable bytes.
		GZIPOutputStream gz = new GZIPOutputStream(out);
		gz.write(xml);
		gz.finish();
	}

	/** The uncompressed XML for {@code records}. */
	public static String toXml(List<SiteRecord> records) {
		StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").append(DOCTYPE);
		x.append("<pluginRecords>\n");
		for (SiteRecord r : records) {
			x.append("    <plugin filename=\"").append(escape(r.filename())).append("\">\n");
			for (String p : r.platforms()) text(x, 2, "platform", p);
			SiteRecord.Version v = r.current();
			if (v != null) {
				x.append("        <version checksum=\"").append(v.checksum()).append("\" timestamp=\"")
					.append(v.timestamp()).append("\" filesize=\"").append(v.filesize()).append("\">\n");
				if (r.description() != null) text(x, 3, "description", r.description());
				for (SiteRecord.Dependency d : r.dependencies()) {
					x.append("            <dependency filename=\"").append(escape(d.filename())).append('"');
					if (d.timestamp() != 0) x.append(" timestamp=\"").append(d.timestamp()).append('"');
					x.append("/>\n");
				}
				for (String link : r.links()) text(x, 3, "link", link);
				for (String author : r.authors()) text(x, 3, "author", author);
				x.append("        </version>\n");
			}
			for (SiteRecord.PreviousVersion p : r.previous()) {
				x.append("        <previous-version timestamp=\"").append(p.timestamp()).append('"');
				if (p.timestampObsolete() != 0) x.append(" timestamp-obsolete=\"").append(p.timestampObsolete()).append('"');
				x.append(" checksum=\"").append(p.checksum()).append('"');
				if (p.filename() != null) x.append(" filename=\"").append(escape(p.filename())).append('"');
				x.append("/>\n");
			}
			x.append("    </plugin>\n");
		}
		return x.append("</pluginRecords>\n").toString();
	}

	/** Reads a gzip-compressed index. */
	public static List<SiteRecord> read(Path dbXmlGz) throws IOException {
		if (!Files.isRegularFile(dbXmlGz)) throw new IOException("No update-site index at " + dbXmlGz);
		try (InputStream in = new GZIPInputStream(Files.newInputStream(dbXmlGz))) {
			return parse(in, dbXmlGz.toString());
		} catch (java.util.zip.ZipException e) {
			throw new IOException(dbXmlGz + " is not gzip-compressed: " + e.getMessage(), e);
		}
	}

	/** Parses uncompressed index XML. */
	public static List<SiteRecord> parseXml(String xml) throws IOException {
		return parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "index XML");
	}

	private static List<SiteRecord> parse(InputStream in, String source) throws IOException {
		Document doc;
		try {
			doc = builder().parse(in);
		} catch (SAXException e) {
			throw new IOException("Malformed XML in " + source + ": " + e.getMessage(), e);
		}
		Element root = doc.getDocumentElement();
		if (!root.getTagName().equals("pluginRecords"))
			throw new IOException(source + ": root element is <" + root.getTagName() + ">, expected <pluginRecords>");
		List<SiteRecord> records = new ArrayList<>();
		for (Element plugin : children(root, "plugin")) {
			String filename = plugin.getAttribute("filename");
			try {
				records.add(toRecord(plugin));
			} catch (IllegalArgumentException e) {
				throw new IOException(source + ": bad record '" + filename + "': " + e.getMessage(), e);
			}
		}
		return records;
	}

	private static SiteRecord toRecord(Element plugin) {
		List<String> platforms = texts(plugin, "platform");
		List<Element> versions = children(plugin, "version");
		if (versions.size() > 1) throw new IllegalArgumentException("more than one <version>");
		SiteRecord.Version current = null;
		String description = null;
		List<SiteRecord.Dependency> dependencies = new ArrayList<>();
		List<String> links = List.of(), authors = List.of();
		if (!versions.isEmpty()) {
			Element v = versions.get(0);
			current = new SiteRecord.Version(v.getAttribute("checksum"), number(v, "timestamp"),
				number(v, "filesize"));
			List<String> descriptions = texts(v, "description");
			description = descriptions.isEmpty() ? null : descriptions.get(0);
			for (Element d : children(v, "dependency"))
				dependencies.add(new SiteRecord.Dependency(d.getAttribute("filename"), number(d, "timestamp")));
			links = texts(v, "link");
			authors = texts(v, "author");
		}
		List<SiteRecord.PreviousVersion> previous = new ArrayList<>();
		for (Element p : children(plugin, "previous-version"))
			previous.add(new SiteRecord.PreviousVersion(p.getAttribute("checksum"), number(p, "timestamp"),
				number(p, "timestamp-obsolete"), p.hasAttribute("filename") ? p.getAttribute("filename") : null));
		return new SiteRecord(plugin.getAttribute("filename"), platforms, current, description, dependencies, links,
			authors, previous);
	}

	private static DocumentBuilder builder() throws IOException {
		try {
			DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			// The internal DTD subset is fine; nothing may be fetched from outside.
			f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			f.setExpandEntityReferences(false);
			f.setIgnoringElementContentWhitespace(false);
			DocumentBuilder b = f.newDocumentBuilder();
			b.setErrorHandler(null);
			return b;
		} catch (ParserConfigurationException e) {
			throw new IOException("No XML parser available", e);
		}
	}

	private static long number(Element e, String attribute) {
		String value = e.getAttribute(attribute);
		if (value.isEmpty()) return 0;
		try {
			return Long.parseLong(value);
		} catch (NumberFormatException ex) {
			throw new IllegalArgumentException("<" + e.getTagName() + " " + attribute + "=\"" + value +
				"\"> is not a number");
		}
	}

	private static List<Element> children(Element parent, String tag) {
		List<Element> out = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling())
			if (n instanceof Element e && e.getTagName().equals(tag)) out.add(e);
		return out;
	}

	private static List<String> texts(Element parent, String tag) {
		return children(parent, tag).stream().map(Element::getTextContent).toList();
	}

	private static void text(StringBuilder x, int depth, String tag, String value) {
		x.append("    ".repeat(depth)).append('<').append(tag).append('>').append(escape(value)).append("</")
			.append(tag).append(">\n");
	}

	private static String escape(String s) {
		StringBuilder b = new StringBuilder(s.length());
		for (char c : s.toCharArray()) {
			switch (c) {
				case '&' -> b.append("&amp;");
				case '<' -> b.append("&lt;");
				case '>' -> b.append("&gt;");
				case '"' -> b.append("&quot;");
				case '\r' -> b.append("&#13;");
				default -> {
					if (c < 0x20 && c != '\n' && c != '\t')
						throw new IllegalArgumentException("Control character U+" + Integer.toHexString(c) +
							" cannot be stored in db.xml.gz: " + s);
					b.append(c);
				}
			}
		}
		return b.toString();
	}
}
