#!/usr/bin/env bash
# Reproduces the bundled model models/supcam-synthetic-v1 from the repository alone: synthetic training data,
# SupCAM pretraining, fine-tuning. About 25 minutes on 2 CPU cores. Work files go to ${WORK:-/tmp/supcam-bundled}.
# One intra-op thread per process: on a busy 2-core machine libtorch's spinning threads cost more than they give.
set -euo pipefail
cd "$(dirname "$0")/.."
work="${WORK:-/tmp/supcam-bundled}"
out="${1:-models/supcam-synthetic-v1}"
export SUPCAM_JAVA_OPTS="${SUPCAM_JAVA_OPTS:--Xmx6g -Dai.djl.pytorch.num_threads=1}"
mkdir -p "$work"
# Wider than the synth defaults: longer, more bent chromosomes and fainter bands, as in real spreads.
[[ -d "$work/synth-train" ]] || ./supcam synth --output "$work/synth-train" --per-class 500 --size 224 --seed 12 \
  --settings models/synth-bundled.json
./supcam pretrain --data "$work/synth-train" --output "$work/encoder" --backbone resnet18-narrow --epochs 30 \
  --batch 32 --image-size 96 --target-width 6 --device cpu --seed 1 --split-fractions 80/10/10
./supcam finetune --data "$work/synth-train" --pretrained "$work/encoder" --output "$out" --epochs 15 \
  --batch 16 --device cpu --seed 1
