#!/usr/bin/env bash
# Determinism stress (issue 11): runs the tiny pretraining that once turned to NaN in 3 of ~100 runs N times
# (default 50) and requires every run's checkpoints (all six epochs) and package to be byte-identical to the first
# run's. Wall-clock seconds are the only thing allowed to differ (the "seconds" of training.csv and state.json, and
# so the checksums file). Prints its figure, e.g. "determinism: 50/50 runs identical", and exits 1 unless all are.
#
#   scripts/determinism-stress.sh [N]       (about 15 s per run on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-50}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export SUPCAM_JAVA_OPTS="${SUPCAM_JAVA_OPTS:--Xmx2g -Dai.djl.pytorch.num_threads=1} -Dsupcam.test.keepCheckpoints=true"

./supcam synth --output "$tmp/data" --per-class 8 --size 64 --seed 2 >/dev/null 2>&1

# A run's package and checkpoints, with the wall-clock fields blanked.
normalise() {
  local run="$1" dest="$2" f rel
  mkdir -p "$dest"
  cp -r "$tmp/$run" "$dest/package"
  cp -r "$tmp/.$run.checkpoint" "$dest/checkpoints"
  rm -f "$dest"/checkpoints/*/checksums.sha256
  while IFS= read -r f; do
    case "$f" in
      */training.csv) cut -d, -f1-5 "$f" > "$f.n" && mv "$f.n" "$f" ;;
      */state.json) sed -E 's/"seconds": *[-0-9.eE+]+/"seconds": 0/g' "$f" > "$f.n" && mv "$f.n" "$f" ;;
    esac
  done < <(find "$dest" -type f)
  (cd "$dest" && find . -type f | sort | xargs sha256sum) > "$dest.sums"
}

identical=0 failed=0 differing=0 ref=""
for i in $(seq 1 "$n"); do
  if ! ./supcam pretrain --data "$tmp/data" --output "$tmp/run-$i" --seed 7 --epochs 6 --batch 4 --image-size 32 \
      --backbone resnet18-narrow --queue-size 32 --split-fractions 50/25/25 --device cpu >"$tmp/run-$i.log" 2>&1; then
    failed=$((failed + 1))
    echo "run $i failed: $(grep -m1 'failed\|NaN' "$tmp/run-$i.log" || tail -n1 "$tmp/run-$i.log")"
  else
    normalise "run-$i" "$tmp/norm-$i"
    if [[ -z "$ref" ]]; then
      ref="$tmp/norm-$i.sums"; identical=$((identical + 1))
    elif cmp -s "$ref" "$tmp/norm-$i.sums"; then
      identical=$((identical + 1))
    else
      differing=$((differing + 1))
      echo "run $i differs from the first in: $(diff "$ref" "$tmp/norm-$i.sums" | grep '^>' | awk '{print $3}' | tr '\n' ' ')"
    fi
    rm -rf "$tmp/norm-$i"
  fi
  rm -rf "$tmp/run-$i" "$tmp/.run-$i.checkpoint"
  echo "run $i/$n: $identical identical, $differing differing, $failed failed"
done
echo "determinism: $identical/$n runs identical ($( [[ -n "$ref" ]] && wc -l < "$ref" || echo 0) files each: 6 checkpoints and the package)," \
  "$differing differing, $failed failed"
(( identical == n ))
