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
# A native crash of the JVM resumes from the latest checkpoint (below). The jar and its lib/ are copied next
# to the run first, so rebuilding the project does not pull the classes out from under a run. One PyTorch thread: on a shared 2-core machine more threads spin.
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
java_opts=(-Xmx6g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1
           "-XX:ErrorFile=$run/hs_err_pid%p.log")
# A JVM that dies in native code (exit 134, SIGSEGV seen twice in backward after 30 and 52 minutes, issue 14's
# session-14 runs) is resumed from its latest checkpoint, up to MAX_RESTARTS times: one lost part-epoch, not a
# stopped run. Stopping it by hand (kill PID: SIGTERM, 143) or a Java error (1) is final.
supervise() {
  local restarts=0 rc
  trap '' HUP # as nohup: the run outlives the terminal (the JVM leaves an ignored SIGHUP ignored)
  while true; do
    java "${java_opts[@]}" -jar "$run/bin/trainer.jar" "${args[@]}" &
    child=$!
    trap 'kill -TERM $child 2>/dev/null' TERM INT
    rc=0; wait $child || rc=$?
    # A trapped signal ends the first wait early: wait again for the trainer's own exit.
    if [ $rc -gt 128 ] && kill -0 $child 2>/dev/null; then rc=0; wait $child || rc=$?; fi
    trap - TERM INT
    [ $rc -eq 134 ] || [ $rc -eq 139 ] || return $rc
    [ -d "$run/checkpoints" ] && [ $restarts -lt "${MAX_RESTARTS:-5}" ] || return $rc
    restarts=$((restarts + 1))
    echo "$(date -u +%FT%TZ) trainer died in native code (exit $rc, see $run/hs_err_pid*.log); resuming from the latest checkpoint ($restarts of ${MAX_RESTARTS:-5})"
    args=(train --out "$run" --resume --no-progress)
  done
}
supervise >> "$run/train.log" 2>&1 < /dev/null &
disown
echo "training in the background (pid $!; kill $! stops it): tail -f $run/train.log; progress in $run/log.csv"
