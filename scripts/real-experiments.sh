#!/usr/bin/env bash
# The real-data experiments of docs/real-data.md, from ../shared: SupCAM against training from scratch (3 seeds
# each, small CPU configuration, ablations/real-supcam-vs-scratch.json) on clusters composed from real G-banded
# chromosomes WITHOUT the BioImLab crops, split by case; the same classifiers are the leave-one-source-out
# models, whose instance recall on the BioImLab crops (another laboratory, inverted to dark on light) stands in
# for unseen laboratories. Every step continues where it stopped. Work files go to ${WORK:-/tmp/supcam-real}.
# Usage: scripts/real-experiments.sh HARVEST_DIR [MODEL ...]   (extra models are judged beside them)
set -euo pipefail
cd "$(dirname "$0")/.."
harvest="${1:?usage: scripts/real-experiments.sh HARVEST_DIR [MODEL ...]}"; shift
data="${SHARED_DATA:-../shared/data}"
work="${WORK:-/tmp/supcam-real}"
export SUPCAM_JAVA_OPTS="${SUPCAM_JAVA_OPTS:--Xmx8g -Dai.djl.pytorch.num_threads=1}"
mkdir -p "$work"
[[ -f "$work/mixed/split.csv" ]] || ./supcam compose-real --harvest "$harvest" --output "$work/mixed" \
  --per-class 300,100,400 --max-instances 300,300,0 --seed 2
./supcam ablate --data "$work/mixed" --split "$work/mixed/split.csv" --config ablations/real-supcam-vs-scratch.json \
  --output "$work/ablation" || true
models=()
for row in scratch supcam; do for r in 0 1 2; do
  m="$work/ablation/runs/$row/$r/classifier"; [[ -f "$m/model.json" ]] && models+=(--model "$m")
done; done
for m in "$@"; do models+=(--model "$m"); done
rm -rf "$work/report"
./supcam evaluate-real --harvest "$harvest" --hand-labels labels/g-banded-test-clusters.csv \
  --singles "$data/single-chromosomes" --invert-singles "${models[@]}" --device cpu --output "$work/report"
