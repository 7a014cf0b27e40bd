#!/usr/bin/env bash
# Bounded fuzzing of the parsers a user's files reach (core's Jazzer @FuzzTest targets, issue 16).
#
#   tools/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]      default: 20 s each, every target
#   tools/fuzz.sh 600 imglab                            a longer run on one target
#
# Targets: pts ytf imglab asf jsonl csv contract onnx-bytes onnx-shapes. Each fuzzes in its own JVM
# (Jazzer fuzzes one @FuzzTest per JVM) with JAZZER_FUZZ=1 and libFuzzer's -max_total_time.
# The corpus grows in core/target/fuzz/corpus/TARGET (kept between runs until 'mvn clean'); a
# crashing input is written by Jazzer into the target's regression folder under
# core/src/test/resources/dev/facemark/core/.../*FuzzTestInputs/METHOD/, where plain
# 'mvn test' replays it from then on. Logs: core/target/fuzz/TARGET.log. Exit status 1 when
# any target found something. MVN_FLAGS (e.g. -o) is passed to the one Maven call that compiles
# the tests and writes the test classpath (FUZZ_NO_BUILD=1 reuses the last build); FUZZ_JOBS=2
# fuzzes two targets at a time.
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A TARGETS=(
  [pts]=dev.facemark.core.data.PtsFileFuzzTest#pts
  [ytf]=dev.facemark.core.data.YtfCsvFuzzTest#csv
  [imglab]=dev.facemark.core.data.ImglabXmlFuzzTest#xml
  [asf]=dev.facemark.core.data.ImmAsfFuzzTest#asf
  [jsonl]=dev.facemark.core.io.LandmarkJsonlFuzzTest#jsonl
  [csv]=dev.facemark.core.io.LandmarkCsvFuzzTest#csv
  [contract]=dev.facemark.core.model.ModelContractFuzzTest#metadata
  [onnx-bytes]=dev.facemark.core.runtime.OnnxModelFuzzTest#onnxBytes
  [onnx-shapes]=dev.facemark.core.runtime.OnnxModelFuzzTest#graphShapes
)
ORDER=(pts ytf imglab asf jsonl csv contract onnx-bytes onnx-shapes)

secs=20
if [[ $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then secs=$1; shift; fi
selected=("$@")
[[ ${#selected[@]} -eq 0 ]] && selected=("${ORDER[@]}")
for t in "${selected[@]}"; do
  [[ -n ${TARGETS[$t]:-} ]] || { echo "unknown fuzz target '$t'; targets: ${ORDER[*]}" >&2; exit 2; }
done

out=core/target/fuzz
mkdir -p "$out"
if [[ -z ${FUZZ_NO_BUILD:-} || ! -f $out/classpath.txt ]]; then
  # shellcheck disable=SC2086
  ${MVN:-mvn} -B -q ${MVN_FLAGS:-} -pl core -DskipTests test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz/classpath.txt
fi
cp="target/test-classes:target/classes:$(cat "$out/classpath.txt")"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
marker=$out/.started
touch "$marker"

# One target: fuzz it in its own JVM, leave a one-line result in $out/TARGET.result.
fuzz_one() {
  local t=$1 t0=$SECONDS rc runs
  mkdir -p "$out/corpus/$t"
  set +e
  # The fuzz JVM: 2 GB heap, so a reader that allocates what a header declares fails as an
  # OutOfMemoryError finding; -timeout: an input running 30 s is a hang finding; the outer
  # timeout catches a JVM that hangs outside libFuzzer's watchdog.
  (cd core && JAZZER_FUZZ=1 timeout $((secs + 180)) "$java" -Xmx2g -XX:+EnableDynamicAgentLoading -Djdk.attach.allowAttachSelf=true \
      -Dfacemark.root=.. \
      -Djazzer.internal.arg.0=fuzz \
      -Djazzer.internal.arg.1="target/fuzz/corpus/$t" \
      -Djazzer.internal.arg.2=-max_total_time="$secs" \
      -Djazzer.internal.arg.3=-timeout=30 \
      -cp "$cp" dev.facemark.core.FuzzMain "${TARGETS[$t]}") >"$out/$t.log" 2>&1
  rc=$?
  set -e
  runs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$out/$t.log" | tail -1 | awk '{print $2}' || true)
  if [[ $rc -eq 0 ]]; then
    printf 'fuzz %-12s ok       %4d s  %s runs\n' "$t" $((SECONDS - t0)) "${runs:-?}" | tee "$out/$t.result"
  else
    { printf 'fuzz %-12s FINDING  %4d s  (exit %d; log %s)\n' "$t" $((SECONDS - t0)) "$rc" "$out/$t.log"
      grep -m1 -E '^FAILED|== Java Exception' "$out/$t.log" | cut -c1-300 || true; } | tee "$out/$t.result"
  fi
}

# FUZZ_JOBS targets at a time (default 1); 2 on a machine with 2 free cores halves the wall time.
jobs=${FUZZ_JOBS:-1}
start=$SECONDS
rm -f "$out"/*.result
running=0
for t in "${selected[@]}"; do
  if [[ $running -ge $jobs ]]; then wait -n || true; running=$((running - 1)); fi
  fuzz_one "$t" &
  running=$((running + 1))
done
wait
failed=()
for t in "${selected[@]}"; do grep -q FINDING "$out/$t.result" 2>/dev/null && failed+=("$t"); done

new=$(find core/src/test/resources -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) -newer "$marker" 2>/dev/null || true)
if [[ -n $new ]]; then
  echo "inputs saved as regression inputs (fix the reader, give each a telling name, commit it):"
  echo "$new" | sed 's/^/  /'
fi
echo "fuzzing: ${#selected[@]} targets, ${secs} s each, $((SECONDS - start)) s in all; ${#failed[@]} with findings${failed:+: ${failed[*]}}"
[[ ${#failed[@]} -eq 0 ]]
