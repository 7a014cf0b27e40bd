#!/usr/bin/env bash
# Training throughput, DJL (the trainer's own blocks) against PyTorch on the same layer spec, one thread each,
# interleaved so both see the same machine. Usage: tools/bench/train-throughput.sh [ARCH[:k=v]] [BATCH] [STEPS] [ROUNDS]
# Needs: mvn -B -q -DskipTests package; python3 with torch (pip install torch: the CPU build).
set -euo pipefail
cd "$(dirname "$0")/../.."
arch=${1:-fast}; batch=${2:-32}; steps=${3:-15}; rounds=${4:-2}
cp="trainer/target/trainer.jar:trainer/target/lib/*"
spec=$(mktemp --suffix=.json)
java -cp "$cp" dev.facemark.trainer.bench.LayerSpecJson "$arch" 2>/dev/null > "$spec"
export OMP_NUM_THREADS=1
export GLIBC_TUNABLES=glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=4294967295
for r in $(seq "$rounds"); do
  echo -n "djl: "; java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
      -cp "$cp" dev.facemark.trainer.bench.TrainThroughput "$arch" "$batch" "$steps" 2>/dev/null | tail -1
  python3 tools/bench/torch_throughput.py "$spec" --batch "$batch" --steps "$steps"
  python3 tools/bench/torch_throughput.py "$spec" --batch "$batch" --steps "$steps" --channels-last --fused
done
rm -f "$spec"
