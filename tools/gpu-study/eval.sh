#!/usr/bin/env bash
# Java evaluator on a study model: 300-W common and YouTube-Faces test, GT and YuNet boxes.
# Usage: tools/gpu-study/eval.sh MODEL.onnx OUT_DIR [gt|yunet ...]   (from the repo root; trainer jar built)
set -euo pipefail
model=${1:?model.onnx}; out=${2:?out dir}; shift 2
boxes=("${@:-gt yunet}"); [ $# -eq 0 ] && boxes=(gt yunet)
data=${DATA:-../shared/data}
mkdir -p "$out"
for b in "${boxes[@]}"; do
  java -jar trainer/target/trainer.jar eval --model "$model" --data "$data/300w" --split common --boxes "$b" \
       --threads 1 --json "$out/300w-common-$b.json" | grep -E "^(all|.*missed)" | sed "s/^/300w-common $b: /"
  java -jar trainer/target/trainer.jar eval --model "$model" --data "$data/ytf" --split test --boxes "$b" \
       --threads 1 --json "$out/ytf-test-$b.json" | grep -E "^(all|.*missed)" | sed "s/^/ytf-test $b: /"
done
