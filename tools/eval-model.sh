#!/usr/bin/env bash
# Regenerates a model card's accuracy numbers on 300-W common and YouTube-Faces test:
#   gt        boxes from the ground-truth points (the papers' protocol)
#   haar      OpenCV's Haar cascade through its fitted calibration
#   yunet     the tracker's default detector (the packaged YuNet, with its roll search) through its calibration
#   tracking  YuNet box, then one pass cropped from the first pass's points (what the tracker does on
#             every frame after the first; before 2026-12-02 this column used the Haar box)
#   *-flip    the same with flip test-time augmentation (--flip / tracker --flip-test; 2x inference)
#   gt-occ30  gt boxes with 30% of every face box painted over (eval --occlude 0.3: the same patches for every model)
# Every row says --flip or --no-flip, so the rows mean the same for a model that flip-tests by default
# (trainer flip-test: accurate) and for one that does not.
# Usage: tools/eval-model.sh models/fast.onnx [OUT_DIR]   (after mvn -DskipTests package)
set -euo pipefail
model=${1:?model.onnx}
out=${2:-target/eval/$(basename "$model" .onnx)}
data=${DATA:-../shared/data}
mkdir -p "$out"
run() {  # run NAME ARGS...: both test sets
  local name=$1; shift
  java -jar trainer/target/trainer.jar eval --model "$model" --data "$data/300w" --split common --threads 2 \
       --json "$out/300w-common-$name.json" "$@" | grep -E "^(all|.*missed)"
  java -jar trainer/target/trainer.jar eval --model "$model" --data "$data/ytf" --split test --threads 2 \
       --json "$out/ytf-test-$name.json" "$@" | grep -E "^(all|.*missed)"
}
run gt --boxes gt --no-flip
run haar --boxes detector --detector haar --no-flip
run yunet --boxes detector --detector yunet --no-flip  # the packaged model (models/yunet/)
run tracking --boxes detector --detector yunet --refine 1 --no-flip
run gt-flip --boxes gt --flip
run haar-flip --boxes detector --detector haar --flip
run yunet-flip --boxes detector --detector yunet --flip
run tracking-flip --boxes detector --detector yunet --refine 1 --flip
run gt-occ30 --boxes gt --no-flip --occlude 0.3
python3 - "$out" <<'PY'
import json, sys, os
out = sys.argv[1]
print("| set | boxes | faces | detector misses | NME (io) | median | NME (ip) | AUC@0.08 | FR@0.08 |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for s in ("300w-common", "ytf-test"):
    for b in ("gt", "haar", "yunet", "tracking", "gt-flip", "haar-flip", "yunet-flip", "tracking-flip", "gt-occ30"):
        d = json.load(open(os.path.join(out, f"{s}-{b}.json")))
        miss = d.get("detector_misses", "-")
        print(f"| {s} | {b} | {d['faces']} | {miss} | {100*d['nme']:.2f}% | {100*d['nme_median']:.2f}% | "
              f"{100*d.get('nme_inter_pupil', float('nan')):.2f}% | {d['auc08']:.3f} | {100*d['fr08']:.1f}% |")
PY
