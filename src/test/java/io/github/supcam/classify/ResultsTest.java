package io.github.supcam.classify;

import ij.measure.ResultsTable;
import io.github.supcam.dataset.ClusterType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Rectangle;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ResultsTest {
	static final ClusterResult A = new ClusterResult("cells, 1.tif", "3", new Rectangle(10, 20, 30, 40), 812, false,
		ClusterType.TOUCHING, new double[] { 0.1, 0.7, 0.15, 0.05 }, false);
	static final ClusterResult B = new ClusterResult("cells, 1.tif", "roi \"b\"", new Rectangle(0, 5, 6, 7), 20, true,
		ClusterType.TOUCHING_OVERLAPPING, new double[] { 0.3, 0.2, 0.1, 0.4 }, true, "border");

	@Test
	void csvHasTheDocumentedColumnsAndValues(@TempDir Path tmp) throws Exception {
		Path csv = tmp.resolve("results.csv");
		Results.writeCsv(csv, List.of(A, B));
		assertEquals("image,cluster,x,y,width,height,area,touches_border,predicted,p_instance,p_touching," +
			"p_overlapping,p_touching_overlapping,confidence,low_confidence,flag", Files.readAllLines(csv).get(0));
		try (Reader in = Files.newBufferedReader(csv);
			CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in))
		{
			List<CSVRecord> rows = p.getRecords();
			assertEquals(2, rows.size());
			CSVRecord a = rows.get(0), b = rows.get(1);
			assertEquals("cells, 1.tif", a.get("image"), "commas are quoted");
			assertEquals("3", a.get("cluster"));
			assertEquals(List.of("10", "20", "30", "40", "812"), List.of(a.get("x"), a.get("y"), a.get("width"),
				a.get("height"), a.get("area")));
			assertEquals("false", a.get("touches_border"));
			assertEquals("touching", a.get("predicted"));
			assertEquals("0.7000", a.get("p_touching"));
			assertEquals("0.1500", a.get("p_overlapping"));
			assertEquals("0.7000", a.get("confidence"));
			assertEquals("false", a.get("low_confidence"));
			assertEquals("roi \"b\"", b.get("cluster"), "quotes survive");
			assertEquals("touching-overlapping", b.get("predicted"));
			assertEquals("0.4000", b.get("confidence"));
			assertEquals("true", b.get("low_confidence"));
			assertEquals("true", b.get("touches_border"));
			assertEquals("", a.get("flag"));
			assertEquals("border", b.get("flag"));
		}
		assertEquals(List.of("results.csv"), Files.list(tmp).map(f -> f.getFileName().toString()).toList(),
			"no temporary file left behind");
	}

	@Test
	void resultsTableHoldsTheSameColumnsWithNumbersAsNumbers() {
		ResultsTable rt = new ResultsTable();
		Results.addTo(rt, List.of(A, B));
		assertEquals(2, rt.size());
		for (String c : Results.COLUMNS) assertTrue(rt.columnExists(c), c);
		assertEquals("cells, 1.tif", rt.getStringValue("image", 0));
		assertEquals("roi \"b\"", rt.getStringValue("cluster", 1));
		assertEquals("touching", rt.getStringValue("predicted", 0));
		assertEquals("touching-overlapping", rt.getStringValue("predicted", 1));
		assertEquals(10, rt.getValue("x", 0));
		assertEquals(40, rt.getValue("height", 0));
		assertEquals(812, rt.getValue("area", 0));
		assertEquals(0.15, rt.getValue("p_overlapping", 0), 1e-12);
		assertEquals(0.4, rt.getValue("confidence", 1), 1e-12);
		assertEquals(0, rt.getValue("low_confidence", 0));
		assertEquals(1, rt.getValue("low_confidence", 1));
		assertEquals(1, rt.getValue("touches_border", 1));
		assertEquals("border", rt.getStringValue("flag", 1));
	}

	@Test
	void summaryCountsEveryTypeAndTheLowConfidenceOnes() {
		assertEquals("cells.tif: 2 clusters: instance 0, touching 1, overlapping 0, touching-overlapping 1 " +
			"(1 low confidence)", Results.summary("cells.tif", List.of(A, B)));
		assertEquals("x: 1 cluster: instance 0, touching 1, overlapping 0, touching-overlapping 0",
			Results.summary("x", List.of(A)));
		assertEquals(List.of(0, 1, 0, 1), List.copyOf(Results.counts(List.of(A, B)).values()));
	}
}
