#!/usr/bin/env bash
# Fault injection: kills `supcam pretrain` with SIGKILL at random instants, half of them while a checkpoint or the
# package is being written and half with every rename slowed down (a slow or network file system), resumes after
# every kill, and requires that no checkpoint is ever corrupt or lost and that every finished package equals an
# uninterrupted run's. Called by .ci/run; KILLS (default 20) sets the number of kills.
set -euo pipefail
cd "$(dirname "$0")/.."
kills_wanted="${KILLS:-20}"
tmp="$(mktemp -d)"
[[ -n "${KEEP_TMP:-}" ]] && echo "fault-injection: working in $tmp" || trap 'rm -rf "$tmp"' EXIT
base_opts="-Xmx2g -Dai.djl.pytorch.num_threads=1"
slow_opts="$base_opts -Dsupcam.test.slowRenameMillis=50"
RANDOM=${SEED:-11}
say() { echo "fault-injection: $*"; }
fail() { say "FAILED: $*"; exit 1; }

SUPCAM_JAVA_OPTS="$base_opts" ./supcam synth --output "$tmp/data" --per-class 8 --size 64 --seed 2 >/dev/null 2>&1
args=(pretrain --data "$tmp/data" --seed 7 --epochs 6 --batch 4 --image-size 32 --backbone resnet18-narrow
  --queue-size 32 --split-fractions 50/25/25 --device cpu)
SUPCAM_JAVA_OPTS="$base_opts" ./supcam "${args[@]}" --output "$tmp/reference" >"$tmp/reference.log" 2>&1 ||
  fail "the uninterrupted run failed: $(tail -3 "$tmp/reference.log")"

# Every visible checkpoint version must match its checksums; prints the newest one's epoch (-1 if none).
check_checkpoints() {
  local folder="$1" newest=-1 v
  [[ -d "$folder" ]] || { echo "$newest"; return 0; }
  for v in "$folder"/[0-9]*; do
    [[ -d "$v" ]] || continue
    (cd "$v" && sha256sum --quiet -c checksums.sha256 >/dev/null 2>&1) || { echo "corrupt:$v"; return 0; }
    newest="$(grep -o '"epoch": *[0-9]*' "$v/state.json" | tail -n1 | grep -o '[0-9]*$')"
  done
  echo "$newest"
}

# Equal packages: every file byte for byte, training.csv without its wall-clock "seconds" column.
same_package() {
  local a="$1" b="$2" f
  [[ "$(cd "$a" && ls)" == "$(cd "$b" && ls)" ]] || return 1
  for f in "$a"/*; do
    f="$(basename "$f")"
    if [[ "$f" == training.csv ]]; then
      cmp -s <(cut -d, -f1-5 "$a/$f") <(cut -d, -f1-5 "$b/$f") || { say "$b/$f differs"; return 1; }
    else
      cmp -s "$a/$f" "$b/$f" || { say "$b/$f differs"; return 1; }
    fi
  done
}

kills=0 slow_kills=0 write_kills=0 corrupt=0 lost=0 series=0 finished=0
while (( kills < kills_wanted )); do
  series=$((series + 1))
  out="$tmp/run-$series"
  ckpt="$tmp/.run-$series.checkpoint"
  best=-1
  # Resume after every kill, also when the package was already written, until a run ends by itself.
  while true; do
    opts="$base_opts"; slow=$((kills % 2))
    (( slow )) && opts="$slow_opts"
    touch "$out.log"; started=$(wc -l < "$out.log")
    SUPCAM_JAVA_OPTS="$opts" ./supcam "${args[@]}" --output "$out" --resume >>"$out.log" 2>&1 &
    pid=$!
    if (( kills >= kills_wanted )); then
      wait "$pid" || fail "the last resume of series $series failed: $(tail -3 "$out.log")"
      break
    fi
    # Kill during training, not while the JVM starts: wait for the line the training loop logs first.
    logged() { awk -v n="$started" -v p="$1" 'NR > n && $0 ~ p { f = 1 } END { exit !f }' "$out.log"; }
    while kill -0 "$pid" 2>/dev/null && ! logged "^Pretraining|already finished"; do sleep 0.05; done
    if (( kills % 4 < 2 )); then
      # Right after an epoch's log line comes its checkpoint write (after the last epoch, then the package's).
      # The target is the write after the next one, so every series progresses.
      target=$(( (best < 0 ? 0 : best) + 2 )); (( target > 6 )) && target=6
      while kill -0 "$pid" 2>/dev/null && ! logged "epoch $target/6:"; do sleep 0.01; done
      (( target == 6 )) && sleep "0.$((RANDOM % 6))"
      sleep "0.0$((RANDOM % 10))"
    else
      sleep "$((RANDOM % 7)).$((RANDOM % 10))"
    fi
    during_write=0
    if compgen -G "$ckpt/.*" >/dev/null || compgen -G "$tmp/.run-$series.tmp-*" >/dev/null ||
      compgen -G "$tmp/..run-$series.checkpoint.*" >/dev/null; then during_write=1; fi
    if kill -9 "$pid" 2>/dev/null; then
      wait "$pid" 2>/dev/null || true
      kills=$((kills + 1)); slow_kills=$((slow_kills + slow)); write_kills=$((write_kills + during_write))
      state="$(check_checkpoints "$ckpt")"
      if [[ "$state" == corrupt:* ]]; then
        corrupt=$((corrupt + 1)); say "corrupt checkpoint after kill $kills: ${state#corrupt:}"
      elif [[ ! -d "$out" ]] && (( state < best )); then
        lost=$((lost + 1)); say "checkpoint lost after kill $kills: newest epoch $state, had $best"
      fi
      [[ "$state" != corrupt:* ]] && (( state > best )) && best="$state"
      say "kill $kills (series $series, slow renames: $slow, during a write: $during_write): newest checkpoint" \
        "after epoch $state"
    else
      wait "$pid" || fail "series $series failed without a kill: $(tail -3 "$out.log")"
      break
    fi
  done
  [[ -d "$out" ]] || fail "series $series ended without a package"
  finished=$((finished + 1))
  same_package "$tmp/reference" "$out" || fail "the package of series $series differs from the uninterrupted run's"
  leftovers="$(find "$tmp" -maxdepth 1 -name ".run-$series*" -o -maxdepth 1 -name "..run-$series*")"
  [[ -z "$leftovers" ]] || fail "series $series left temporary files: $leftovers"
done
count() { cat "$tmp"/run-*.log | grep -c "$1" || true; }
say "resumes logged $(count "Removed the temporary leftover") removed leftovers," \
  "$(count "incomplete or damaged") passed-over versions, $(count "Interrupted write") recovered folder replacements"
say "$kills kills ($slow_kills with slowed renames, $write_kills during a write), $corrupt corrupt and $lost lost" \
  "checkpoints; $finished packages identical to the uninterrupted run's"
(( corrupt == 0 && lost == 0 && slow_kills * 2 >= kills )) || fail "see above"
