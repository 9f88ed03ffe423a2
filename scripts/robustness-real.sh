#!/usr/bin/env bash
# Robustness on real clusters: classifiers judged on the validation cases (instance vs cluster, and the 4-type
# accuracy on the hand-labelled clusters) with every crop unchanged, then halved, doubled, blurred and with its stain
# density scaled (supcam evaluate-real --perturb), 8 views each as classify runs by default. Prints one table of
# accuracies and of agreement with the unchanged crop's type; the reports go to ${WORK:-/tmp/supcam-robustness}/NAME. The synthetic counterpart is
# model.RobustnessTest. Usage: scripts/robustness-real.sh HARVEST_DIR MODEL [MODEL ...]
set -euo pipefail
cd "$(dirname "$0")/.."
harvest="${1:?usage: scripts/robustness-real.sh HARVEST_DIR MODEL [MODEL ...]}"; shift
(( $# > 0 )) || { echo "robustness-real: give at least one model" >&2; exit 2; }
work="${WORK:-/tmp/supcam-robustness}"
split="${SPLIT:-val}"
labels="labels/g-banded-$split-clusters.csv"
export SUPCAM_JAVA_OPTS="${SUPCAM_JAVA_OPTS:--Xmx6g -Dai.djl.pytorch.num_threads=2}"
models=()
for m in "$@"; do models+=(--model "$m"); done
declare -A change=([unchanged]="" [scale-0.5]="scale=0.5" [scale-2]="scale=2" [blur-1]="blur=1" [blur-2]="blur=2"
  [contrast-0.7]="contrast=0.7" [contrast-1.3]="contrast=1.3")
names=(unchanged ${CHANGES:-scale-0.5 scale-2 blur-1 blur-2 contrast-0.7 contrast-1.3})
for n in "${names[@]}"; do
  [[ -v "change[$n]" ]] || { echo "robustness-real: unknown change '$n' (${!change[*]})" >&2; exit 2; }
  out="$work/$n"
  [[ -f "$out/report.md" ]] && continue
  perturb=()
  [[ -n "${change[$n]}" ]] && perturb=(--perturb "${change[$n]}")
  ./supcam evaluate-real --harvest "$harvest" --split "$split" --hand-labels "$labels" "${models[@]}" --tta \
    --device cpu "${perturb[@]}" --output "$out.tmp" --overwrite > /dev/null
  rm -rf "$out"; mv "$out.tmp" "$out"
done
# One row per model and change: the accuracy columns of the report's first two tables, and how often the type is
# the one the unchanged crop got (the robustness target's measure), over every component and over the labelled ones.
printf '| change | model | instance vs cluster | 4-type, hand-labelled | same type as unchanged: components | labelled |\n'
printf '|---|---|---|---|---|---|\n'
for n in "${names[@]}"; do
  awk -v change="$n" '
    /^## Instance vs cluster/ { t = 1; next }
    /^## 4-type/ { t = 2; next }
    /^## / { t = 0 }
    t && /^\| / && $2 != "model" && $2 !~ /^-/ {
      split($0, c, " \\| "); m = substr(c[1], 3); acc[t, m] = c[3]; if (!seen[m]++) order[++k] = m
    }
    END { for (i = 1; i <= k; i++) printf "%s\t%s\t%s\n", order[i], acc[1, order[i]], acc[2, order[i]] }
  ' "$work/$n/report.md" | while IFS=$'\t' read -r model binary four; do
    # rows keyed by crop and label column, so a crop skipped under one change does not shift the others
    same=$(awk -F, 'FNR == 1 { next } NR == FNR { p[$1 "," $4] = $5; next }
      ($1 "," $4) in p { if ($4 == "") { n++; s += p[$1 "," $4] == $5 } else { nl++; sl += p[$1 "," $4] == $5 } }
      END { printf "%.1f (%d/%d) | %.1f (%d/%d)", 100 * s / n, s, n, 100 * sl / nl, sl, nl }' \
      "$work/unchanged/predictions-$model.csv" "$work/$n/predictions-$model.csv")
    printf '| %s | %s | %s | %s | %s |\n' "$n" "$model" "$binary" "$four" "$same"
  done
done
