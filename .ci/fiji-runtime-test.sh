#!/usr/bin/env bash
# The plugin in a real ImageJ2/Fiji runtime (../shared/fiji-runtime: net.imagej launcher, imagej-legacy, ImageJ 1.x),
# installed the Fiji way (`mvn install -Dscijava.app.directory=APP`, which needs Maven online):
#   1. the installed jars are exactly the allow-list (update-site/runtime-jars.txt): no test or benchmark library;
#   2. headless --run of every command with explicit parameters, checking the files each writes, and an unreadable
#      image named with the reason;
#   3. a headless batch macro: Classify Clusters with and without model=, with a selection, nResults against the
#      saved CSV and the label image's values against its cluster ids; Harvest Training Data; a failing call, and
#      one that leaves out required keys, stop the macro with the reason in the Log;
#   4. GUI mode under Xvfb: the Recorder records all 12 commands (7 SciJava commands, 5 ImageJ 1.x bridges) run from
#      their dialogs, with tiny inputs (1 epoch, 32 px, a few images): SciJava dialogs open with remembered values
#      and OK is clicked with xdotool; the bridges' text fields are typed into with xdotool. Then every menu item
#      exists; Classify Clusters and Composition Preview run from a macro with all parameters and no dialog; ROIs
#      from the ROI Manager; a failing bridge call stops the macro with the reason in the Log;
#   5. the exact recorded lines replay in a fresh GUI session under Xvfb (any dialog that opens is noted and fails
#      the step) and give the same results: the same Results rows, preview, metrics table, manifests, splits and
#      training curves.
# ImageJ's exit code is always 0, so every check reads the files and log lines the runs write. Skips (exit 0) with
# a message when ../shared/fiji-runtime is absent. Run after 'mvn -B verify'. About 4 minutes on 2 cores.
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
ij() { # a fresh user home each time (unless $home names one): no remembered parameter values carry over
  IJ_HOME="${home:-$(mktemp -d "$work/home.XXXX")}" IJ_JAVA_OPTS="$opts" timeout 400 "$runtime/imagej.sh" "$app" "$@" 2>&1 ||
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

# The inputs of the recorded lines (4, 5) and of Harvest Training Data: the dataset, a folder with the spread, and
# boxes around the clusters the --run found, as a PASCAL VOC file. They move into place at step 4.
inputs="$work/inputs"
mkdir -p "$inputs/spreads" "$inputs/boxes"
cp -r "$d/data" "$inputs/data"
cp "$d/meta.png" "$inputs/spreads/"
awk -F, 'NR == 1 { print "<annotation><filename>meta.png</filename><size><width>600</width><height>450</height>" \
    "<depth>1</depth></size>" }
  NR > 1 { printf "<object><name>c%d</name><bndbox><xmin>%d</xmin><ymin>%d</ymin><xmax>%d</xmax><ymax>%d</ymax>" \
    "</bndbox></object>\n", NR - 1, $3, $4, $3 + $5 - 1, $4 + $6 - 1 }
  END { print "</annotation>" }' "$w/classify/meta.csv" >"$inputs/boxes/meta.xml"
# Harvest Training Data headless too (it needs the boxes just written).
ij --headless --run "Harvest Training Data" \
  "images='$inputs/spreads',annotations='$inputs/boxes',output='$w/harvest',overwrite='false'" >"$work/harvest.log"
[[ -s "$w/harvest/manifest.csv" && -s "$w/harvest/excluded.csv" ]] ||
  { cat "$work/harvest.log" >&2; fail "headless --run of Harvest Training Data wrote no manifest"; }


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
run("Harvest Training Data", "images=[$inputs/spreads] annotations=[$inputs/boxes] output=[$work/batch-harvest] overwrite=false");
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
assert len(rows(w + "/batch-harvest/manifest.csv")) > 0, "Harvest Training Data wrote no manifest"
print(f"fiji-runtime-test: batch macro: {len(bundled)} clusters with and without model=, selection, labels, harvest OK")
PY
# A call that leaves out required keys names them in the Log and stops the macro (SciJava's own check cancelled it
# with a reason nobody showed, and the macro went on).
cat >"$work/missing.ijm" <<EOF
run("Evaluate Model", "images=[all images] device=cpu");
print("BATCH went on after a call without its required keys");
EOF
ij --headless -batch "$work/missing.ijm" >"$work/missing.log"
grep -qF 'Evaluate Model failed: Required parameters data (Dataset folder), model (Model package (folder or .zip)) were not given' \
  "$work/missing.log" || { cat "$work/missing.log" >&2; fail "a call without its required keys did not name them"; }
! grep -q "BATCH went on" "$work/missing.log" || fail "the macro went on after a call without its required keys"

# 4. GUI mode under Xvfb, with the Recorder open while every command runs from its own dialog, as a user runs it:
#    - the SciJava commands open their dialogs with the values entered last time (SciJava remembers them; here a
#      headless session entered them, whose runs stop at once, each naming the folder that does not exist yet),
#      and OK is clicked;
#    - the ImageJ 1.x bridges (menu items run as a click runs them, with doCommand) have no remembered values: their
#      text fields are clicked and typed into with xdotool, then Return (OK).
#    Then, in the same session: every menu item exists; Classify Clusters and Composition Preview run from a macro
#    with all parameters and no dialog; ROIs from the ROI Manager; a failing bridge call stops the macro.
#    Every file a recorded line names lies under $r, so the replay (5) runs the exact recorded lines.
g="$work/gui"
r="$work/r"
mkdir -p "$g"
rec_home="$(mktemp -d "$work/home.XXXX")"
tiny="epochs='1',batch='8',imageSize='32',targetWidth='0',device='cpu',seed='42',resume='false'"
compose="table='middle',combine='equal',polarity='dark-on-light',intersectionThreshold='200',maxAttempts='10',requireContact='true',size='64',seed='1'"
home="$rec_home" ij --headless \
  --run "Augment Dataset" "input='$r/in/data',output='$r/out/aug',count='6',overwrite='false',$compose" \
  --run "Pretrain (SupCAM)" "data='$r/in/data',output='$r/out/encoder',backbone='resnet18-narrow',margin='0.2',composition='true',$tiny" \
  --run "Fine-tune Classifier" "data='$r/in/data',output='$r/out/classifier',pretrained='$r/out/encoder',mode='finetune',backbone='resnet18',$tiny" \
  --run "Evaluate Model" "data='$r/in/data',model='$r/out/classifier',images='all images',tta='false',device='cpu',overwrite='false'" \
  --run "Harvest Training Data" "images='$r/in/spreads',annotations='$r/in/boxes',output='$r/out/harvest',overwrite='false'" \
  >"$g/remember.log"
# Those runs fail at once, each saying in words what is missing (not a bare path, as a file exception's message is).
for said in "Dataset folder $r/in/data does not exist" \
  "Cannot create output model $r/out/encoder: its folder $r/out does not exist" \
  "Images folder $r/in/spreads does not exist"; do
  grep -qF "$said" "$g/remember.log" || { cat "$g/remember.log" >&2; fail "a missing folder was not named: $said"; }
done
! grep -E '^\[ERROR\] /[^ ]*$' "$g/remember.log" || fail "a failure was reported as a bare path"
mkdir -p "$r/out"
cp -r "$inputs" "$r/in"
# The ImageJ 1.x bridges, one after the other: each waits for its result line in the Log.
cat >"$g/record-ij1.ijm" <<EOF
function fromDialog(command, done) {
  start = lengthOf(getInfo("log"));
  doCommand(command);
  for (i = 0; i < 600; i++) {
    wait(500);
    if (matches(substring(getInfo("log"), start), "(?s).*(" + done + "|failed: ).*")) return;
  }
  print("GUI timed out " + command);
}
saveAs("Results", "$g/recorded-classify.csv");
run("Clear Results");
selectImage("meta.png");
run("Select None");
fromDialog("Classify Clusters (macro)", " clusters: ");
saveAs("Results", "$g/recorded-classify-macro.csv");
run("Clear Results");
fromDialog("Classify Folder (macro)", "Classified ");
run("Clear Results");
fromDialog("Augment Dataset (macro)", "Wrote ");
fromDialog("Pretrain (macro)", "Pretrain finished");
fromDialog("Fine-tune Classifier (macro)", "Fine-tune Classifier finished");
Table.save("$g/recorded-metrics.csv", "SupCAM Metrics");
EOF
cat >"$g/check.ijm" <<EOF
selectWindow("Recorder");
File.saveString(getInfo("window.contents"), "$g/recorded.ijm");
recordedRows = split(File.openAsString("$g/recorded-classify.csv"), "\n");
recordedRows = recordedRows.length - 1;
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
  "Fine-tune Classifier", "Evaluate Model", "Harvest Training Data", "Classify Clusters (macro)",
  "Classify Folder (macro)", "Augment Dataset (macro)", "Pretrain (macro)", "Fine-tune Classifier (macro)");
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
# What the sessions under Xvfb share: finding a dialog, clicking OK, typing into an ImageJ 1.x dialog.
cat >"$work/xdo.sh" <<'EOF'
find_dialog() { # TITLE: the window id, when it opens while ImageJ ($pid) runs
  local re win=""
  re="$(sed 's/[][().*+?^$|\\]/\\&/g' <<<"$1")"
  while kill -0 "$pid" 2>/dev/null; do
    win="$(xdotool search --onlyvisible --name "^$re\$" 2>/dev/null | head -n1 || true)"
    [[ -n "$win" ]] && break
    sleep 0.5
  done
  [[ -n "$win" ]] || echo "fiji-runtime-test: no dialog $1" >&2
  echo "$win"
}
click_ok() { # TITLE: a SciJava dialog; OK is left of Cancel, bottom right
  local win
  win="$(find_dialog "$1")"
  [[ -n "$win" ]] || return 0
  sleep 2
  eval "$(xdotool getwindowgeometry --shell "$win")"
  xdotool mousemove --window "$win" $((WIDTH - 136)) $((HEIGHT - 24)) click 1
}
fill() { # TITLE VALUE...: an ImageJ 1.x dialog; each VALUE goes into the next text field from the top ('-' keeps
  # the field's value: the pointer clicks into the field, and the keys typed go to the window under the pointer),
  # then Return is OK
  local win v x y fields
  win="$(find_dialog "$1")"; shift
  [[ -n "$win" ]] || return 0
  sleep 2
  mapfile -t fields < <(xwininfo -tree -id "$win" | awk '/"sun-awt-X11-XTextFieldPeer"/ {
      split($(NF - 1), size, /[x+]/); split($NF, at, "+")
      print at[3] * 100000 + at[2], int(at[2] + size[1] / 2), int(at[3] + size[2] / 2) }' | sort -n | cut -d" " -f2-)
  read -r x y <<<"${fields[0]}"
  xdotool mousemove "$x" "$y" click 1
  for v in "$@"; do
    read -r x y <<<"${fields[0]}"
    fields=("${fields[@]:1}")
    [[ "$v" == - ]] && continue
    xdotool mousemove "$x" "$y" click 1 sleep 0.3 key ctrl+a type --delay 5 "$v"
    sleep 0.3
  done
  sleep 0.5
  xdotool key Return
}
EOF
cat >"$g/session.sh" <<'EOF'
. "$work/xdo.sh"
"$runtime/imagej.sh" "$app" \
  -eval "open(\"$d/meta.png\"); open(\"$d/crop1.png\"); open(\"$d/crop2.png\"); selectImage(\"meta.png\"); run(\"Record...\");" \
  --run "Classify Clusters" --run "Composition Preview" --run "Augment Dataset" --run "Pretrain (SupCAM)" \
  --run "Fine-tune Classifier" --run "Evaluate Model" --run "Harvest Training Data" \
  --run "$g/record-ij1.ijm" --run "$g/check.ijm" --run "$g/quit.ijm" >"$g/imagej.log" 2>&1 &
pid=$!
for title in "Classify Clusters" "Composition Preview" "Augment Dataset" "Pretrain (SupCAM)" "Fine-tune Classifier" \
  "Evaluate Model" "Harvest Training Data"; do
  click_ok "$title"
done
fill "Classify Clusters" # the defaults: the bundled model, the active image
fill "Classify Folder" "$r/in/spreads" "$r/out/folder.csv"
fill "Augment Dataset" "$r/in/data" "$r/out/aug-macro" 6 5 64
fill "Pretrain" "$r/in/data" "$r/out/encoder-macro" - 1 8 32
fill "Fine-tune Classifier" "$r/in/data" "$r/out/classifier-macro" - 1 8 32 - "$r/out/encoder-macro"
while kill -0 $pid 2>/dev/null; do # a macro error would wait for OK
  [[ -z "$(xdotool search --onlyvisible --name "^Macro Error$" 2>/dev/null)" ]] ||
    { echo "fiji-runtime-test: Macro Error"; kill $pid; }
  sleep 1
done
EOF
export runtime app d g r work
IJ_HOME="$rec_home" IJ_JAVA_OPTS="$opts" timeout 500 xvfb-run -a bash "$g/session.sh" ||
  echo "fiji-runtime-test: the GUI session ended with $?" >>"$g/imagej.log"
[[ -s "$g/log.txt" ]] || { cat "$g/imagej.log" >&2; fail "the GUI session did not finish"; }

# 5. The recorded lines, exactly as recorded, replay in a fresh session under Xvfb (a dialog would open there, as
#    for a user; one that does is noted and cancelled). The recording's outputs move aside, so the replay writes the
#    same files anew, and each replayed command must give what the recorded one gave.
commands=("Classify Clusters" "Composition Preview" "Augment Dataset" "Pretrain (SupCAM)" "Fine-tune Classifier"
  "Evaluate Model" "Harvest Training Data" "Classify Clusters (macro)" "Classify Folder (macro)"
  "Augment Dataset (macro)" "Pretrain (macro)" "Fine-tune Classifier (macro)")
for c in "${commands[@]}"; do
  [[ "$(grep -cF "run(\"$c\", " "$g/recorded.ijm")" -eq 1 ]] ||
    { cat "$g/recorded.ijm" "$g/log.txt" >&2; fail "the Recorder did not record one line for $c"; }
done
mv "$r/out" "$g/recorded-out"
mkdir -p "$r/out"
{
  echo "open(\"$d/meta.png\"); open(\"$d/crop1.png\"); open(\"$d/crop2.png\");"
  while IFS= read -r line; do
    for c in "${commands[@]}"; do
      [[ "$line" == "run(\"$c\", "* ]] || continue
      case "$c" in
        "Classify Clusters"*) echo 'selectImage("meta.png"); run("Select None"); run("Clear Results");' ;;
      esac
      echo "$line"
      case "$c" in
        "Classify Clusters") echo "saveAs(\"Results\", \"$g/replayed-classify.csv\");" ;;
        "Classify Clusters (macro)") echo "saveAs(\"Results\", \"$g/replayed-classify-macro.csv\");" ;;
        "Evaluate Model") echo "Table.save(\"$g/replayed-metrics.csv\", \"SupCAM Metrics\");" ;;
      esac
    done
  done <"$g/recorded.ijm"
  echo "File.saveString(getInfo(\"log\"), \"$g/replay-log.txt\");"
  echo 'close("*");'
  echo 'run("Quit");'
} >"$g/replay.ijm"
cat >"$g/replay.sh" <<'EOF'
. "$work/xdo.sh"
"$runtime/imagej.sh" "$app" -macro "$g/replay.ijm" >"$g/replay.log" 2>&1 &
pid=$!
titles="Classify Clusters|Composition Preview|Augment Dataset|Pretrain|Pretrain \(SupCAM\)|Fine-tune Classifier"
titles="$titles|Evaluate Model|Harvest Training Data|Classify Folder|Macro Error|(Open|Save|Choose|Select).*"
while kill -0 $pid 2>/dev/null; do
  for win in $(xdotool search --onlyvisible --name "^($titles)\$" 2>/dev/null); do
    echo "$(xdotool getwindowname "$win")" >>"$g/replay-dialogs.txt"
    eval "$(xdotool getwindowgeometry --shell "$win")"
    xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2)) key Escape
  done
  sleep 1
done
EOF
IJ_HOME="$(mktemp -d "$work/home.XXXX")" IJ_JAVA_OPTS="$opts" timeout 400 xvfb-run -a bash "$g/replay.sh" ||
  echo "fiji-runtime-test: the replay session ended with $?" >>"$g/replay.log"
python3 - "$g" "$r" <<'PY' || { cat "$g/log.txt" "$g/replay-log.txt" >&2; fail "GUI session or replay"; }
import csv, os, sys
g, r = sys.argv[1:]
def lines(f): return open(f).read().splitlines() if os.path.exists(f) else []
log, replay_log = lines(g + "/log.txt"), lines(g + "/replay-log.txt")
got = {l.split()[1]: " ".join(l.split()[2:]) for l in log if l.startswith("GUI ")}
assert "missing" not in got, "menu item missing: " + got.get("missing", "")
assert "timed" not in got, "a dialog of the recording did not finish: " + got.get("timed", "")
assert int(got["classify"]) > 0, got
assert got["preview"].startswith("Ip instance + Ic instance -> Ig "), got
assert got["roimanager"] == "2", ("two ROIs in the ROI Manager, two clusters", got)
assert "went" not in got, "the macro went on after a failed bridge call"
assert any("Classify Clusters failed: No such model package: /nonexistent" in l for l in log), "no reason in the Log"
assert replay_log, "the replay did not finish"
dialogs = lines(g + "/replay-dialogs.txt")
assert not dialogs, ("a recorded line opened a dialog when replayed", sorted(set(dialogs)))
assert not [l for l in replay_log if " failed: " in l], ("a replayed line failed", replay_log)
key = ["cluster", "x", "y", "width", "height", "area", "predicted", "confidence"]
for name in ["classify", "classify-macro"]:
    rec = [[row[k] for k in key] for row in csv.DictReader(open(f"{g}/recorded-{name}.csv"))]
    rep = [[row[k] for k in key] for row in csv.DictReader(open(f"{g}/replayed-{name}.csv"))]
    assert rec and rec == rep, (f"the replayed {name} line gives other results", rec, rep)
assert got["replayed"] == f"{len(rec)} of {len(rec)}", ("the recorded line replayed in the GUI", got["replayed"])
previews = [l for l in replay_log if l.startswith("Ip ")]
assert previews and previews[0] == got["recorded-preview"], ("the replayed Composition Preview draws otherwise",
    previews, got.get("recorded-preview"))
# Files the replay writes anew, equal to what the recording wrote.
same = ["aug/manifest.csv", "aug-macro/manifest.csv", "harvest/manifest.csv", "folder.csv"]
for m in ["encoder", "classifier", "encoder-macro", "classifier-macro"]:
    same += [f"{m}/split.csv", f"{m}/training.csv"]
def content(f): # the training log's last column is the epoch's duration
    rows = lines(f)
    return [l.rsplit(",", 1)[0] for l in rows] if f.endswith("training.csv") else rows
for f in same:
    a, b = content(f"{g}/recorded-out/{f}"), content(f"{r}/out/{f}")
    assert len(a) > 1, ("the recorded command wrote no", f)
    assert a == b, ("the replay wrote another", f, a, b)
metrics = [lines(f"{g}/{m}-metrics.csv") for m in ["recorded", "replayed"]]
assert len(metrics[0]) > 5 and metrics[0] == metrics[1], ("Evaluate Model replayed gives other metrics", metrics)
print(f"fiji-runtime-test: GUI: 12 menu items, all 12 commands recorded from their dialogs and replayed in a fresh "
      f"session with no dialog and the same results; ROI Manager; failing call stops the macro")
PY
echo "fiji-runtime-test: passed in $((SECONDS - start)) s"
