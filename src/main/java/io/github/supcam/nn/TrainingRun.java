package io.github.supcam.nn;

import com.google.gson.JsonElement;
import io.github.supcam.model.ModelInfo;
import io.github.supcam.model.ModelPackage;
import io.github.supcam.model.TrainingLog;
import io.github.supcam.util.AtomicFiles;
import io.github.supcam.util.ErrorMessages;
import io.github.supcam.util.Json;
import io.github.supcam.util.Progress;
import org.apache.commons.math3.random.RandomDataGenerator;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * What pretraining and fine-tuning share around their steps: refusing to overwrite, checkpoints that make a
 * resumed run identical to an uninterrupted one, the per-epoch log, and the final package. Every random choice
 * of a run is derived from (seed, epoch, step, sample), so resuming at any step boundary replays exactly.
 */
public final class TrainingRun {
	static final String STATE_JSON = "state.json";

	private final String phase;
	private final Path output;
	private final Path checkpoint;
	private final JsonElement settings;
	private final boolean resume;
	private final Consumer<String> log;
	private final Consumer<TrainingLog> onEpoch;
	private TrainingLog history = new TrainingLog();
	private long epochStart = System.nanoTime();

	/**
	 * Where a run stands: the next step to run, and the running loss of the current epoch.
	 *
	 * @param best best validation accuracy so far (fine-tuning), NaN before the first validation
	 * @param bestEpoch 1-based epoch of {@code best}, 0 if none
	 */
	public record State(int epoch, int step, double lossSum, int lossCount, double lastLr, double best, int bestEpoch) {
		public State at(int e, int s) {
			return new State(e, s, lossSum, lossCount, lastLr, best, bestEpoch);
		}

		public State afterStep(double loss, double lr) {
			return new State(epoch, step + 1, lossSum + loss, lossCount + 1, lr, best, bestEpoch);
		}

		public double meanLoss() {
			return lossCount == 0 ? Double.NaN : lossSum / lossCount;
		}
	}

	/**
	 * A checkpoint's state.json. The history is kept here at full precision: training.csv rounds, and a resumed
	 * run's package (its loss plot included) must equal an uninterrupted run's.
	 */
	private record Saved(String phase, JsonElement settings, State state, java.util.List<TrainingLog.Epoch> history) {}

	/** Restores model and optimiser state from a checkpoint folder. */
	@FunctionalInterface
	public interface Restorer {
		void restore(Path folder) throws IOException;
	}

	/** Writes model and optimiser state into a checkpoint folder. */
	@FunctionalInterface
	public interface Saver {
		void save(Path folder) throws IOException;
	}

	/**
	 * @param log receives human-readable progress lines
	 * @param onEpoch receives the history after every epoch (e.g. to redraw a loss plot); may be null
	 */
	public TrainingRun(String phase, Path output, JsonElement settings, boolean resume, Consumer<String> log,
		Consumer<TrainingLog> onEpoch)
	{
		this.phase = phase;
		this.output = output;
		this.checkpoint = Checkpoint.folderFor(output);
		this.settings = settings;
		this.resume = resume;
		this.log = log;
		this.onEpoch = onEpoch;
	}

	public TrainingLog history() {
		return history;
	}

	/**
	 * Checks the output and returns the state to start from: the beginning, or the checkpoint's state after
	 * {@code restorer} has loaded it.
	 *
	 * @throws IllegalArgumentException if the output exists, or a checkpoint exists and resume was not asked for,
	 *   or the checkpoint was made with other settings
	 */
	public State start(Restorer restorer) throws IOException {
		AtomicFiles.recover(output, log);
		checkOutput(output, resume);
		State fresh = new State(0, 0, 0, 0, Double.NaN, Double.NaN, 0);
		Path latest = Checkpoint.newestComplete(checkpoint, log).orElse(null);
		if (latest == null) {
			if (resume) log.accept("No complete checkpoint at " + checkpoint + ": starting from the beginning");
			return fresh;
		}
		Saved saved;
		try {
			saved = Json.fromJson(Files.readString(latest.resolve(STATE_JSON)), Saved.class);
		} catch (RuntimeException | IOException e) {
			throw new IllegalArgumentException("Checkpoint " + latest + " is unreadable (" + e.getMessage() +
				"); delete " + checkpoint + " to start over", e);
		}
		if (!phase.equals(saved.phase()) || !settings.equals(saved.settings())) throw new IllegalArgumentException(
			"Checkpoint " + checkpoint + " was made by a " + saved.phase() + " run with other settings; resume " +
				"with the same settings, or delete it to start over");
		restorer.restore(latest);
		history = new TrainingLog();
		saved.history().forEach(history::add);
		log.accept("Resuming " + phase + " at epoch " + (saved.state().epoch() + 1) + ", step " +
			(saved.state().step() + 1) + " from " + latest);
		epochStart = System.nanoTime();
		return saved.state();
	}

	/**
	 * Refuses an output that exists or cannot be created (its folder is missing), and a leftover checkpoint when
	 * resuming was not asked for. Jobs call it first, before minutes of loading data.
	 */
	public static void checkOutput(Path output, boolean resume) throws IOException {
		if (Files.exists(output)) throw new IllegalArgumentException("Output " + output +
			" already exists; choose another name or delete it");
		ErrorMessages.requireParent(output, "output model");
		Path checkpoint = Checkpoint.folderFor(output);
		if (!resume && Checkpoint.exists(checkpoint)) throw new IllegalArgumentException("An interrupted run left " +
			"a checkpoint at " + checkpoint + ": pass --resume to continue it, or delete that folder to start over");
	}

	/**
	 * With {@code resume}, the package of a run that had already finished (a kill can fall between writing the
	 * package and removing the checkpoint): its leftover checkpoint is removed and the package returned, so the
	 * resumed command succeeds without training again. Null otherwise.
	 */
	public static ModelPackage finished(Path output, boolean resume, Consumer<String> log) throws IOException {
		if (!resume) return null;
		AtomicFiles.recover(output, log);
		if (!Files.exists(output)) return null;
		ModelPackage done = ModelPackage.open(output);
		Path checkpoint = Checkpoint.folderFor(output);
		if (Files.exists(checkpoint)) log.accept("Removing the leftover checkpoint " + checkpoint);
		Checkpoint.removeAll(checkpoint, log);
		log.accept("The run had already finished: " + output + " is complete");
		return done;
	}

	/** Writes a checkpoint of {@code state} as a new complete version (see {@link Checkpoint}). */
	public void checkpoint(State state, Saver saver) throws IOException {
		Checkpoint.write(checkpoint, dir -> {
			saver.save(dir);
			history.writeCsv(dir.resolve(ModelPackage.TRAINING_CSV));
			Json.write(dir.resolve(STATE_JSON), new Saved(phase, settings, state, history.epochs()));
		});
	}

	/**
	 * Stops a cancelled run: writes a checkpoint at {@code state}, tells the user how to continue, and throws
	 * {@link Progress.CancelledException}.
	 */
	public void stop(State state, Saver saver) throws IOException {
		checkpoint(state, saver);
		log.accept("Stopped at epoch " + (state.epoch() + 1) + ", step " + (state.step() + 1) + "; checkpoint written to " +
			checkpoint + ". Run the same command with --resume to continue.");
		throw new Progress.CancelledException();
	}

	/** Logs the finished epoch (without validation), checkpoints, and returns the state at the next epoch. */
	public State endEpoch(State state, int epochs, Saver saver) throws IOException {
		return endEpoch(state, epochs, Double.NaN, false, saver);
	}

	/**
	 * Logs the finished epoch with its validation accuracy (percent; NaN if none), checkpoints, and returns the
	 * state at the next epoch. {@code improved} marks a new best, recorded in the state.
	 */
	public State endEpoch(State state, int epochs, double valAccuracy, boolean improved, Saver saver)
		throws IOException
	{
		double seconds = (System.nanoTime() - epochStart) / 1e9;
		int e = state.epoch() + 1;
		history.add(new TrainingLog.Epoch(phase, e, state.meanLoss(), state.lastLr(), valAccuracy, seconds));
		log.accept(String.format(Locale.ROOT, "%s epoch %d/%d: loss %.4f, lr %.5f%s, %.1f s", phase, e, epochs,
			state.meanLoss(), state.lastLr(), Double.isNaN(valAccuracy) ? "" :
				String.format(Locale.ROOT, ", val. accuracy %.2f%%%s", valAccuracy, improved ? " (best)" : ""), seconds));
		State next = new State(e, 0, 0, 0, state.lastLr(), improved ? valAccuracy : state.best(),
			improved ? e : state.bestEpoch());
		checkpoint(next, saver);
		if (onEpoch != null) onEpoch.accept(history);
		epochStart = System.nanoTime();
		return next;
	}

	/**
	 * Writes the model package with the training log and curve (plus {@code extras}) and removes the checkpoint.
	 */
	public ModelPackage finish(ModelInfo info, AtomicFiles.DirectoryContent weights,
		AtomicFiles.DirectoryContent extras) throws IOException
	{
		ModelPackage p = ModelPackage.write(output, info, weights, dir -> {
			history.writeCsv(dir.resolve(ModelPackage.TRAINING_CSV));
			history.writeChart(dir.resolve(ModelPackage.TRAINING_PNG), "SupCAM " + phase);
			if (extras != null) extras.writeInto(dir);
		});
		if (!Checkpoint.keepAll()) Checkpoint.removeAll(checkpoint, log);
		log.accept("Wrote " + output);
		return p;
	}

	/** The order in which an epoch visits n samples. */
	public static int[] permutation(long seed, int epoch, int n) {
		return new RandomDataGenerator(rng(seed, epoch, -1, -1)).nextPermutation(n, n);
	}

	/** The random generator of one sample of one step. */
	public static RandomGenerator rng(long seed, int epoch, int step, int sample) {
		return new Well19937c(new int[] { (int) seed, (int) (seed >>> 32), epoch, step, sample });
	}

	/**
	 * Prepares the batches of an epoch on a background thread, a few steps ahead, so the network never waits for
	 * images and composition.
	 */
	public static final class Loader<T> implements AutoCloseable {
		private static final int AHEAD = 2;
		private final ExecutorService pool;
		private final Deque<Future<T>> pending = new ArrayDeque<>();
		private IntFunction<T> make;
		private int nextStep, steps;

		public Loader(int threads) {
			pool = Executors.newFixedThreadPool(threads, r -> {
				Thread t = new Thread(r, "supcam-loader");
				t.setDaemon(true);
				return t;
			});
		}

		/** Starts preparing steps {@code from}..{@code steps-1} of a new epoch. */
		public void prefetch(int from, int steps, IntFunction<T> make) {
			pending.forEach(f -> f.cancel(true));
			pending.clear();
			this.make = make;
			this.nextStep = from;
			this.steps = steps;
			fill();
		}

		private void fill() {
			while (pending.size() < AHEAD && nextStep < steps) {
				int s = nextStep++;
				pending.add(pool.submit(() -> make.apply(s)));
			}
		}

		/** The next step's batch, in order. */
		public T next() {
			Future<T> f = pending.poll();
			if (f == null) throw new IllegalStateException("No batch prepared");
			fill();
			try {
				return f.get();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while preparing a batch", e);
			} catch (ExecutionException e) {
				Throwable c = e.getCause();
				throw c instanceof RuntimeException ? (RuntimeException) c : new IllegalStateException(c);
			}
		}

		@Override
		public void close() {
			pool.shutdownNow();
		}
	}
}
