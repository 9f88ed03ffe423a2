#!/usr/bin/env bash
# Detection on real G-banded spreads (docs/detection.md): the share of annotated chromosomes that lie in one detected
# component, with a 95% bootstrap interval over cases, and how many components without a chromosome are flagged,
# for the detector's defaults and for the real-spread settings. Reads ../shared/data/metaphases-g-banded.
# Usage: scripts/detection-coverage.sh [SPLITS]   (default: test; tune on train,val only)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$repo/../shared/data/metaphases-g-banded"
if [[ ! -d "$data/images" ]]; then
  echo "detection-coverage: skipped, no spreads at $data" >&2
  exit 0
fi
"$repo/supcam" --version >/dev/null  # builds the jar and classpath when needed
exec java ${SUPCAM_JAVA_OPTS:--Xmx3g} -Djava.awt.headless=true -cp "$repo/target/SupCAM_.jar:$(cat "$repo/target/classpath.txt")" \
  io.github.supcam.real.DetectionCoverage "$data/images" "$data/annotations" "${1:-test}"
