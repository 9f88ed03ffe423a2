#!/usr/bin/env bash
# Runs every SupCAM speed/memory benchmark against PyTorch and prints the table of docs/benchmarks.md.
# Each configuration runs as ours, PyTorch, ours, PyTorch (A B A B, ROUNDS rounds), each in its own process under
# /usr/bin/time -v for the peak RSS. Before each run it waits (up to COOL_WAIT seconds, default 180) for the 1-minute
# load average to fall to COOL_LOAD (default 1.2), then records it (load_before) and, over the run, the CPU used by
# other processes (other_cores, from /proc/stat less this run's own CPU time). bench/table.py refuses to write the
# published table when a run's load_before is above MAX_LOAD (1.5) or other_cores above MAX_OTHER (0.25), and always
# prints our figures against the committed bench/baseline.tsv. Without a Python that has torch and torchvision it
# runs ours only. Environment: THREADS (intra-op threads of both sides, default 2), ROUNDS (default 2), PYTHON
# (default bench/.venv/bin/python), JAVA_HEAP (default 1g), OUT (result folder; default bench/results/<time>),
# QUICK=1 (tiny configurations, to check that it all runs), COOL_LOAD, COOL_WAIT, BACKBONES (training rows; default
# "resnet18 resnet50"), PROFILE_BACKBONE (default resnet50). A side that crashes is recorded as a '# FAILED' line and the run goes on.
# Arguments pick parts: train, infer, soak (default all three), profile (operator profiles of a ResNet-50 96 px
# training step on both sides, compared by bench/ops.py into profile-ops.md) and jfr (ours only: Java Flight
# Recorder samples of a training step, Java code against native calls, into jfr-summary.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-2}
PYTHON=${PYTHON:-bench/.venv/bin/python}
JAVA_HEAP=${JAVA_HEAP:-1g}
COOL_LOAD=${COOL_LOAD:-1.2}
COOL_WAIT=${COOL_WAIT:-180}
PROFILE_BACKBONE=${PROFILE_BACKBONE:-resnet50}
OUT=${OUT:-bench/results/$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
export OMP_NUM_THREADS=$THREADS MKL_NUM_THREADS=$THREADS

mvn -B -q -o -Dstyle.color=never test-compile -Djacoco.skip=true
mvn -B -q -o -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
CP=target/classes:target/test-classes:$(cat target/bench.cp)
JAVA_OPTS=(-Xmx"$JAVA_HEAP" -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$THREADS")
MAIN=io.github.supcam.benchmark.TrainingStepBenchmark
TORCH=1
if ! "$PYTHON" -c 'import torch' 2>/dev/null; then
	TORCH=0
	echo "No torch in $PYTHON: running ours only, against bench/baseline.tsv" >&2
fi

{
	echo "# $(date -u '+%Y-%m-%d %H:%M UTC') $(uname -srm); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
	echo "# java: $(java -version 2>&1 | head -1); options ${JAVA_OPTS[*]}"
	echo "# python: $($PYTHON --version 2>&1); OMP_NUM_THREADS=$THREADS"
} > "$OUT/machine.txt"

# Busy CPU seconds of the whole machine so far (all cores; /proc/stat counts in 1/100 s).
busy_s() {
	awk '/^cpu /{printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / 100}' /proc/stat
}

# Waits until the 1-minute load average is at most COOL_LOAD (our own previous run raises it), at most COOL_WAIT s.
cool_down() {
	local waited=0
	while awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v c="$COOL_LOAD" 'BEGIN{exit !(l > c)}' &&
		[ "$waited" -lt "$COOL_WAIT" ]; do
		sleep 5
		waited=$((waited + 5))
	done
}

# run SIDE ARGS...: one process; appends its RESULT lines with the peak RSS from time -v, the load average before
# it and the cores other processes used while it ran
run() {
	local side=$1; shift
	[ "$side" = torch ] && [ "$TORCH" = 0 ] && return
	local log="$OUT/$side-$(echo "$*" | tr ' ' '_')-$(date +%s%N).log"
	cool_down
	local load; load=$(cut -d' ' -f1 /proc/loadavg)
	local busy0 t0; busy0=$(busy_s); t0=$(date +%s.%N)
	# a crash must not end the script (set -e): the missing RESULT line below reports it
	if [ "$side" = djl ]; then
		/usr/bin/time -v java "${JAVA_OPTS[@]}" -cp "$CP" $MAIN "$@" > "$log" 2>&1 || true
	else
		/usr/bin/time -v "$PYTHON" bench/torch_bench.py "$@" --threads "$THREADS" > "$log" 2>&1 || true
	fi
	local busy1 t1; busy1=$(busy_s); t1=$(date +%s.%N)
	local rss; rss=$(grep 'Maximum resident set size' "$log" | grep -o '[0-9]*$')
	local own; own=$(awk -F': ' '/User time|System time/{s += $2} END{print s}' "$log")
	local other; other=$(awk -v b0="$busy0" -v b1="$busy1" -v t0="$t0" -v t1="$t1" -v own="$own" \
		'BEGIN{o = (b1 - b0 - own) / (t1 - t0); printf "%.2f", o < 0 ? 0 : o}')
	if ! grep -q '^RESULT' "$log"; then
		# a crashed side is reported and the run goes on (e.g. libtorch 2.7.1's oneDNN divides by zero in ResNet-50's
		# 1x1 backward convolutions on virtual machines that report no CPU cache sizes)
		echo "# FAILED $side $*: $(grep -m1 -E 'SIGFPE|SIGSEGV|Error|Exception|Problematic' "$log" || echo 'no RESULT line') (log $log)" |
			tee -a "$OUT/results.txt" >&2
		return
	fi
	grep '^RESULT' "$log" | sed "s/\$/ time_v_max_rss_kib=$rss load_before=$load other_cores=$other/" |
		tee -a "$OUT/results.txt"
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
		for backbone in ${BACKBONES:-resnet18 resnet50}; do
			both train "$backbone" 96 32 1 4
			both train "$backbone" 224 32 1 2
		done
	fi
	if [[ " $PARTS " == *" infer "* ]]; then
		both infer resnet18 96 1 10 60
		both infer resnet18 96 32 2 8
	fi
	if [[ " $PARTS " == *" profile "* ]] && [ "$TORCH" = 1 ]; then
		cool_down
		echo "# profile load_before=$(cut -d' ' -f1 /proc/loadavg)" > "$OUT/profile-ops.md"
		java "${JAVA_OPTS[@]}" -Dtrace="$OUT/djl-trace.json" -cp "$CP" $MAIN profile "$PROFILE_BACKBONE" 96 32 1 2 > "$OUT/djl-profile.log" 2>&1
		cool_down
		echo "# torch load_before=$(cut -d' ' -f1 /proc/loadavg)" >> "$OUT/profile-ops.md"
		"$PYTHON" bench/torch_bench.py profile "$PROFILE_BACKBONE" 96 32 1 2 --threads "$THREADS" --trace "$OUT/torch-trace.json" \
			> "$OUT/torch-profile.log" 2>&1
		python3 bench/ops.py "$OUT/djl-trace.json" 2 "$OUT/torch-trace.json" 2 25 | tee -a "$OUT/profile-ops.md"
	fi
	# ours only: where our training step's time goes as Java sees it (Java Flight Recorder, 20 ms samples per
	# thread): threads running Java code against threads inside a native (JNI) call, and the calls that hold them
	if [[ " $PARTS " == *" jfr "* ]]; then
		cool_down
		java "${JAVA_OPTS[@]}" -XX:StartFlightRecording=filename="$OUT/step.jfr",settings=profile -cp "$CP" $MAIN \
			train "$PROFILE_BACKBONE" 96 32 3 20 > "$OUT/djl-jfr.log" 2>&1
		{
			echo "# $PROFILE_BACKBONE 96 px batch 32, 3 + 20 steps, start-up included"
			jfr summary "$OUT/step.jfr" | awk '$1 == "jdk.ExecutionSample" || $1 == "jdk.NativeMethodSample" {
				print $1 ": " $2 " samples" }'
			echo "# native samples by JNI call"
			jfr print --events jdk.NativeMethodSample "$OUT/step.jfr" | grep -A1 'stackTrace = \[' |
				grep -v 'stackTrace\|^--' | sed 's/(.*//; s/^ *//' | sort | uniq -c | sort -rn | head -15
		} | tee "$OUT/jfr-summary.txt"
	fi
	# ours only: the soak shows that our per-step sub-managers keep memory flat
	if [[ " $PARTS " == *" soak "* ]]; then run djl soak resnet18-narrow 64 32 1000 100; fi
fi
# the published table only from a quiet machine; otherwise the reasons, and the figures as a draft
[ -f "$OUT/results.txt" ] || exit 0 # a profile-only run has no timed rows
if python3 bench/table.py "$OUT/results.txt" > "$OUT/table.md"; then
	cat "$OUT/table.md"
else
	rm "$OUT/table.md"
	python3 bench/table.py --draft "$OUT/results.txt" | tee "$OUT/table-draft.md"
fi
