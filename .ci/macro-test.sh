#!/usr/bin/env bash
# Real-ImageJ test of the macro bridge: a plain ImageJ 1.x (net.imagej:ij from Maven) with the plugin jar and its
# runtime dependencies in plugins/, driven by macros/classify-image-file.ijm under Xvfb. ImageJ's exit code says
# nothing about the macro, so the rows it prints are checked against the CLI's Results CSV for the same image and
# model. Run after 'mvn -B verify' (it uses target/SupCAM_-*.jar).
set -euo pipefail
cd "$(dirname "$0")/.."
IJ_VERSION=1.54p
start=$SECONDS

if ! command -v xvfb-run >/dev/null; then
  echo "macro-test: installing xvfb" >&2
  sudo=""; [[ "$(id -u)" -ne 0 ]] && sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq xvfb >/dev/null
fi

plugin="$(ls target/SupCAM_-*.jar 2>/dev/null | grep -v -e sources -e tests -e javadoc | head -n1 || true)"
if [[ -z "$plugin" ]]; then
  mvn -B -q -DskipTests -Djacoco.skip=true package
  plugin="$(ls target/SupCAM_-*.jar | grep -v -e sources -e tests -e javadoc | head -n1)"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ij="$work/ImageJ"
mkdir -p "$ij/plugins/jars" "$ij/macros"
mvn -B -q dependency:copy -Dartifact=net.imagej:ij:$IJ_VERSION -Dmdep.stripVersion=true -DoutputDirectory="$ij"
mvn -B -q dependency:copy-dependencies -DincludeScope=runtime -DexcludeArtifactIds=ij \
  -DoutputDirectory="$ij/plugins/jars"
cp "$plugin" "$ij/plugins/SupCAM_.jar"
cp macros/classify-image-file.ijm macros/classify-folder.ijm "$ij/macros/"

java_opts=(-Xmx2g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dslf4j.internal.verbosity=ERROR)
supcam() {
  java "${java_opts[@]}" -Djava.awt.headless=true -cp "$ij/ij.jar:$ij/plugins/SupCAM_.jar:$ij/plugins/jars/*" \
    io.github.supcam.cli.SupcamCli "$@"
}

mkdir -p "$work/images"
image="$work/images/metaphase.png"
supcam metaphase --output "$image" --width 800 --height 600 --clusters 8-12 --seed 3
if [[ -f models/supcam-synthetic-v1/model.json ]]; then
  model="$PWD/models/supcam-synthetic-v1"
else
  echo "macro-test: no bundled model; training a tiny throw-away one" >&2
  supcam synth --output "$work/data" --per-class 8 --size 96 --seed 1 >/dev/null
  supcam finetune --data "$work/data" --output "$work/model" --mode scratch --backbone resnet18-narrow-8 \
    --epochs 1 --batch 8 --image-size 32 --device cpu 2>/dev/null
  model="$work/model"
fi
supcam classify --model "$model" --device cpu --output "$work/cli.csv" "$image" 2>/dev/null

# ImageJ's own exit code is useless here: keep going and judge the printed output. An error in a macro opens a
# modal dialog that would wait forever under Xvfb, hence the time limit (a good run takes about 10 s).
imagej() {
  local out="$1"; shift
  timeout 90 xvfb-run -a java "${java_opts[@]}" -jar "$ij/ij.jar" -ijpath "$ij" -batch "$@" >"$out" 2>&1 ||
    echo "macro-test: ImageJ exited with status $? (124: killed after 90 s, e.g. waiting on an error dialog)" >>"$out"
}
imagej "$work/imagej.out" "$ij/macros/classify-image-file.ijm" "$image|$model"
imagej "$work/imagej-folder.out" "$ij/macros/classify-folder.ijm" "$work/images|$work/folder.csv|$model"

python3 - "$work/imagej.out" "$work/cli.csv" "$work/folder.csv" "$work/imagej-folder.out" <<'PY'
import csv, sys
out = open(sys.argv[1]).read().splitlines()
counts = [l for l in out if l.startswith("SUPCAM_RESULTS ")]
rows = [l.split(" ")[1:] for l in out if l.startswith("SUPCAM_ROW ")]
cli = list(csv.DictReader(open(sys.argv[2])))
def fail(why):
    print("macro-test: FAILED: " + why + "\n--- ImageJ output ---\n" + "\n".join(out), file=sys.stderr)
    sys.exit(1)
if not counts: fail("the macro printed no results (did the plugin load?)")
n = int(counts[0].split()[1])
if n == 0 or n != len(rows): fail(f"nResults={n}, printed rows={len(rows)}")
if n != len(cli): fail(f"ImageJ found {n} clusters, the CLI {len(cli)}")
types = {"instance", "touching", "overlapping", "touching-overlapping"}
for (cluster, predicted, conf), c in zip(rows, cli):
    if predicted not in types: fail(f"unknown type {predicted!r}")
    if (cluster, predicted) != (c["cluster"], c["predicted"]) or abs(float(conf) - float(c["confidence"])) > 2e-3:
        fail(f"ImageJ row {cluster} {predicted} {conf} differs from the CLI's {c['cluster']} {c['predicted']} "
             f"{c['confidence']}")
try:
    folder = list(csv.DictReader(open(sys.argv[3])))
except OSError:
    out = open(sys.argv[4]).read().splitlines()
    fail("Classify Folder (macro) wrote no CSV")
same = ["image", "cluster", "x", "y", "width", "height", "area", "touches_border", "predicted", "low_confidence"]
if [[r[k] for k in same] for r in folder] != [[r[k] for k in same] for r in cli]:
    out = open(sys.argv[4]).read().splitlines()
    fail("the CSV of Classify Folder (macro) differs from the CLI's")
print(f"macro-test: ImageJ classified {n} clusters through the macro bridges, matching the CLI")
PY
echo "macro-test: passed in $((SECONDS - start)) s"
