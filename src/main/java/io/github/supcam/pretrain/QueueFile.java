package io.github.supcam.pretrain;

import io.github.supcam.util.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Saves a {@link LabelledQueue}'s content in a checkpoint and restores it, oldest key first. */
final class QueueFile {
	private QueueFile() {}

	static void write(Path file, LabelledQueue queue) throws IOException {
		float[] keys = queue.keys();
		long[] labels = queue.labels();
		AtomicFiles.write(file, out -> {
			DataOutputStream d = new DataOutputStream(new BufferedOutputStream(out));
			d.writeInt(queue.dim());
			d.writeInt(labels.length);
			for (float k : keys) d.writeFloat(k);
			for (long l : labels) d.writeLong(l);
			d.flush();
		});
	}

	static void read(Path file, LabelledQueue queue) throws IOException {
		try (DataInputStream d = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
			int dim = d.readInt(), n = d.readInt();
			if (dim != queue.dim() || n > queue.capacity()) throw new IOException("Queue in " + file +
				" does not match the settings (" + n + "x" + dim + ")");
			float[] keys = new float[n * dim];
			long[] labels = new long[n];
			for (int i = 0; i < keys.length; i++) keys[i] = d.readFloat();
			for (int i = 0; i < n; i++) labels[i] = d.readLong();
			if (n > 0) queue.enqueue(keys, labels);
		}
	}
}
