#!/usr/bin/env bash
# Reproduces models/supcam-gband-v2 from ../shared: harvest the 517 real G-banded metaphases, compose labelled
# clusters from their real single chromosomes (and the BioImLab crops, training split only), SupCAM pretraining,
# fine-tuning, then temperature scaling on the validation cases. Work files go to ${WORK:-/tmp/supcam-gband-v2};
# every step is skipped when its output exists, and pretraining/fine-tuning resume from their checkpoints, so a
# killed run continues where it stopped. On a busy machine keep -Dai.djl.pytorch.num_threads=1 (the default here):
# oversubscribed libtorch threads spin.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${SHARED_DATA:-../shared/data}"
work="${WORK:-/tmp/supcam-gband-v2}"
out="${1:-models/supcam-gband-v2}"
export SUPCAM_JAVA_OPTS="${SUPCAM_JAVA_OPTS:--Xmx14g -Dai.djl.pytorch.num_threads=1}"
PRETRAIN_EPOCHS="${PRETRAIN_EPOCHS:-6}"
FINETUNE_EPOCHS="${FINETUNE_EPOCHS:-12}"
IMAGE_SIZE="${IMAGE_SIZE:-96}"
EXTRA=(--extra-singles "$data/single-chromosomes")
[[ "${NO_BIOIMLAB:-0}" == 1 ]] && EXTRA=()
[[ -e "$out" ]] && { echo "train-gband-v2: $out exists; remove it or give another output" >&2; exit 2; }
mkdir -p "$work"
[[ -f "$work/harvest/manifest.csv" ]] || ./supcam harvest --images "$data/metaphases-g-banded/images" \
  --annotations "$data/metaphases-g-banded/annotations" --output "$work/harvest"
[[ -f "$work/mixed/split.csv" ]] || ./supcam compose-real --harvest "$work/harvest" "${EXTRA[@]}" \
  --output "$work/mixed" --per-class 1200,200,400 --max-instances 1200,600,0 --seed 1
[[ -f "$work/encoder/model.json" ]] || ./supcam pretrain --data "$work/mixed" --split "$work/mixed/split.csv" \
  --output "$work/encoder" --backbone resnet18-narrow --epochs "$PRETRAIN_EPOCHS" --batch 32 \
  --image-size "$IMAGE_SIZE" --target-width "$((IMAGE_SIZE / 16))" --device cpu --seed 1 --resume
[[ -f "$work/classifier/model.json" ]] || ./supcam finetune --data "$work/mixed" --split "$work/mixed/split.csv" \
  --pretrained "$work/encoder" --output "$work/classifier" --epochs "$FINETUNE_EPOCHS" --batch 32 --device cpu \
  --seed 1 --resume
./supcam calibrate --model "$work/classifier" --data "$work/mixed" --split "$work/mixed/split.csv" --output "$out"
# The model card's numbers: real test cases (v1 beside v2), and the composed real test clusters.
./supcam evaluate-real --harvest "$work/harvest" --hand-labels labels/g-banded-test-clusters.csv \
  --singles "$data/single-chromosomes" --invert-singles --model models/supcam-synthetic-v1 --model "$out" \
  --device cpu --output "$work/real-report" --overwrite
for m in models/supcam-synthetic-v1 "$out"; do
  ./supcam evaluate --data "$work/mixed" --split "$work/mixed/split.csv" --model "$m" --device cpu \
    --output "$work/composed-test-$(basename "$m")" --overwrite
done
