#!/usr/bin/env bash
# Renders a small failure-case gallery for a model card: each public-domain portrait of
# ../shared/samples (grace_hopper.jpg, astronaut.png) is perturbed with ImageMagick (in-plane
# rotation by 40 and 70 degrees, a skin-tone occluder over mouth and chin, strong under-exposure,
# heavy blur, a tiny face, a strong one-sided light), the tracker runs once on each picture, and
# one montage per portrait (the clean photo first; each tile is the tracker's annotated picture cropped
# to the face) is written as OUT/failures-<portrait>.png.
# A markdown table of the numbers goes to stdout; progress and the PNG sizes go to stderr.
#
#   docs/make-failures.sh                    # models/fast.onnx, writes docs/img/
#   MODEL=path/to/model.onnx OUT=/tmp/img docs/make-failures.sh > table.md
#
# The numbers are SELF-CONSISTENCY, not accuracy (the photos have no ground truth): the mean
# distance between the landmarks found on the perturbed picture, mapped back to the clean photo's
# frame (rotations are undone around the canvas centre; every other perturbation keeps the
# geometry), and the landmarks found on the clean photo, in % of the clean inter-ocular distance
# (outer eye corners, points 36 and 45, 0-based iBUG order). Of several faces found, the one whose
# landmark centroid lies nearest the clean face's is compared; none within one inter-ocular
# distance counts as "no face found". The verdict is a rough scale borrowed from the usual 10 %
# NME failure threshold (< 5 % holds, 5-10 % drifts, >= 10 % fails): it says how far the answer
# moved, not how wrong it is (the clean answer has its own error, which this cannot see).
#
# Needs real ImageMagick (convert, montage: apt-get install imagemagick), jq and the packaged
# tracker (mvn -B -q -DskipTests package; the script builds it when missing). Intermediate files
# go to a temp dir (KEEP_TMP=1 keeps it). Deterministic: single-threaded inference, no smoothing
# across pictures (each `tracker image` run is one independent picture).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=tracker/target/tracker.jar
MODEL=${MODEL:-models/fast.onnx}
OUT=${OUT:-docs/img}
SAMPLES=${SAMPLES:-../shared/samples}
PORTRAITS=${PORTRAITS:-grace_hopper.jpg astronaut.png}
TILE=${TILE:-240}         # square tiles of 240 px keep each 4x2 montage well under 400 KB
[ -f "$MODEL" ] || { echo "make-failures: no model $MODEL (set MODEL=...)" >&2; exit 1; }
# /usr/local/bin/convert may be a stand-in that only converts a PNG to PPM: ask for the real one.
convert -version 2>/dev/null | grep -q ImageMagick && command -v montage >/dev/null \
    || { echo "make-failures: needs ImageMagick's convert and montage (apt-get install imagemagick)" >&2; exit 1; }
command -v jq >/dev/null || { echo "make-failures: needs jq (apt-get install jq)" >&2; exit 1; }
[ -f "$JAR" ] || mvn -B -q -DskipTests -pl tracker -am package
mkdir -p "$OUT"
TMP=$(mktemp -d)
[ -n "${KEEP_TMP:-}" ] && echo "make-failures: intermediate files in $TMP" >&2 || trap 'rm -rf "$TMP"' EXIT
# Run a private copy of the jar and its lib/, so that a rebuild during the run cannot pull classes away.
mkdir "$TMP/jar" && cp -r "$JAR" "$(dirname "$JAR")/lib" "$TMP/jar/" && JAR=$TMP/jar/$(basename "$JAR")
FONT=()
convert -list font | grep -q 'Font: DejaVu-Sans$' && FONT=(-font DejaVu-Sans)

# The cases, in montage order: name, caption title, rotation in degrees clockwise (0: same geometry).
CASES=(
    "clean|clean (reference)|0"
    "rot40|rotated 40°|40"
    "rot70|rotated 70°|70"
    "occluded|mouth + chin occluded|0"
    "dark|under-exposed (10 %)|0"
    "blur|heavy blur (σ 8 px)|0"
    "tiny|tiny face (15 %, upscaled)|0"
    "sidelight|one-sided light|0"
)

track() {  # track IN STEM: the tracker's annotated STEM.png and landmarks STEM.jsonl
    java -jar "$JAR" image --input "$1" --output "$2.png" --landmarks "$2.jsonl" \
        --model "$MODEL" --threads 1 >"$2.log" 2>&1 || { cat "$2.log" >&2; exit 1; }
}

pts() {  # pts JSONL FIRST LAST: "x y" lines of points FIRST..LAST of the largest face
    jq -r --argjson a "$2" --argjson b "$3" '.faces | max_by(.box[2] * .box[3]) | .landmarks[$a:$b + 1][]
        | "\(.[0]) \(.[1])"' "$1"
}

perturb() {  # perturb CASE CLEAN OUT: write the perturbed picture (PNG)
    local w h
    read -r w h < <(identify -format '%w %h\n' "$2[0]")
    case $1 in
        clean) convert "$2" "$3" ;;
        rot40) convert "$2" -background gray -rotate 40 +repage "$3" ;;
        rot70) convert "$2" -background gray -rotate 70 +repage "$3" ;;
        occluded)  # an ellipse in the face's own tone (sampled on the nose bridge), darker rim, mouth to below the chin
            local mx0 mx1 my0 cy nx ny tone edge
            read -r mx0 mx1 my0 < <(pts "$TMP/$P-clean.jsonl" 48 67 | awk 'NR == 1 { x0 = x1 = $1; y0 = $2 }
                { if ($1 < x0) x0 = $1; if ($1 > x1) x1 = $1; if ($2 < y0) y0 = $2 } END { print x0, x1, y0 }')
            cy=$(pts "$TMP/$P-clean.jsonl" 8 8 | awk '{ print $2 }')
            read -r nx ny < <(pts "$TMP/$P-clean.jsonl" 28 28)
            tone=$(convert "$2" -crop "$(awk -v x="$nx" -v y="$ny" 'BEGIN { printf "9x9+%d+%d", x - 4, y - 4 }')" +repage \
                -scale '1x1!' -format '%[pixel:p{0,0}]' info:)
            edge=$(convert xc:"$tone" -modulate 55 -format '%[pixel:p{0,0}]' info:)  # a darker rim, so it shows
            convert "$2" -fill "$tone" -stroke "$edge" -strokewidth 2 -draw "$(awk -v x0="$mx0" -v x1="$mx1" -v y0="$my0" -v y1="$cy" 'BEGIN {
                rx = (x1 - x0) * 0.75; ry = (y1 - y0) * 0.62
                printf "ellipse %.0f,%.0f %.0f,%.0f 0,360", (x0 + x1) / 2, (y0 + y1) / 2 + 0.1 * (y1 - y0), rx, ry }')" "$3" ;;
        dark) convert "$2" +level 0%,10% "$3" ;;
        blur) convert "$2" -blur 0x8 "$3" ;;
        tiny) convert "$2" -resize 15% -resize "${w}x${h}!" "$3" ;;
        sidelight)  # full light left of the face's left jaw point, 3 % right of its right one, linear between
            local x0 x16
            x0=$(pts "$TMP/$P-clean.jsonl" 0 0 | awk '{ print $1 }')
            x16=$(pts "$TMP/$P-clean.jsonl" 16 16 | awk '{ print $1 }')
            convert "$2" \( -size "${w}x${h}" xc: -sparse-color Barycentric "$x0,0 white $x16,0 gray(3%)" \) \
                -compose multiply -composite "$3" ;;
        *) echo "make-failures: unknown case $1" >&2; exit 1 ;;
    esac
}

crop() {  # crop ANGLE W H: a square -crop geometry around the clean face (2.6 face boxes) in a W x H picture
    local b
    b=$(jq -r '.faces | max_by(.box[2] * .box[3]) | .box | map(tostring) | join(" ")' "$TMP/$P-ref.jsonl")
    awk -v b="$b" -v ang="$1" -v pw="$2" -v ph="$3" -v cw="$cw" -v ch="$ch" 'BEGIN {
        split(b, f, " "); t = ang * atan2(0, -1) / 180
        dx = f[1] + f[3] / 2 - (cw - 1) / 2; dy = f[2] + f[4] / 2 - (ch - 1) / 2
        x = cos(t) * dx - sin(t) * dy + (pw - 1) / 2; y = sin(t) * dx + cos(t) * dy + (ph - 1) / 2
        s = 2.6 * (f[3] > f[4] ? f[3] : f[4]); if (s > pw) s = pw; if (s > ph) s = ph; s = int(s)
        x = int(x - s / 2); y = int(y - s / 2)
        if (x < 0) x = 0; if (y < 0) y = 0; if (x + s > pw) x = pw - s; if (y + s > ph) y = ph - s
        printf "%dx%d+%d+%d", s, s, x, y }'
}

# compare CLEAN_JSONL CASE_JSONL ANGLE CLEAN_W CLEAN_H CASE_W CASE_H: one tab-separated line
# "faces matched conf mean jaw eyes mouth" (matched 0: no face near the clean one; conf: the face's score).
compare() {
    jq -rn --slurpfile c "$1" --slurpfile p "$2" --argjson ang "$3" \
        --argjson cw "$4" --argjson ch "$5" --argjson pw "$6" --argjson ph "$7" '
        def dist(a; b): ((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1])) | sqrt;
        def centroid: [(map(.[0]) | add / length), (map(.[1]) | add / length)];
        ($c[0].faces | max_by(.box[2] * .box[3]) | .landmarks) as $ref
        | dist($ref[36]; $ref[45]) as $iod
        | ($ang * (1 | atan) / 45) as $t | ($t | cos) as $co | ($t | sin) as $si
        # pixel (x, y) of the clockwise-rotated canvas back to the clean frame, both about their centres
        | def back: (.[0] - ($pw - 1) / 2) as $dx | (.[1] - ($ph - 1) / 2) as $dy
            | [$co * $dx + $si * $dy + ($cw - 1) / 2, -$si * $dx + $co * $dy + ($ch - 1) / 2];
          def err($i): [$i[] as $k | dist(.pts[$k]; $ref[$k])] | add / length * 100 / $iod;
          [$p[0].faces[] | {score, pts: [.landmarks[] | back]} | .off = dist(.pts | centroid; $ref | centroid)] as $faces
        | ($faces | min_by(.off)) as $m
        | if $m == null or $m.off > $iod then [($faces | length), 0, "", "", "", "", ""]
          else [($faces | length), 1, ($m.score * 100 | round / 100),
                ($m | err([range(0; 68)])), ($m | err([range(0; 17)])),
                ($m | err([range(36; 48)])), ($m | err([range(48; 68)]))]
            | .[3:] |= map(. * 10 | round / 10)
          end
        | @tsv'
}

echo "| portrait | case | faces | conf | mean % IOD | jaw | eyes | mouth | verdict |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---|"
for file in $PORTRAITS; do
    P=${file%.*}
    src="$SAMPLES/$file"
    [ -f "$src" ] || { echo "make-failures: no portrait $src (set SAMPLES=...)" >&2; exit 1; }
    read -r cw ch < <(identify -format '%w %h\n' "$src[0]")
    tiles=()
    for c in "${CASES[@]}"; do
        IFS='|' read -r name title angle <<<"$c"
        echo "make-failures: $P $name" >&2
        perturb "$name" "$src" "$TMP/$P-$name-in.png"
        track "$TMP/$P-$name-in.png" "$TMP/$P-$name"
        if [ "$name" = clean ]; then
            [ "$(jq '.faces | length' "$TMP/$P-clean.jsonl")" -gt 0 ] \
                || { echo "make-failures: no face found on the clean $file: nothing to compare with" >&2; exit 1; }
            cp "$TMP/$P-clean.jsonl" "$TMP/$P-ref.jsonl"
        fi
        read -r pw ph < <(identify -format '%w %h\n' "$TMP/$P-$name-in.png")
        IFS=$'\t' read -r faces matched conf mean jaw eyes mouth \
            < <(compare "$TMP/$P-ref.jsonl" "$TMP/$P-$name.jsonl" "$angle" "$cw" "$ch" "$pw" "$ph")
        if [ "$name" = clean ]; then
            verdict="reference"; caption="$title"$'\n'"$faces face(s), conf $conf"
        elif [ "$matched" = 0 ]; then
            verdict="no face found"; caption="$title"$'\n'"NO FACE FOUND"
            [ "$faces" -gt 0 ] && { verdict="no face found ($faces elsewhere)"; caption+=" ($faces elsewhere)"; }
            conf="–"; mean="–"; jaw="–"; eyes="–"; mouth="–"
        else
            verdict=$(awk -v m="$mean" 'BEGIN { print m < 5 ? "holds" : m < 10 ? "drifts" : "fails" }')
            caption="$title"$'\n'"moved $mean % IOD: $verdict"
        fi
        echo "| $P | $title | $faces | $conf | $mean | $jaw | $eyes | $mouth | $verdict |"
        # the tile: the tracker's annotated picture, cropped to the face so that the points can be seen
        convert "$TMP/$P-$name.png" -crop "$(crop "$angle" "$pw" "$ph")" +repage -resize "${TILE}x${TILE}" "$TMP/$P-$name-tile.png"
        tiles+=(-label "${caption//%/%%}" "$TMP/$P-$name-tile.png")  # a lone % would be a format escape
    done
    png="$OUT/failures-$P.png"
    montage "${FONT[@]}" -pointsize 13 -background white -title "$(basename "$MODEL") on $file: landmarks vs. its own clean answer" \
        "${tiles[@]}" -tile 4x -geometry "${TILE}x${TILE}+4+4" "$TMP/$P-montage.png"
    # a 256-colour palette keeps the photo montage small; the landmark colours survive it
    convert "$TMP/$P-montage.png" -strip -dither FloydSteinberg -colors 256 -define png:compression-level=9 "PNG8:$png"
    echo "$png $(( $(stat -c %s "$png") / 1024 )) KB" >&2
done
