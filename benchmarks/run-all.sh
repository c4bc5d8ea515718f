#!/usr/bin/env bash
# Every benchmark of issue 12 in one run, all tables and charts into one results directory, with the machine they ran
# on. From the repository root:
#
#   benchmarks/run-all.sh                          # full sizes, results in benchmarks/target/results
#   benchmarks/run-all.sh --results benchmarks/results
#   benchmarks/run-all.sh --quick                  # small sizes, a few minutes: to check that everything runs
#
# Sizes: --calls N (single-row calls per side, default 5000) --warmup N (at least, 5000) --seed N (rows per session, 2000)
#        --bulk N (rows, 100000) --stream N (rows of the streamed bulk load, every side, 1000000)
#        --update N (rows, 100000) --rounds N (bulk rounds, 3)
#        --cold N (fresh JVMs per side, 9) --jmh "ARGS" (JMH options for RuntimeOverheadBenchmark)
#        --no-build (use the jar as it is)
set -euo pipefail
cd "$(dirname "$0")/.."

results=benchmarks/target/results
calls=5000 warmup=5000 seed=2000 bulk=100000 stream=1000000 update=100000 rounds=3 cold=9
jmh="-f 1 -wi 2 -i 3 -w 2s -r 2s"
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --results) results=$2; shift ;;
    --calls) calls=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --seed) seed=$2; shift ;;
    --bulk) bulk=$2; shift ;;
    --stream) stream=$2; shift ;;
    --update) update=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    --cold) cold=$2; shift ;;
    --jmh) jmh=$2; shift ;;
    --no-build) build=0 ;;
    --quick) calls=300 warmup=200 seed=500 bulk=10000 stream=50000 update=10000 rounds=1 cold=1
             jmh="-f 1 -wi 1 -i 1 -w 1s -r 1s" ;;
    *) echo "unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
  shift
done

started=$(date +%s)
mkdir -p "$results"
results=$(cd "$results" && pwd)
jar=benchmarks/target/benchmarks.jar
if [ "$build" = 1 ]; then
  mvn -q -pl benchmarks -am package -DskipTests
fi
run() { # name, then the java arguments; the table on stdout goes to the terminal and to <name>.txt
  local name=$1; shift
  echo "== $name ($(date -u +%H:%M:%S))" >&2
  ${pin:-} java -Ddataflow.results="$results" "$@" | tee "$results/$name.txt"
}
# The single-row comparison runs twice: with the JVM (and the PostgreSQL it starts) pinned to one processor, where
# every microsecond of client work shows in the round trip, and as the scheduler places them. See the README.
pinned=
if command -v taskset >/dev/null && [ "$(nproc)" -gt 1 ]; then pinned="taskset -c 0"; fi

{
  echo "# Machine"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- nproc: $(nproc)"
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "- RAM: $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo)"
  echo "- Java: $(java -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "- PostgreSQL: $(java -cp "$jar" dev.dataflow.benchmarks.ServerVersion 2>/dev/null | tail -1)"
  echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- sizes: single-row $calls calls after at least $warmup warm-up calls on $seed rows per session (pinned:"
  echo "  ${pinned:-not available}, then unpinned); bulk $bulk rows,"
  echo "  $rounds rounds; bulk streamed (every side) $stream rows, 1 round under -Xmx256m; bulk update $update rows;"
  echo "  cold start $cold JVMs per side"
} > "$results/machine.md"

pin=$pinned run single-row -cp "$jar" dev.dataflow.benchmarks.SingleRowComparison "$calls" "$warmup" "$seed" single-row
run single-row-unpinned -cp "$jar" dev.dataflow.benchmarks.SingleRowComparison "$calls" "$warmup" "$seed" \
  single-row-unpinned
run bulk-load -cp "$jar" dev.dataflow.benchmarks.BulkLoadComparison "$bulk" "$rounds"
run bulk-load-stream -Xmx256m -cp "$jar" dev.dataflow.benchmarks.BulkLoadComparison "$stream" 1 --stream
run bulk-update -cp "$jar" dev.dataflow.benchmarks.BulkUpdateComparison "$update" "$rounds"
run bulk-upsert -cp "$jar" dev.dataflow.benchmarks.BulkUpsertComparison "$bulk" "$rounds"
run cold-start -cp "$jar" dev.dataflow.benchmarks.ColdStartComparison "$cold"
# shellcheck disable=SC2086 # the JMH options are words
run runtime-overhead -jar "$jar" RuntimeOverheadBenchmark $jmh -rf json -rff "$results/runtime-overhead.json"

elapsed=$(( $(date +%s) - started ))
{
  echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- total time: $((elapsed / 60)) min $((elapsed % 60)) s"
} >> "$results/machine.md"
cat "$results/machine.md"
echo "all results in $results"
