#!/usr/bin/env bash
# The plugin in a real ImageJ2/Fiji runtime (../shared/fiji-runtime: net.imagej launcher, imagej-legacy, ImageJ 1.x),
# installed the Fiji way (`mvn install -Dscijava.app.directory=APP`, which needs Maven online):
#   1. the installed jars are exactly the allow-list (update-site/runtime-jars.txt): no test or benchmark library;
#   2. headless --run of every command with explicit parameters, checking the files each writes, and an unreadable
#      image named with the reason;
#   3. a headless batch macro: Classify Clusters with and without model=, with a selection, nResults against the
#      saved CSV and the label image's values against its cluster ids; a failing call stops the macro;
#   4. GUI mode under Xvfb: the Recorder records Classify Clusters and Composition Preview run from their dialogs
#      (OK clicked with xdotool); every menu item exists; both commands run from a macro with all parameters and no
#      dialog; ROIs from the ROI Manager; a failing bridge call stops the macro with the reason in the Log;
#   5. the recorded lines replay in a fresh headless session with no dialog and the same results.
# ImageJ's exit code is always 0, so every check reads the files and log lines the runs write. Skips (exit 0) with
# a message when ../shared/fiji-runtime is absent. Run after 'mvn -B verify'. About 3-4 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
runtime="$(cd .. && pwd)/shared/fiji-runtime"
if [[ ! -x "$runtime/imagej.sh" ]]; then
  echo "fiji-runtime-test: skipped: no real ImageJ2 runtime at $runtime"
  exit 0
fi
start=$SECONDS
fail() { echo "fiji-runtime-test: FAILED: $*" >&2; exit 1; }

need=()
command -v xvfb-run >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
if (( ${#need[@]} )); then
  echo "fiji-runtime-test: installing ${need[*]}" >&2
  sudo=""; [[ "$(id -u)" -ne 0 ]] && sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

work="$(mktemp -d)"
trap '[[ -n "${KEEP_WORK:-}" ]] && echo "fiji-runtime-test: kept $work" || rm -rf "$work"' EXIT
app="$work/Fiji.app"
mkdir -p "$app/jars" "$app/plugins"
mvn -B -q -DskipTests -Djacoco.skip=true install -Dscijava.app.directory="$app" >"$work/mvn.log" 2>&1 ||
  { cat "$work/mvn.log" >&2; fail "mvn install -Dscijava.app.directory=APP failed"; }

# 1. Exactly the allowed jars.
allowed=" $(sed 's/#.*//; s/[[:space:]]//g; /^$/d; s/.*://' update-site/runtime-jars.txt | tr '\n' ' ')"
installed=0
while read -r jar; do
  name="$(basename "$jar")"
  id="$(sed -E 's/-[0-9][^/]*\.jar$//' <<<"$name")"
  [[ "$allowed" == *" $id "* ]] || fail "the install put $name into jars/; it is not in update-site/runtime-jars.txt"
  installed=$((installed + 1))
done < <(find "$app/jars" -name '*.jar')
(( installed > 0 )) || fail "no jars installed into $app/jars"
ls "$app"/plugins/SupCAM_-*.jar >/dev/null || fail "no plugin jar in $app/plugins"

opts="-Xmx3g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dslf4j.internal.verbosity=ERROR"
ij() { # a fresh user home each time: no remembered parameter values carry over
  IJ_HOME="$(mktemp -d "$work/home.XXXX")" IJ_JAVA_OPTS="$opts" timeout 400 "$runtime/imagej.sh" "$app" "$@" 2>&1 ||
    echo "fiji-runtime-test: ImageJ exited with $?"
}
supcam() {
  java $opts -Djava.awt.headless=true -cp "$app/plugins/*:$app/jars/*:$app/jars/linux64/*" \
    io.github.supcam.cli.SupcamCli "$@"
}

d="$work/in"
mkdir -p "$d"
supcam metaphase --output "$d/meta.png" --width 600 --height 450 --clusters 5-8 --seed 3 >/dev/null
supcam synth --output "$d/data" --per-class 6 --size 64 --seed 1 >/dev/null 2>"$work/synth.err" || { cat "$work/synth.err" >&2; fail "supcam synth"; }
crops=("$d"/data/instance/*.png)
cp "${crops[0]}" "$d/crop1.png"
cp "${crops[1]}" "$d/crop2.png"
printf 'II*\0\010\0\0\0\001' >"$d/broken.tif"

# 2. Headless --run of every command (the runs of one launch are sequential), then an unreadable image.
w="$work/headless"
mkdir -p "$w"
train="epochs='1',batch='8',imageSize='32',targetWidth='0',device='cpu',seed='42',resume='false'"
classify="useRois='false',whole='false',lowConfidence='0.5',tta='false',addToManager='false',device='cpu'"
ij --headless \
  --run "Pretrain (SupCAM)" "data='$d/data',output='$w/encoder',backbone='resnet18-narrow',margin='0.2',composition='true',$train" \
  --run "Fine-tune Classifier" "data='$d/data',output='$w/classifier',pretrained='$w/encoder',mode='finetune',backbone='resnet18',$train" \
  --run "Evaluate Model" "data='$d/data',model='$w/classifier',images='all images',tta='false',device='cpu',output='$w/eval',overwrite='false'" \
  --run "Augment Dataset" "input='$d/data',output='$w/aug',count='8',overwrite='false',table='middle',combine='equal',polarity='dark-on-light',intersectionThreshold='200',maxAttempts='10',requireContact='true',size='64',seed='1'" \
  --run "Classify Clusters" "image='$d/meta.png',$classify,createLabelImage='true',outputFolder='$w/classify',overwrite='false'" \
  --run "Composition Preview" "primary='$d/crop1.png',primaryLabel='instance',candidate='$d/crop2.png',candidateLabel='instance',table='middle',combine='equal',polarity='dark-on-light',intersectionThreshold='200',maxAttempts='10',requireContact='true',size='64',seed='3',saveAs='$w/preview.png'" \
  --run "Classify Clusters" "image='$d/broken.tif',$classify,createLabelImage='false',overwrite='false'" \
  >"$work/headless.log"
for f in encoder/model.json classifier/model.json eval/metrics.json aug/manifest.csv classify/meta.csv \
  classify/meta-overlay.png classify/meta-labels.tif preview.png; do
  [[ -s "$w/$f" ]] || { cat "$work/headless.log" >&2; fail "headless --run wrote no $f"; }
done
[[ "$(wc -l <"$w/aug/manifest.csv")" -eq 9 ]] || fail "Augment Dataset wrote $(($(wc -l <"$w/aug/manifest.csv") - 1)) images, not 8"
grep -q "Cannot read image .*broken.tif: " "$work/headless.log" ||
  { cat "$work/headless.log" >&2; fail "the unreadable image was not named with the reason"; }
! grep -q '"ip" is null' "$work/headless.log" || fail "the unreadable image still gives a NullPointerException"

# 3. A headless batch macro. Selections and ROIs: the boxes of the first two clusters the --run found.
box() { awk -F, -v row="$1" 'NR == row + 1 { print $3 ", " $4 ", " $5 ", " $6 }' "$w/classify/meta.csv"; }
box1="$(box 1)"; box2="$(box 2)"
area1=$(($(cut -d, -f3 <<<"$box1") * $(cut -d, -f4 <<<"$box1")))
cat >"$work/batch.ijm" <<EOF
open("$d/meta.png");
run("Clear Results");
run("Classify Clusters", "image=meta.png userois=false whole=false lowconfidence=0.5 tta=false addtomanager=false createlabelimage=false device=cpu overwrite=false outputfolder=[$work/batch-bundled]");
print("BATCH bundled " + nResults);
run("Clear Results");
run("Classify Clusters", "image=meta.png model=[$w/classifier] userois=false whole=false lowconfidence=0.5 tta=false addtomanager=false createlabelimage=false device=cpu overwrite=false outputfolder=[$work/batch-model]");
print("BATCH model " + nResults);
makeRectangle($box1);
run("Clear Results");
run("Classify Clusters", "image=meta.png userois=true whole=false lowconfidence=0.5 tta=false addtomanager=false createlabelimage=false device=cpu overwrite=false");
print("BATCH selection " + nResults + " " + getResult("area", 0));
open("$work/batch-bundled/meta-labels.tif");
ids = "";
getHistogram(values, counts, 65536);
for (v = 1; v < 65536; v++) if (counts[v] > 0) ids = ids + " " + v;
print("BATCH labels " + bitDepth() + ids);
selectImage("meta.png");
run("Classify Clusters", "image=meta.png model=[/nonexistent] userois=false whole=false lowconfidence=0.5 tta=false addtomanager=false createlabelimage=false device=cpu overwrite=false");
print("BATCH went on after a failed call");
EOF
ij --headless -batch "$work/batch.ijm" >"$work/batch.log"
python3 - "$work" "$area1" <<'PY' || { cat "$work/batch.log" >&2; fail "headless batch macro"; }
import csv, sys
w = sys.argv[1]
log = open(w + "/batch.log").read().splitlines()
got = {l.split()[1]: l.split()[2:] for l in log if l.startswith("BATCH ")}
def rows(f): return list(csv.DictReader(open(f)))
bundled, model = rows(w + "/batch-bundled/meta.csv"), rows(w + "/batch-model/meta.csv")
headless = rows(w + "/headless/classify/meta.csv")
assert int(got["bundled"][0]) == len(bundled) > 0, ("nResults without model=", got, len(bundled))
assert [r["predicted"] for r in bundled] == [r["predicted"] for r in headless], "batch macro and --run disagree"
assert int(got["model"][0]) == len(model) == len(bundled), ("nResults with model=", got, len(model))
assert got["selection"][:2] == ["1", sys.argv[2]], ("the selection is one cluster", got["selection"])
assert got["labels"][0] == "16", ("label image bit depth", got["labels"])
assert sorted(map(int, got["labels"][1:])) == sorted(int(r["cluster"]) for r in bundled), \
    ("label values are the CSV's cluster ids", got["labels"], [r["cluster"] for r in bundled])
assert "went" not in got, "the macro went on after a failed call"
assert any("Classify Clusters failed: No such model package: /nonexistent" in l for l in log), "no reason in the Log"
print(f"fiji-runtime-test: batch macro: {len(bundled)} clusters with and without model=, selection, labels OK")
PY

# 4. GUI mode: recorded runs from the dialogs, then the checks in one macro, then the Log and quit.
g="$work/gui"
mkdir -p "$g"
cat >"$g/check.ijm" <<EOF
selectWindow("Recorder");
File.saveString(getInfo("window.contents"), "$g/recorded.ijm");
selectWindow("Results");
saveAs("Results", "$g/recorded-classify.csv");
recordedRows = nResults;
for (i = 1; i <= nImages; i++) { selectImage(i); if (startsWith(getTitle(), "Ip ")) print("GUI recorded-preview " + getTitle()); }
// The recorded Classify Clusters line, replayed in this GUI session from a macro: no dialog may open.
lines = split(File.openAsString("$g/recorded.ijm"), "\n");
selectImage("meta.png");
run("Select None");
for (i = 0; i < lines.length; i++) if (startsWith(lines[i], "run(\"Classify Clusters\", ")) {
  run("Clear Results");
  eval(lines[i]);
  print("GUI replayed " + nResults + " of " + recordedRows);
}
List.setCommands;
items = newArray("Classify Clusters", "Composition Preview", "Augment Dataset", "Pretrain (SupCAM)",
  "Fine-tune Classifier", "Evaluate Model", "Classify Clusters (macro)", "Classify Folder (macro)",
  "Augment Dataset (macro)", "Pretrain (macro)", "Fine-tune Classifier (macro)");
for (i = 0; i < items.length; i++) if (List.get(items[i]) == "") print("GUI missing " + items[i]);
print("GUI menu " + items.length);
selectImage("meta.png");
run("Select None");
run("Clear Results");
run("Classify Clusters", "image=meta.png userois=false whole=false lowconfidence=0.5 tta=false addtomanager=false createlabelimage=true device=cpu overwrite=false");
print("GUI classify " + nResults);
run("Composition Preview", "primary=crop1.png primarylabel=instance candidate=crop2.png candidatelabel=instance table=middle combine=equal polarity=dark-on-light intersectionthreshold=200 maxattempts=10 requirecontact=true size=64 seed=3");
print("GUI preview " + getTitle());
selectImage("meta.png");
makeRectangle($box1);
roiManager("add");
makeRectangle($box2);
roiManager("add");
run("Select None");
run("Clear Results");
run("Classify Clusters", "image=meta.png userois=true whole=false lowconfidence=0.5 tta=false addtomanager=false createlabelimage=false device=cpu overwrite=false");
print("GUI roimanager " + nResults);
roiManager("reset");
run("Classify Clusters (macro)", "model=[/nonexistent] device=cpu");
print("GUI went on after a failed call");
EOF
cat >"$g/quit.ijm" <<EOF
File.saveString(getInfo("log"), "$g/log.txt");
close("*");
run("Quit");
EOF
# The session and the clicks in one script under Xvfb: OK is clicked (left of Cancel, bottom right) on each dialog.
cat >"$g/session.sh" <<'EOF'
click_ok() {
  local win="" i
  for ((i = 0; i < 600; i++)); do
    win="$(xdotool search --name "^$1\$" 2>/dev/null | head -n1 || true)"
    [[ -n "$win" ]] && break
    sleep 0.5
  done
  [[ -n "$win" ]] || { echo "fiji-runtime-test: no dialog $1"; return 0; }
  sleep 2
  eval "$(xdotool getwindowgeometry --shell "$win")"
  xdotool mousemove --window "$win" $((WIDTH - 136)) $((HEIGHT - 24)) click 1
}
"$runtime/imagej.sh" "$app" \
  -eval "open(\"$d/meta.png\"); open(\"$d/crop1.png\"); open(\"$d/crop2.png\"); selectImage(\"meta.png\"); run(\"Record...\");" \
  --run "Classify Clusters" --run "Composition Preview" --run "$g/check.ijm" --run "$g/quit.ijm" >"$g/imagej.log" 2>&1 &
pid=$!
click_ok "Classify Clusters"
click_ok "Composition Preview"
wait $pid
EOF
runtime="$runtime" app="$app" d="$d" g="$g" IJ_HOME="$(mktemp -d "$work/home.XXXX")" IJ_JAVA_OPTS="$opts" \
  timeout 400 xvfb-run -a bash "$g/session.sh" || echo "fiji-runtime-test: the GUI session ended with $?" >>"$g/imagej.log"
[[ -s "$g/log.txt" ]] || { cat "$g/imagej.log" >&2; fail "the GUI session did not finish"; }

# 5. The recorded lines replay in a fresh headless session.
grep -q '^run("Classify Clusters", ' "$g/recorded.ijm" || { cat "$g/recorded.ijm" >&2; fail "nothing recorded for Classify Clusters"; }
grep -q '^run("Composition Preview", ' "$g/recorded.ijm" || { cat "$g/recorded.ijm" >&2; fail "nothing recorded for Composition Preview"; }
{
  echo "open(\"$d/meta.png\"); open(\"$d/crop1.png\"); open(\"$d/crop2.png\"); selectImage(\"meta.png\"); run(\"Clear Results\");"
  grep '^run("Classify Clusters", ' "$g/recorded.ijm"
  echo "saveAs(\"Results\", \"$g/replayed-classify.csv\");"
  grep '^run("Composition Preview", ' "$g/recorded.ijm"
} >"$g/replay.ijm"
ij --headless -batch "$g/replay.ijm" >"$g/replay.log"
python3 - "$g" <<'PY' || { cat "$g/log.txt" "$g/replay.log" >&2; fail "GUI session or replay"; }
import csv, sys
g = sys.argv[1]
log = open(g + "/log.txt").read().splitlines()
got = {l.split()[1]: " ".join(l.split()[2:]) for l in log if l.startswith("GUI ")}
assert "missing" not in got, "menu item missing: " + got.get("missing", "")
assert int(got["classify"]) > 0, got
assert got["preview"].startswith("Ip instance + Ic instance -> Ig "), got
assert got["roimanager"] == "2", ("two ROIs in the ROI Manager, two clusters", got)
assert "went" not in got, "the macro went on after a failed bridge call"
assert any("Classify Clusters failed: No such model package: /nonexistent" in l for l in log), "no reason in the Log"
key = ["cluster", "x", "y", "width", "height", "area", "predicted", "confidence"]
rec = [[r[k] for k in key] for r in csv.DictReader(open(g + "/recorded-classify.csv"))]
rep = [[r[k] for k in key] for r in csv.DictReader(open(g + "/replayed-classify.csv"))]
assert rec and rec == rep, ("the replayed Classify Clusters line gives other results", rec, rep)
assert got["replayed"] == f"{len(rec)} of {len(rec)}", ("the recorded line replayed in the GUI", got["replayed"])
replayed = [l for l in open(g + "/replay.log").read().splitlines() if l.startswith("[INFO] Ip ")]
assert replayed and replayed[0][len("[INFO] "):] == got["recorded-preview"], \
    ("the replayed Composition Preview line draws otherwise", replayed, got.get("recorded-preview"))
print(f"fiji-runtime-test: GUI: 11 menu items, dialogs recorded and replayed ({len(rec)} clusters), ROI Manager, "
      "failing call stops the macro")
PY
echo "fiji-runtime-test: passed in $((SECONDS - start)) s"
