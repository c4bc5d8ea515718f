#!/usr/bin/env bash
# Compile time of generated @Model classes, with and without the DataFlow processor (issue 12, points 4 and 6).
# For each model count (default 10 100 500), runs three times, alternating the variants so that the machine's noise
# hits all alike, and prints medians (seconds, wall clock of a fresh javac JVM):
#   plain      javac -proc:none       the model records alone (no processor)
#   full       javac with processor   the records plus everything the processor generates
#   proc-only  javac -proc:only       annotation processing alone (no class files)
#   own        the processor's own time inside the proc-only run (-Adataflow.timing=true)
# Usage, from the repository root:
#   benchmarks/processor/compile-time.sh [COUNTS...]        e.g. benchmarks/processor/compile-time.sh 10 100 500
# Environment: RUNS (default 3), WORK (default /tmp/dataflow-compile-time), JAVAC_OPTS (extra javac options, such as
# -J-XX:StartFlightRecording=...), SKIP_BUILD=1 to reuse the jars already in target/.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(10 100 500)
runs=${RUNS:-3}
work=${WORK:-/tmp/dataflow-compile-time}
mkdir -p "$work"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  # Offline, no install: the reactor builds the jars and writes each module's class path into its target/.
  (cd "$root" && mvn -B -ntp -o -q -pl processor,runtime -am package dependency:build-classpath -DskipTests \
      -Dmdep.outputFile=target/compile-time.classpath -DincludeScope=compile)
fi
processorpath="$root/processor/target/dataflow-processor-0.1.0-SNAPSHOT.jar:$(cat "$root/processor/target/compile-time.classpath")"
classpath="$root/runtime/target/dataflow-runtime-0.1.0-SNAPSHOT.jar:$(cat "$root/runtime/target/compile-time.classpath")"

now() { date +%s.%N; }
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# run VARIANT N RUN: one javac; appends "N VARIANT seconds" (and "N own ms") to $work/times.
run() {
  local variant=$1 n=$2 src=$work/models-$2 out=$work/out-$1-$2 log=$work/log-$1-$2-$3
  rm -rf "$out"
  mkdir -p "$out/classes" "$out/generated"
  local opts=(--release 17 -encoding UTF-8 -cp "$classpath" -d "$out/classes" -s "$out/generated")
  case $variant in
    plain) opts+=(-proc:none) ;;
    full) opts+=(-processorpath "$processorpath" -Adataflow.timing=true) ;;
    proc-only) opts+=(-proc:only -processorpath "$processorpath" -Adataflow.timing=true) ;;
  esac
  local start end
  start=$(now)
  javac ${JAVAC_OPTS:-} "${opts[@]}" @"$work/sources-$n" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
  end=$(now)
  echo "$n $variant $(echo "$end - $start" | bc)" >>"$work/times"
  if [ "$variant" = proc-only ]; then
    echo "$n own $(sed -n 's/.*DataFlow timing: .*; total \([0-9.]*\) ms.*/\1/p' "$log" | tail -1)" >>"$work/times"
  fi
}

: >"$work/times"
for n in "${counts[@]}"; do
  rm -rf "$work/models-$n"
  "$root/benchmarks/processor/generate-models.sh" "$n" "$work/models-$n"
  find "$work/models-$n" -name '*.java' | sort >"$work/sources-$n"
  for ((r = 1; r <= runs; r++)); do
    # Alternate the order from run to run.
    if ((r % 2)); then order=(plain full proc-only); else order=(proc-only full plain); fi
    for v in "${order[@]}"; do run "$v" "$n" "$r"; done
  done
done

printf '%-7s %10s %10s %10s %10s %12s %14s\n' models plain_s full_s added_s proc-only_s own_s generated
for n in "${counts[@]}"; do
  p=$(awk -v n="$n" '$1 == n && $2 == "plain" {print $3}' "$work/times" | median)
  f=$(awk -v n="$n" '$1 == n && $2 == "full" {print $3}' "$work/times" | median)
  o=$(awk -v n="$n" '$1 == n && $2 == "proc-only" {print $3}' "$work/times" | median)
  own=$(awk -v n="$n" '$1 == n && $2 == "own" {print $3 / 1000}' "$work/times" | median)
  files=$(find "$work/out-full-$n/generated" -name '*.java' | wc -l)
  printf '%-7s %10.2f %10.2f %10.2f %10.2f %12.2f %9s files\n' "$n" "$p" "$f" "$(echo "$f - $p" | bc)" "$o" "$own" "$files"
done
