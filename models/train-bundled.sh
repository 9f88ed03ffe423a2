#!/usr/bin/env bash
# Reproduces the bundled model models/supcam-synthetic-v1 from the repository alone: synthetic training data,
# SupCAM pretraining, fine-tuning. About 12 minutes on 2 idle CPU cores. Work files go to ${WORK:-/tmp/supcam-bundled}.
# On a busy machine add -Dai.djl.pytorch.num_threads=1: oversubscribed libtorch threads spin and slow everything.
set -euo pipefail
cd "$(dirname "$0")/.."
work="${WORK:-/tmp/supcam-bundled}"
out="${1:-models/supcam-synthetic-v1}"
export SUPCAM_JAVA_OPTS="${SUPCAM_JAVA_OPTS:--Xmx6g}"
mkdir -p "$work"
[[ -d "$work/synth-train" ]] || ./supcam synth --output "$work/synth-train" --per-class 500 --size 224 --seed 11
./supcam pretrain --data "$work/synth-train" --output "$work/encoder" --backbone resnet18-narrow --epochs 40 \
  --batch 32 --image-size 128 --target-width 8 --device cpu --seed 1 --split-fractions 80/10/10
./supcam finetune --data "$work/synth-train" --pretrained "$work/encoder" --output "$out" --epochs 15 \
  --batch 16 --device cpu --seed 1
