#!/usr/bin/env bash
# Starts (or resumes) a long training run in the background, detached from the shell, so it survives
# the terminal and can be continued in a later session: the run folder keeps the checkpoints.
#
#   tools/train-background.sh RUN_DIR [train options...]     # first start: the full train options
#   tools/train-background.sh RUN_DIR                         # later: resume from the latest checkpoint
#   tools/train-background.sh RUN_DIR --epochs 40             # resume and change the length
#
# Example (the accurate-model candidate, about 11 min an epoch on one core here):
#   tools/train-background.sh runs/unet-small --arch unet --arch-option variant=small --data 300w,ytf \
#       --epochs 60 --batch 16 --lr 1e-3 --optimizer adamw --loss l1 --wd 1e-4 --seed 42 --patience 20
#
# The jar and its lib/ are copied next to the run first, so rebuilding the project does not pull the
# classes out from under a run. One PyTorch thread: on a shared 2-core machine more threads spin.
set -euo pipefail
cd "$(dirname "$0")/.."
run=${1:?RUN_DIR}; shift
[ -f trainer/target/trainer.jar ] || mvn -B -q -DskipTests -pl trainer -am package
mkdir -p "$run/bin"
cp -r trainer/target/trainer.jar trainer/target/lib "$run/bin/"
if [ -d "$run/checkpoints" ]; then
  args=(train --out "$run" --resume --no-progress "$@")
else
  args=(train --out "$run" --threads 1 --workers 1 --no-progress "$@")
fi
export OMP_NUM_THREADS=1
# The allocator that keeps freed memory (see core KeptMemory), set here so the trainer needs no second JVM.
export GLIBC_TUNABLES=glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=4294967295
nohup java -Xmx6g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
      -jar "$run/bin/trainer.jar" "${args[@]}" >> "$run/train.log" 2>&1 &
echo "training in the background (pid $!): tail -f $run/train.log; progress in $run/log.csv"
