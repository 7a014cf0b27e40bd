#!/usr/bin/env bash
# Regenerates a model card's accuracy numbers: 300-W common and YouTube-Faces test, ground-truth and
# detector boxes. Usage: tools/eval-model.sh models/fast.onnx [OUT_DIR]   (after mvn -DskipTests package)
set -euo pipefail
model=${1:?model.onnx}
out=${2:-target/eval/$(basename "$model" .onnx)}
data=${DATA:-../shared/data}
mkdir -p "$out"
for boxes in gt detector; do
  java -jar trainer/target/trainer.jar eval --model "$model" --data "$data/300w" --split common \
       --boxes "$boxes" --threads 2 --json "$out/300w-common-$boxes.json"
  java -jar trainer/target/trainer.jar eval --model "$model" --data "$data/ytf" --split test \
       --boxes "$boxes" --threads 2 --json "$out/ytf-test-$boxes.json"
done
# Tracking mode: detector box, then one pass cropped from the first pass's points (what the tracker
# does on every frame after the first).
java -jar trainer/target/trainer.jar eval --model "$model" --data "$data/300w" --split common \
     --boxes detector --refine 1 --threads 2 --json "$out/300w-common-tracking.json"
java -jar trainer/target/trainer.jar eval --model "$model" --data "$data/ytf" --split test \
     --boxes detector --refine 1 --threads 2 --json "$out/ytf-test-tracking.json"
python3 - "$out" <<'PY'
import json, sys, os
out = sys.argv[1]
print("| set | boxes | faces | detector misses | NME (io) | median | NME (ip) | AUC@0.08 | FR@0.08 |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for s in ("300w-common", "ytf-test"):
    for b in ("gt", "detector", "tracking"):
        d = json.load(open(os.path.join(out, f"{s}-{b}.json")))
        miss = d.get("detector_misses", "-")
        print(f"| {s} | {b} | {d['faces']} | {miss} | {100*d['nme']:.2f}% | {100*d['nme_median']:.2f}% | "
              f"{100*d.get('nme_inter_pupil', float('nan')):.2f}% | {d['auc08']:.3f} | {100*d['fr08']:.1f}% |")
PY
