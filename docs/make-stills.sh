#!/usr/bin/env bash
# Renders the README's stills (docs/img/*.png) from the built-in demo source, headless (OpenGL
# through EGL, no display needed): one still per registered face filter, the plain landmark view
# and the heatmap view. Deterministic for a seed (demo motion and single-threaded inference).
#
#   docs/make-stills.sh                      # models/fast.onnx, writes docs/img/
#   MODEL=path/to/model.onnx OUT=/tmp/img docs/make-stills.sh
#
# Needs the packaged tracker: mvn -B -q -DskipTests package (the script builds it when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=tracker/target/tracker.jar
MODEL=${MODEL:-models/fast.onnx}
OUT=${OUT:-docs/img}
SEED=${SEED:-11}
FRAMES=${FRAMES:-45}      # the still is the last of these frames
WIDTH=${WIDTH:-480}       # 480x360 keeps each PNG well under 300 KB
[ -f "$MODEL" ] || { echo "make-stills: no model $MODEL (set MODEL=...)" >&2; exit 1; }
[ -f "$JAR" ] || mvn -B -q -DskipTests -pl tracker -am package
mkdir -p "$OUT"

still() {  # still NAME ARGS...: one headless live run, its last frame as OUT/NAME.png
    local name=$1; shift
    local summary
    summary=$(java -jar "$JAR" live --headless --demo --seed "$SEED" --frames "$FRAMES" --model "$MODEL" \
        --screenshot "$OUT/$name.png" --screenshot-width "$WIDTH" "$@" 2>&1 | tr '\r' '\n' | grep -o 'face in [^,]*' | tail -1)
    echo "$OUT/$name.png $(( $(stat -c %s "$OUT/$name.png") / 1024 )) KB, $summary"
}

# The filter names come from the registry, as listed at the end of `tracker live --help`.
for f in $(java -jar "$JAR" live --help | sed -n '/^Face filters:/,$p' | awk 'NR > 1 && NF { print $1 }'); do
    still "filter-$f" --layers video --filter "$f"
done
still live-landmarks --layers video,contours,points,boxes,pose,hud
still live-heatmaps --layers video,heatmaps,points --heatmap max
