#!/usr/bin/env bash
# The one device command of the study (run from the repo root on the GPU machine, .gpustudy carried):
# three runs of train.py side by side on one GPU, cosine schedules of at most 30, at most 60 and as
# many epochs as fit in BUDGET seconds. Results land in $OUT/{e30,e60,long}/{log.jsonl,model.onnx}.
BUDGET=${BUDGET:-380}
export PYTHONUNBUFFERED=1
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
python3 -c "import torch, onnxruntime; print('torch', torch.__version__, 'ort', onnxruntime.__version__)"
pids=()
for r in e30:30 e60:60 long:400; do
  name=${r%%:*}; max=${r##*:}
  python3 tools/gpu-study/train.py --data .gpustudy/train.npz --out "$OUT/$name" --epochs 0 --max-epochs "$max" \
      --budget-s "$BUDGET" --name "unet-small-gpu-$name" > /dev/null 2>> "$OUT/stderr.txt" &
  pids+=($!)
done
(while sleep 30; do nvidia-smi --query-gpu=utilization.gpu,memory.used --format=csv,noheader; tail -qn1 "$OUT"/*/log.jsonl | cut -c1-200; done) &
mon=$!
wait "${pids[@]}"
kill $mon
tail -qn2 "$OUT"/*/log.jsonl
grep -v Warning "$OUT/stderr.txt" | tail -20
