#!/usr/bin/env bash
# Replay benchmark: the full pipeline over a fixed, seeded input (30% CloudTrail, 70% flow records), at each
# parallelism and state backend given, next to the parsing limit of the same input measured in the same run.
# For each run it reports the whole-run throughput (cluster start and JIT warm-up included), the steady
# throughput after the first 30 s of reading records, and records per CPU-second of the whole process (every thread), which is the
# honest per-core figure: parallelism 1 still runs sources, detectors, GC and the JIT on other threads.
#
#   bench/replay-bench.sh [RECORDS] [PARALLELISMS] [BACKENDS]      e.g.  bench/replay-bench.sh 1000000 "1 2" "heap rocksdb"
#
# REPEATS=N runs each configuration N times (the spread between runs on a shared machine is often 10-15%).
# BENCH_INPUT=DIR replays an input generated earlier (with the same record count and seed 42).
# REPLAY_JAVA_OPTS="..." are the replays' JVM options (not the parse limit's); by default those `./trailwatch replay`
# runs with, e.g. REPLAY_JAVA_OPTS="-Xmx2g -XX:+UseG1GC" for the JVM's default collector instead.
# WARM_UP=DIR (an input made by `trailwatch generate`) also measures each configuration in a warm JVM: right after
# the usual replay, a process that first replays DIR and then the input (`WarmReplay`), as a job that has run for
# a few minutes is; a fresh process spends much of its first minute in the JIT compiler.
#
# Needs `mvn -B -DskipTests package` first (jobs/target/trailwatch.jar, bench/target/benchmarks.jar).
set -euo pipefail
cd "$(dirname "$0")/.."
records="${1:-1000000}"
parallelisms="${2:-1 2}"
backends="${3:-heap}"
input="${BENCH_INPUT:-/tmp/trailwatch-bench-$records}"
jar=jobs/target/trailwatch.jar
replay_java_opts="${REPLAY_JAVA_OPTS:--Xmx2g -XX:+UseParallelGC}"

if [ ! -f "$input/ownership.csv" ]; then
  java -jar "$jar" generate --out "$input" --events "$records" --seed 42
fi
# Before each measurement the input is read once into the page cache: a replay whose files come from disk measures the disk,
# and a shared machine may reclaim cached files between runs (this project's CI machine keeps only a few GB).
warm_input() {
  find "$input/logs" ${WARM_UP:+"$WARM_UP/logs"} -type f -exec cat {} + > /dev/null
}

# Prints one configuration's figures from a replay summary (standard error of `trailwatch replay`).
report() {
  local label="$1" summary="$2"
  throughput="$(grep -Eo 'throughput +[0-9,]+ records/s \([^)]*\)' <<<"$summary" | head -n 1)"
  steady="$(grep -Eo 'steady throughput +[0-9,]+ records/s' <<<"$summary" | grep -Eo '[0-9,]+ records/s' || echo 'n/a (run too short)')"
  per_cpu="$(grep -Eo '[0-9,]+ records per CPU-second' <<<"$summary" || echo 'n/a')"
  heap="$(grep -Eo 'peak heap +[0-9,]+ MB' <<<"$summary")"
  alerts="$(grep -Eo '^  alerts +[0-9,]+' <<<"$summary" | tr -s ' ')"
  echo "$label: whole run $throughput; steady $steady, $per_cpu; $heap,$alerts"
}

failed() {
  echo "$1 failed:" >&2
  echo "$2" >&2
  exit 1
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -n 1); replays run with $replay_java_opts"
warm_input
java -cp bench/target/benchmarks.jar io.trailwatch.bench.ParseLimit "$input/logs" "$records" 3
for backend in $backends; do
  for p in $parallelisms; do
   for run in $(seq "${REPEATS:-1}"); do
    warm_input
    summary="$(java $replay_java_opts -jar "$jar" replay --parallelism "$p" --state-backend "$backend" \
        --ownership "$input/ownership.csv" --out /dev/null "$input/logs" 2>&1 >/dev/null)" \
      || failed "replay p=$p backend=$backend" "$summary"
    report "replay p=$p backend=$backend run $run" "$summary"
    if [ -n "${WARM_UP:-}" ]; then
      warm_input
      summary="$(java $replay_java_opts -cp bench/target/benchmarks.jar io.trailwatch.bench.WarmReplay "$WARM_UP" "$input" "$p" "$backend" \
          2>&1 >/dev/null)" || failed "warm-JVM replay p=$p backend=$backend" "$summary"
      report "replay p=$p backend=$backend run $run, warm JVM" "$summary"
    fi
   done
  done
done
