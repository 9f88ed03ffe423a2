#!/usr/bin/env bash
# Makes the example crops of docs/labelling-guide.md from a harvest of ../shared's G-banded metaphases (the
# crops are never committed): docs/labelling-examples/examples-TYPE.png (ignored by git).
# Usage: scripts/labelling-examples.sh [HARVEST_DIR]  (default: harvests ../shared first into /tmp/supcam-harvest)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$repo/../shared/data/metaphases-g-banded"
harvest="${1:-/tmp/supcam-harvest}"
if [[ ! -f "$harvest/manifest.csv" ]]; then
  [[ -d "$data" ]] || { echo "labelling-examples: skipped, no G-banded metaphases at $data" >&2; exit 0; }
  "$repo/supcam" harvest --images "$data/images" --annotations "$data/annotations" --output "$harvest"
fi
"$repo/supcam" --version >/dev/null  # builds the jar and classpath when needed
java -Djava.awt.headless=true -cp "$repo/target/SupCAM_.jar:$(cat "$repo/target/classpath.txt")" \
  io.github.supcam.real.LabelExamples "$harvest" "$repo/labels/g-banded-test-clusters.csv" \
  "$repo/docs/labelling-examples" 12
