#!/usr/bin/env bash
# Runs the README's commands (training ones with tiny sizes) so the README cannot rot. Called by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export SUPCAM_JAVA_OPTS="-Xmx4g -Dai.djl.pytorch.num_threads=1"
step() { echo "readme-commands: $*"; }

step "./supcam demo"
./supcam demo --output "$tmp/demo" | tee "$tmp/demo.log"
grep -q "Accuracy against the known truth" "$tmp/demo.log"

step "synth / augment"
./supcam synth --output "$tmp/clusters" --per-class 12 --size 128 --seed 3 >/dev/null
./supcam augment --input "$tmp/clusters" --output "$tmp/augmented" --count 20 --seed 4 >/dev/null
test "$(wc -l < "$tmp/augmented/manifest.csv")" -eq 21

step "pretrain / finetune / evaluate / classify (tiny sizes)"
./supcam pretrain --data "$tmp/clusters" --output "$tmp/encoder" --backbone resnet18-narrow-8 --epochs 1 \
  --batch 8 --image-size 32 --device cpu >/dev/null
./supcam finetune --data "$tmp/clusters" --pretrained "$tmp/encoder" --output "$tmp/my-model" --epochs 1 \
  --batch 8 --device cpu >/dev/null
./supcam evaluate --data "$tmp/clusters" --model "$tmp/my-model" --output "$tmp/my-model-eval" >/dev/null
test -f "$tmp/my-model-eval/metrics.json"
./supcam classify --model "$tmp/my-model" --crops --output "$tmp/crops.csv" "$tmp/clusters/touching" >/dev/null
test "$(wc -l < "$tmp/crops.csv")" -eq 13
./supcam classify --output "$tmp/results.csv" --overlay-dir "$tmp/overlays" "$tmp/demo/synthetic-metaphase.png" \
  >/dev/null
test -f "$tmp/overlays/synthetic-metaphase-overlay.png"

step "calibrate"
./supcam calibrate --model "$tmp/my-model" --data "$tmp/clusters" --output "$tmp/my-model-calibrated" >/dev/null
grep -q '"temperature"' "$tmp/my-model-calibrated/model.json"

g=../shared/data/metaphases-g-banded
if [[ -d "$g" ]]; then
  step "harvest / compose-real / evaluate-real (a few real spreads from ../shared)"
  mkdir -p "$tmp/spreads" "$tmp/boxes"
  for f in $(ls "$g/images" | head -n 8); do
    cp "$g/images/$f" "$tmp/spreads/"; cp "$g/annotations/${f%.*}.xml" "$tmp/boxes/"
  done
  ./supcam harvest --images "$tmp/spreads" --annotations "$tmp/boxes" --output "$tmp/harvest" >/dev/null
  ./supcam compose-real --harvest "$tmp/harvest" --output "$tmp/mixed" --per-class 3,2,2 --max-instances 10,5,5 \
    --not-instance 4 >/dev/null
  test -f "$tmp/mixed/split.csv"
  ./supcam finetune --data "$tmp/mixed" --split "$tmp/mixed/split.csv" --pretrained "$tmp/encoder" \
    --output "$tmp/real-model" --epochs 1 --batch 4 --device cpu --not-instance-fraction 0.5 2>&1 \
    | grep -q "2 of 4 real clusters of unknown type per batch"
  ./supcam evaluate-real --harvest "$tmp/harvest" --split train --model "$tmp/my-model-calibrated" --device cpu \
    --output "$tmp/real-report" >/dev/null
  grep -q "Instance vs cluster" "$tmp/real-report/report.md"
else
  step "harvest / compose-real / evaluate-real skipped: no ../shared"
fi

step "ablate (one repeat) / metaphase"
./supcam ablate --data "$tmp/clusters" --config ablations/small.json --repeats 1 --output "$tmp/ablation" >/dev/null
test -f "$tmp/ablation/table.md"
./supcam metaphase --output "$tmp/test-spread.png" --seed 3 >/dev/null
test -f "$tmp/test-spread.png"

step "export-bioimageio"
./supcam export-bioimageio --output "$tmp/bioimageio" >/dev/null
test -f "$tmp/bioimageio/rdf.yaml"
step "OK"
