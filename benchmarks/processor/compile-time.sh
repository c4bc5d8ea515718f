#!/usr/bin/env bash
# Compile time of generated @Model classes, with and without the DataFlow processor (issue 12, points 4 and 6).
# For each model count (default 10 100 500), runs three times, alternating the variants so that the machine's noise
# hits all alike, and prints medians in seconds of a fresh javac JVM: wall clock, and CPU time (user + system, from
# /usr/bin/time), which a loaded machine disturbs less than the wall clock:
#   plain      javac -proc:none       the model records alone (no processor)
#   full       javac with processor   the records plus everything the processor generates
#   proc-only  javac -proc:only       annotation processing alone (no class files)
#   own        the processor's own time inside the proc-only run (-Adataflow.timing=true); in parentheses the CPU
#              time of the processor's thread plus its renderer thread
#   api        javac -proc:none of the records and the sources the processor generates for them (copied from an
#              untimed proc-only run), as plain input: what compiling the generated public API costs, whatever made
#              it. api - plain is the floor of the added compile time.
#   floor      javac -proc:only with FilerFloorProcessor (next to this script) instead of DataFlow's: it writes the
#              very same sources and resources (copied from an untimed proc-only run) through javac's Filer, and
#              times itself the same way. Its own time is the floor of the processor's own time: javac's Filer
#              accepting 11 files per model, whatever writes them. ours = own - floor.
# Usage, from the repository root:
#   benchmarks/processor/compile-time.sh [COUNTS...]        e.g. benchmarks/processor/compile-time.sh 10 100 500
# Environment: RUNS (default 3), WORK (default /tmp/dataflow-compile-time), JAVAC_OPTS (extra javac options, such as
# -J-XX:StartFlightRecording=...), SKIP_BUILD=1 to reuse the jars already in target/, and BEFORE=DIR: another
# checkout (e.g. `git worktree add /tmp/before <commit>`) whose processor runs as the variants full-before and
# proc-only-before, alternated with this checkout's in the same runs (before/after figures under the same load).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(10 100 500)
runs=${RUNS:-3}
work=${WORK:-/tmp/dataflow-compile-time}
mkdir -p "$work"

build_classpath() {
  (cd "$1" && mvn -B -ntp -o -q -pl processor,runtime -am package dependency:build-classpath -DskipTests \
      -Dmdep.outputFile=target/compile-time.classpath -DincludeScope=compile)
}
if [ "${SKIP_BUILD:-}" != 1 ]; then
  # Offline, no install: the reactor builds the jars and writes each module's class path into its target/.
  build_classpath "$root"
  [ -z "${BEFORE:-}" ] || build_classpath "$BEFORE"
fi
processorpath="$root/processor/target/dataflow-processor-0.1.0-SNAPSHOT.jar:$(cat "$root/processor/target/compile-time.classpath")"
classpath="$root/runtime/target/dataflow-runtime-0.1.0-SNAPSHOT.jar:$(cat "$root/runtime/target/compile-time.classpath")"
variants=(plain full proc-only floor api)
if [ -n "${BEFORE:-}" ]; then
  before_processorpath="$BEFORE/processor/target/dataflow-processor-0.1.0-SNAPSHOT.jar:$(cat "$BEFORE/processor/target/compile-time.classpath")"
  before_classpath="$BEFORE/runtime/target/dataflow-runtime-0.1.0-SNAPSHOT.jar:$(cat "$BEFORE/runtime/target/compile-time.classpath")"
  variants=(plain full proc-only floor api full-before proc-only-before)
fi

floor_processor=$work/floor-processor
rm -rf "$floor_processor"
javac --release 17 -d "$floor_processor" "$root/benchmarks/processor/FilerFloorProcessor.java"

now() { date +%s.%N; }
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# run VARIANT N RUN: one javac; appends "N VARIANT seconds" (and "N own ms") to $work/times.
run() {
  local variant=$1 n=$2 src=$work/models-$2 out=$work/out-$1-$2 log=$work/log-$1-$2-$3
  rm -rf "$out"
  mkdir -p "$out/classes" "$out/generated"
  local cp=$classpath pp=$processorpath
  if [[ $variant == *-before ]]; then cp=$before_classpath pp=$before_processorpath; fi
  local opts=(--release 17 -encoding UTF-8 -cp "$cp" -d "$out/classes" -s "$out/generated")
  case $variant in
    plain) opts+=(-proc:none) ;;
    full*) opts+=(-processorpath "$pp" -Adataflow.timing=true) ;;
    proc-only*) opts+=(-proc:only -processorpath "$pp" -Adataflow.timing=true) ;;
    floor) opts+=(-proc:only -processorpath "$floor_processor" -processor FilerFloorProcessor
      "-Afloor.sources=$work/floor-input-$n/generated" "-Afloor.resources=$work/floor-input-$n/classes") ;;
  esac
  local sources=$work/sources-$n
  if [[ $variant == api ]]; then opts+=(-proc:none); sources=$work/api-sources-$n; fi
  local start end
  start=$(now)
  /usr/bin/time -f '%U %S' -o "$log.cpu" javac ${JAVAC_OPTS:-} "${opts[@]}" @"$sources" >"$log" 2>&1 \
    || { cat "$log" >&2; exit 1; }
  end=$(now)
  echo "$n $variant $(echo "$end - $start" | bc)" >>"$work/times"
  echo "$n $variant-cpu $(awk '{print $1 + $2}' "$log.cpu")" >>"$work/times"
  local own=
  if [[ $variant == proc-only* ]]; then own=own${variant#proc-only}; fi
  if [[ $variant == floor ]]; then own=floor-own; fi
  if [ -n "$own" ]; then
    # "...; total 6060.0 ms, thread CPU 4110.0 ms (and 2300.0 ms rendering on a thread of its own)": own CPU is both.
    local total cpu render
    total=$(grep ' timing: .*; total ' "$log" | tail -1)
    cpu=$(echo "$total" | sed -n 's/.*, thread CPU \([0-9.]*\) ms.*/\1/p')
    render=$(echo "$total" | sed -n 's/.*(and \([0-9.]*\) ms rendering.*/\1/p')
    echo "$n $own $(echo "$total" | sed -n 's/.*; total \([0-9.]*\) ms.*/\1/p')" >>"$work/times"
    echo "$n $own-cpu $(awk -v a="$cpu" -v b="${render:-0}" 'BEGIN { if (a != "") print a + b }')" >>"$work/times"
  fi
}

: >"$work/times"
for n in "${counts[@]}"; do
  rm -rf "$work/models-$n"
  "$root/benchmarks/processor/generate-models.sh" "$n" "$work/models-$n"
  find "$work/models-$n" -name '*.java' | sort >"$work/sources-$n"
  # The floor's input: what this checkout's processor writes for these models (an untimed run).
  run proc-only "$n" input
  rm -rf "$work/floor-input-$n"
  mv "$work/out-proc-only-$n" "$work/floor-input-$n"
  { cat "$work/sources-$n"; find "$work/floor-input-$n/generated" -name '*.java' | sort; } >"$work/api-sources-$n"
  grep -v "^$n " "$work/times" >"$work/times.kept" || true
  mv "$work/times.kept" "$work/times"
  for ((r = 1; r <= runs; r++)); do
    # Alternate the order from run to run.
    order=("${variants[@]}")
    if ! ((r % 2)); then order=(); for ((i = ${#variants[@]} - 1; i >= 0; i--)); do order+=("${variants[i]}"); done; fi
    for v in "${order[@]}"; do run "$v" "$n" "$r"; done
  done
done

m() { awk -v n="$1" -v v="$2" '$1 == n && $2 == v && $3 != "" {print $3}' "$work/times" | median; }
# s N VARIANT: the median of milliseconds in seconds, or - when there is none (an older processor without CPU time).
s() { local v; v=$(awk -v n="$1" -v v="$2" '$1 == n && $2 == v && $3 != "" {print $3 / 1000}' "$work/times" | median)
  if [ -n "$v" ]; then printf '%.2f' "$v"; else printf -- -; fi; }
echo "medians of $runs runs, seconds; wall clock, then CPU (user + system; for own and floor: the processor's threads)"
echo "in parentheses; ours = own - floor; api-added = api - plain, the added time's floor"
printf '%-10s %-13s %-14s %-14s %-14s %-14s %-12s %-12s %-12s %s\n' models plain full added api-added proc-only own \
  floor ours generated
for n in "${counts[@]}"; do
 for suffix in "" ${BEFORE:+-before}; do
  own=$(s "$n" "own$suffix") own_cpu=$(s "$n" "own$suffix-cpu")
  floor=$(s "$n" floor-own) floor_cpu=$(s "$n" floor-own-cpu)
  ours="$(printf '%.2f' "$(echo "$own - $floor" | bc)")"
  if [ "$own_cpu" != - ]; then ours="$ours ($(printf '%.2f' "$(echo "$own_cpu - $floor_cpu" | bc)"))"; fi
  files=$(find "$work/out-full$suffix-$n/generated" -name '*.java' | wc -l)
  printf '%-10s %-13s %-14s %-14s %-14s %-14s %-12s %-12s %-12s %s files\n' "$n${suffix:+ before}" \
    "$(printf '%.2f (%.2f)' "$(m "$n" plain)" "$(m "$n" plain-cpu)")" \
    "$(printf '%.2f (%.2f)' "$(m "$n" "full$suffix")" "$(m "$n" "full$suffix-cpu")")" \
    "$(printf '%.2f (%.2f)' "$(echo "$(m "$n" "full$suffix") - $(m "$n" plain)" | bc)" \
      "$(echo "$(m "$n" "full$suffix-cpu") - $(m "$n" plain-cpu)" | bc)")" \
    "$(printf '%.2f (%.2f)' "$(echo "$(m "$n" api) - $(m "$n" plain)" | bc)" \
      "$(echo "$(m "$n" api-cpu) - $(m "$n" plain-cpu)" | bc)")" \
    "$(printf '%.2f (%.2f)' "$(m "$n" "proc-only$suffix")" "$(m "$n" "proc-only$suffix-cpu")")" \
    "$own ($own_cpu)" "$floor ($floor_cpu)" "$ours" "$files"
 done
done
