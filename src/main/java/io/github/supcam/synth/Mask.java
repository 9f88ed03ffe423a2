package io.github.supcam.synth;

/**
 * A binary mask over the box {@code [x0, x0+width) x [y0, y0+height)} of a larger frame; bit (x, y) of the frame is
 * {@code bits[(y - y0) * width + (x - x0)]}. Pairs of masks in the same frame are compared without copying.
 */
public record Mask(int x0, int y0, int width, int height, boolean[] bits) {
	public Mask {
		if (width < 0 || height < 0 || bits.length != width * height) throw new IllegalArgumentException(
			"Mask of " + bits.length + " bits does not match " + width + "x" + height);
	}

	/** A mask covering a whole {@code width x height} frame. */
	public static Mask ofFrame(boolean[] bits, int width, int height) {
		return new Mask(0, 0, width, height, bits);
	}

	/** True where (x, y), in frame coordinates, is set; false outside the box. */
	public boolean get(int x, int y) {
		int lx = x - x0, ly = y - y0;
		return lx >= 0 && ly >= 0 && lx < width && ly < height && bits[ly * width + lx];
	}

	/** The same bits moved by (dx, dy); the bit array is shared. */
	public Mask shifted(int dx, int dy) {
		return new Mask(x0 + dx, y0 + dy, width, height, bits);
	}

	/** These bits in a {@code frameWidth x frameHeight} frame; bits outside the frame are dropped. */
	public boolean[] toFrame(int frameWidth, int frameHeight) {
		boolean[] out = new boolean[frameWidth * frameHeight];
		for (int y = Math.max(0, -y0); y < Math.min(height, frameHeight - y0); y++)
			for (int x = Math.max(0, -x0); x < Math.min(width, frameWidth - x0); x++)
				out[(y + y0) * frameWidth + x + x0] = bits[y * width + x];
		return out;
	}

	public int area() {
		int n = 0;
		for (boolean b : bits) if (b) n++;
		return n;
	}

	/** Number of frame pixels set in both masks. */
	public int overlap(Mask o) {
		int xa = Math.max(x0, o.x0), xb = Math.min(x0 + width, o.x0 + o.width);
		int ya = Math.max(y0, o.y0), yb = Math.min(y0 + height, o.y0 + o.height);
		int n = 0;
		for (int y = ya; y < yb; y++)
			for (int x = xa; x < xb; x++)
				if (bits[(y - y0) * width + x - x0] && o.bits[(y - o.y0) * o.width + x - o.x0]) n++;
		return n;
	}

	/** Number of pixels of this mask, not in {@code o}, with one of their 8 neighbours in {@code o}. */
	public int contacts(Mask o) {
		int xa = Math.max(x0, o.x0 - 1), xb = Math.min(x0 + width, o.x0 + o.width + 1);
		int ya = Math.max(y0, o.y0 - 1), yb = Math.min(y0 + height, o.y0 + o.height + 1);
		int n = 0;
		for (int y = ya; y < yb; y++)
			for (int x = xa; x < xb; x++) {
				if (!bits[(y - y0) * width + x - x0] || o.get(x, y)) continue;
				if (o.get(x - 1, y - 1) || o.get(x, y - 1) || o.get(x + 1, y - 1) || o.get(x - 1, y) ||
					o.get(x + 1, y) || o.get(x - 1, y + 1) || o.get(x, y + 1) || o.get(x + 1, y + 1)) n++;
			}
		return n;
	}

	/** The tight box {x, y, width, height} of the set bits in frame coordinates, or null when empty. */
	public int[] bounds() {
		int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++)
				if (bits[y * width + x]) {
					minX = Math.min(minX, x);
					maxX = Math.max(maxX, x);
					minY = Math.min(minY, y);
					maxY = Math.max(maxY, y);
				}
		return maxX < 0 ? null : new int[] { x0 + minX, y0 + minY, maxX - minX + 1, maxY - minY + 1 };
	}
}
