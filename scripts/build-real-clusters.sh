#!/usr/bin/env bash
# Builds the sim-to-real evaluation set: clusters composed from the real BioImLab single-chromosome crops in
# ../shared/data/single-chromosomes (see docs/sim-to-real.md). Writes OUTSIDE the repository.
# Usage: scripts/build-real-clusters.sh [OUTPUT [PER_CLASS [SIZE [SEED]]]]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source_dir="$repo/../shared/data/single-chromosomes"
output="${1:-$repo/../shared-derived/real-clusters}"
if [[ ! -d "$source_dir" ]]; then
  echo "build-real-clusters: skipped, no reference crops at $source_dir" >&2
  exit 0
fi
case "$(cd "$(dirname "$output")" 2>/dev/null && pwd)/" in
  "$repo"/*) echo "build-real-clusters: refusing to write inside the repository ($output)" >&2; exit 2 ;;
esac
"$repo/supcam" --version >/dev/null  # builds the jar and classpath when needed
exec java ${SUPCAM_JAVA_OPTS:--Xmx4g} -Djava.awt.headless=true -cp "$repo/target/SupCAM_.jar:$(cat "$repo/target/classpath.txt")" \
  io.github.supcam.real.RealClusterComposer "$source_dir" "$output" "${2:-250}" "${3:-128}" "${4:-1}"
