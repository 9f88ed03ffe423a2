package io.github.supcam.synth;

import io.github.supcam.dataset.ClusterType;
import org.apache.commons.math3.random.Well19937c;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Time to render one 224x224 cluster of each type, including the draws that are rejected. Run with
 * {@code java -cp target/classes:target/test-classes:<test classpath> org.openjdk.jmh.Main ClusterGeneratorBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ClusterGeneratorBenchmark {
	@Param({ "INSTANCE", "TOUCHING", "OVERLAPPING", "TOUCHING_OVERLAPPING" })
	ClusterType type;

	private final ClusterGenerator gen = new ClusterGenerator(SynthSettings.defaults());
	private int seed;

	@Benchmark
	public SynthCluster generate224() {
		return gen.generate(type, 224, new Well19937c(seed++));
	}
}
