package io.github.supcam.compose;

import io.github.supcam.dataset.ClusterType;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.apache.commons.math3.random.Well19937c;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Compositions per second on the paper's 224×224 canvas: two rod clusters (instance + overlapping, so both
 * touching and overlapping draws are labelled), default settings. Run with {@link #main}; see docs/composition.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
public class CompositionBenchmark {
	@Param({ "EQUAL", "MAX" })
	public Combine combine;

	private Composer composer;
	private ArrayImg<UnsignedByteType, ByteArray> primary;
	private ArrayImg<UnsignedByteType, ByteArray> candidate;

	@Setup
	public void setUp() {
		primary = TestImages.rod(224, 224, 30, 40, 190, 170, 70);
		candidate = TestImages.rod(224, 224, 120, 20, 60, 200, 110);
		composer = new Composer(CompositionSettings.defaults().withCombine(combine), new Well19937c(1));
	}

	@Benchmark
	public CompositionResult compose() {
		return composer.compose(primary, ClusterType.INSTANCE, candidate, ClusterType.OVERLAPPING);
	}

	public static void main(String[] args) throws RunnerException {
		new Runner(new OptionsBuilder().include(CompositionBenchmark.class.getName()).forks(1)
			.warmupIterations(2).warmupTime(TimeValue.seconds(1)).measurementIterations(3)
			.measurementTime(TimeValue.seconds(2)).build()).run();
	}
}
