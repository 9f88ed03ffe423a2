package io.github.supcam.real;

import io.github.supcam.image.Gray8;
import io.github.supcam.image.ImageFiles;

import java.nio.file.Files;
import java.nio.file.Path;

/** A small fake {@code supcam harvest} folder for tests. */
public final class TestHarvest {
	private TestHarvest() {}

	/**
	 * A fake harvest: cases c1 (train), c2 (val), c3 (test), two single chromosomes each (bars of a grey level
	 * that names the case) and one cluster component each in c1 and c2.
	 */
	public static Path fake(Path dir) throws Exception {
		Files.createDirectories(dir.resolve("instance"));
		Files.createDirectories(dir.resolve("cluster"));
		StringBuilder manifest = new StringBuilder("file,image,component,x,y,width,height,area,touches_border,chromosomes,boxes,case," +
			"split\n");
		String[] cases = { "c1", "c2", "c3" }, splits = { "train", "val", "test" };
		for (int c = 0; c < 3; c++) for (int k = 0; k < 2; k++) {
			byte[] px = new byte[20 * 50];
			java.util.Arrays.fill(px, (byte) 240);
			for (int y = 5; y < 45 - 10 * k; y++) for (int x = 6; x < 14; x++) px[y * 20 + x] = (byte) (60 + 40 * c);
			String file = "instance/" + cases[c] + "1-" + k + ".png";
			ImageFiles.writePng(Gray8.wrap(px, 20, 50), dir.resolve(file));
			manifest.append(file).append(',').append(cases[c]).append("1.jpg,").append(k + 1)
				.append(",10,10,20,50,320,false,1,").append(k).append(',').append(cases[c]).append(',')
				.append(splits[c]).append('\n');
		}
		ImageFiles.writePng(Gray8.create(30, 30, 100), dir.resolve("cluster/c11-9.png"));
		manifest.append("cluster/c11-9.png,c11.jpg,9,0,0,30,30,700,false,2,3;4,c1,train\n");
		ImageFiles.writePng(Gray8.create(30, 30, 110), dir.resolve("cluster/c21-9.png"));
		manifest.append("cluster/c21-9.png,c21.jpg,9,0,0,30,30,700,false,2,3;4,c2,val\n");
		Files.writeString(dir.resolve("manifest.csv"), manifest);
		Files.writeString(dir.resolve("cases.csv"), "case,split\nc1,train\nc2,val\nc3,test\n");
		return dir;
	}

	/**
	 * Adds a harvested cluster {@code cluster/NAME.png} (30×30, grey level {@code grey}) of {@code chromosomes}
	 * boxes at box {@code (x, 0, 30, 30)} of {@code image}, in a case of {@code split}.
	 *
	 * @return its manifest row's file
	 */
	public static String addCluster(Path harvest, String name, String image, int x, int chromosomes, String caseName,
		String split, int grey) throws Exception
	{
		String file = "cluster/" + name + ".png";
		ImageFiles.writePng(Gray8.create(30, 30, grey), harvest.resolve(file));
		Files.writeString(harvest.resolve("manifest.csv"), file + "," + image + ",7," + x + ",0,30,30,700,false," +
			chromosomes + ",5;6," + caseName + "," + split + "\n", java.nio.file.StandardOpenOption.APPEND);
		return file;
	}
}
