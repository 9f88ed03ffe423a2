#!/usr/bin/env bash
# Runs every SupCAM speed/memory benchmark against PyTorch and prints the table of docs/benchmarks.md.
# Each configuration runs as ours, PyTorch, ours, PyTorch (A B A B, ROUNDS rounds), each in its own process under
# /usr/bin/time -v for the peak RSS. Environment: THREADS (intra-op threads of both sides, default 2), ROUNDS
# (default 2), PYTHON (a python with torch and torchvision; default bench/.venv/bin/python), JAVA_HEAP (default 1g),
# OUT (result folder; default bench/results/<time>), QUICK=1 (tiny configurations, to check that it all runs).
# Arguments pick parts: train, infer, soak (default all three).
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-2}
PYTHON=${PYTHON:-bench/.venv/bin/python}
JAVA_HEAP=${JAVA_HEAP:-1g}
OUT=${OUT:-bench/results/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
export OMP_NUM_THREADS=$THREADS MKL_NUM_THREADS=$THREADS

mvn -B -q -o -Dstyle.color=never test-compile -Djacoco.skip=true
mvn -B -q -o -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
CP=target/classes:target/test-classes:$(cat target/bench.cp)
JAVA_OPTS=(-Xmx"$JAVA_HEAP" -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$THREADS")
MAIN=io.github.supcam.benchmark.TrainingStepBenchmark

{
	echo "# $(date -u '+%Y-%m-%d %H:%M UTC') $(uname -srm); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
	echo "# java: $(java -version 2>&1 | head -1); options ${JAVA_OPTS[*]}"
	echo "# python: $($PYTHON --version 2>&1); OMP_NUM_THREADS=$THREADS"
} > "$OUT/machine.txt"

# run SIDE ARGS...: one process; appends its RESULT lines with the peak RSS from time -v and the load average
run() {
	local side=$1; shift
	local log="$OUT/$side-$(echo "$*" | tr ' ' '_')-$(date +%s%N).log"
	local load; load=$(cut -d' ' -f1 /proc/loadavg)
	if [ "$side" = djl ]; then
		/usr/bin/time -v java "${JAVA_OPTS[@]}" -cp "$CP" $MAIN "$@" > "$log" 2>&1
	else
		/usr/bin/time -v "$PYTHON" bench/torch_bench.py "$@" --threads "$THREADS" > "$log" 2>&1
	fi
	local rss; rss=$(grep 'Maximum resident set size' "$log" | grep -o '[0-9]*$')
	grep '^RESULT' "$log" | sed "s/\$/ time_v_max_rss_kib=$rss load_before=$load/" | tee -a "$OUT/results.txt"
}

# both MODE ARGS...: A B A B
both() {
	for _ in $(seq "$ROUNDS"); do
		run djl "$@"
		run torch "$@"
	done
}

if [ "${QUICK:-0}" = 1 ]; then
	both train resnet18-narrow 64 8 1 2
	both infer resnet18-narrow 64 8 1 2
	run djl soak resnet18-narrow 64 8 20 10
else
	PARTS=${*:-train infer soak}
	# mode backbone size batch warm-up measured-steps (soak: steps, print interval)
	if [[ " $PARTS " == *" train "* ]]; then
		both train resnet18 96 32 1 4
		both train resnet50 96 32 1 2
		both train resnet18 224 32 1 2
		# ~1-2 min per step on a loaded 2-core machine: one round
		ROUNDS=1 both train resnet50 224 32 1 2
	fi
	if [[ " $PARTS " == *" infer "* ]]; then
		both infer resnet18 96 1 10 60
		both infer resnet18 96 32 2 8
	fi
	# ours only: the soak shows that our per-step sub-managers keep memory flat
	if [[ " $PARTS " == *" soak "* ]]; then run djl soak resnet18-narrow 64 32 1000 100; fi
fi
python3 bench/table.py "$OUT/results.txt" | tee "$OUT/table.md"
