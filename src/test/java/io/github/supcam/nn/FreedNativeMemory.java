package io.github.supcam.nn;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a use-after-free of small native buffers visible at once, instead of in a few runs in a hundred: collects
 * garbage so the JDK's cleaner frees unreachable direct buffers, then refills freed small blocks with NaN bits by
 * allocating many direct buffers of that size.
 */
public final class FreedNativeMemory {
	private FreedNativeMemory() {}

	public static void reuseWithNaN() {
		List<ByteBuffer> keep = new ArrayList<>();
		for (int round = 0; round < 5; round++) {
			System.gc();
			try {
				Thread.sleep(20); // the cleaner thread frees the buffers the collection found unreachable
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			for (int i = 0; i < 2000; i++) {
				for (int size : new int[] { 4, 8 }) {
					ByteBuffer b = ByteBuffer.allocateDirect(size);
					for (int j = 0; j < size; j++) b.put(j, (byte) 0xFF);
					keep.add(b);
				}
			}
		}
		keep.clear();
	}
}
