#!/usr/bin/env bash
# Before/after replay benchmark: two builds of trailwatch.jar replay the same seeded input, alternating
# (A B B A A B ...), so that whatever else the machine does falls on both alike. Prints each run's steady throughput
# and records per CPU-second of the whole process, then the median of each and their ratio (after / before).
#
#   bench/replay-ab.sh BEFORE.jar AFTER.jar [RECORDS] [PAIRS] [PARALLELISM]     e.g. bench/replay-ab.sh /tmp/old.jar jobs/target/trailwatch.jar 4000000 3 1
#
# BENCH_INPUT=DIR replays an input generated earlier (same record count, seed 42). REPLAY_JAVA_OPTS as in
# replay-bench.sh (default: the options ./trailwatch replay runs with). BEFORE_ARGS and AFTER_ARGS are more replay
# options for each side, e.g. the same jar twice with AFTER_ARGS="--rules DIR" measures what rule files cost.
set -euo pipefail
cd "$(dirname "$0")/.."
before="$1"
after="$2"
records="${3:-4000000}"
pairs="${4:-3}"
parallelism="${5:-1}"
input="${BENCH_INPUT:-/tmp/trailwatch-bench-$records}"
replay_java_opts="${REPLAY_JAVA_OPTS:--Xmx2g -XX:+UseParallelGC}"
before_args="${BEFORE_ARGS:-}"
after_args="${AFTER_ARGS:-}"

if [ ! -f "$input/ownership.csv" ]; then
  java -jar "$after" generate --out "$input" --events "$records" --seed 42
fi

# One replay; prints "steady per-CPU-second alerts" (steady "n/a" when the run was too short for it).
replay() {
  find "$input/logs" -type f -exec cat {} + > /dev/null
  local summary
  # shellcheck disable=SC2086 # the extra options are words on purpose
  summary="$(java $replay_java_opts -jar "$1" replay --parallelism "$parallelism" $2 \
      --ownership "$input/ownership.csv" --out /dev/null "$input/logs" 2>&1 >/dev/null)" \
    || { echo "replay with $1 failed:" >&2; echo "$summary" >&2; exit 1; }
  local steady per_cpu alerts
  steady="$(grep -Eo 'steady throughput +[0-9,]+' <<<"$summary" | grep -Eo '[0-9,]+$' | tr -d , || echo n/a)"
  per_cpu="$(grep -Eo '[0-9,]+ records per CPU-second' <<<"$summary" | grep -Eo '^[0-9,]+' | tr -d ,)"
  alerts="$(grep -Eo '^  alerts +[0-9,]+' <<<"$summary" | grep -Eo '[0-9,]+$')"
  echo "$steady $per_cpu $alerts"
}

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1); $records records, parallelism $parallelism, $replay_java_opts"
[ -z "$before_args$after_args" ] || echo "before: $before_args; after: $after_args"
a_cpu=(); b_cpu=()
run_before() {
  read -r s c n < <(replay "$before" "$before_args")
  echo "pair $1 before: steady $s records/s, $c records per CPU-second, $n alerts"
  a_cpu+=("$c")
}
run_after() {
  read -r s c n < <(replay "$after" "$after_args")
  echo "pair $1 after:  steady $s records/s, $c records per CPU-second, $n alerts"
  b_cpu+=("$c")
}
# odd pairs run before first, even pairs after first (A B B A ...), so that a machine that slows down or speeds
# up over the series weighs on both sides alike
for i in $(seq "$pairs"); do
  if [ $((i % 2)) -eq 1 ]; then run_before "$i"; run_after "$i"; else run_after "$i"; run_before "$i"; fi
done
a="$(printf '%s\n' "${a_cpu[@]}" | median)"
b="$(printf '%s\n' "${b_cpu[@]}" | median)"
echo "median records per CPU-second: before $a, after $b, after/before $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", b / a}')"
