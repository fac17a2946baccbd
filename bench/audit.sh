#!/usr/bin/env bash
# Benchmark of `nmaudit audit` on a generated practice, with a yardstick measured in the same run.
#
#   bench/audit.sh [1m|10m|PATIENTS] [extra audit options...]
#   NMAUDIT_MAX_HEAP=2g bench/audit.sh 10m
#   NMAUDIT_BENCH_ROUNDS=5 bench/audit.sh 1m      # five rounds of yardstick then audit, and their medians
#
# Generates the data once (./nmaudit generate --months 12 --seed 20251; 78,200 patients give about 1M claim
# lines, 782,000 about 10M) under $NMAUDIT_BENCH_DIR (default /tmp/nmaudit-bench), then measures, in this
# order: a bare commons-csv parse of claims.csv in a fresh JVM (the yardstick: this machine is shared and
# noisy, so compare with it rather than with yesterday's figure), and the audit with /usr/bin/time (wall,
# user + sys CPU, peak RSS) and the audit's own phase times (read, group, rules, write). The audit runs with
# the launcher's JVM options (10M: NMAUDIT_MAX_HEAP=2g caps the heap at 2 GB, the other options kept) unless
# NMAUDIT_JAVA_OPTS says otherwise. The first
# audit after a build compiles the rules and keeps them in the compiled-rules cache, later ones read them from
# there (the line "rules: N rules (...)" says which); NMAUDIT_CACHE_DIR=off measures compiling every time. It also
# prints the CPU of each kind of thread (bench/thread-cpu.sh: the JIT compilers, the collector, the workers, ...).
# NMAUDIT_BENCH_ROUNDS=N repeats the yardstick and the audit N times, one after the other, and ends with the
# medians: on a shared machine one round's ratio moves by a fifth with the other jobs (3.2 to 4.4 times the bare
# parse within an hour, the code unchanged).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-1m}"
shift || true
# shellcheck source=bench/data-set.sh
. "$home/bench/data-set.sh"
# shellcheck source=bench/thread-cpu.sh
. "$home/bench/thread-cpu.sh"
bench_data_set "$size" "bench/audit.sh [1m|10m|PATIENTS] [audit options...]"
out="$root/report-$size"
jar="$home/core/target/nmaudit.jar"
lines=$(($(wc -l < "$data/claims.csv") - 1))

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB"
echo "data: $data ($lines claim lines, $(du -sh "$data" | cut -f1))"

rounds="${NMAUDIT_BENCH_ROUNDS:-1}"
if ! [[ "$rounds" =~ ^[1-9][0-9]?$ ]]; then
  echo "bench/audit.sh: NMAUDIT_BENCH_ROUNDS=$rounds is not a number of rounds (1 to 99)" >&2
  exit 2
fi
summary="$root/rounds-$size.txt"
: >"$summary"
# The first audit after a build saves the launcher's class archive (about 5 s more on 1M lines; on Java 25 and later
# its AOT cache, about 6 s), named by the JVM's release file: not a figure to compare, so it runs first, unmeasured,
# when the jar (built here if the sources changed) has neither for this Java (NMAUDIT_JAVA_OPTS turns both off).
"$home/nmaudit" --version >/dev/null
java_release="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/release"
if [ -z "${NMAUDIT_JAVA_OPTS:-}" ] && [ -f "$java_release" ]; then
  release_sum="$(cksum < "$java_release" | cut -d' ' -f1)"
  if [ -z "$(find "$home/core/target" -maxdepth 1 \( -name "nmaudit-cds-$release_sum.jsa" \
        -o -name "nmaudit-aot-$release_sum.aot" \) -newer "$jar" -print -quit)" ]; then
    echo "warm-up: an unmeasured audit saves the class archive or cache of the new jar"
    set +e
    "$home/nmaudit" audit "$data" --out "$out" "$@" >/dev/null 2>&1
    set -e
  fi
fi

# One round: the yardstick, then the audit, each in a fresh JVM; the extra arguments go to the audit; appends "wall user sys rss parse" to $summary.
measure_round() {
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -cp "$jar" "$home/bench/BareCsvParse.java" "$data/claims.csv" | tee "$root/yardstick.txt"
  parse=$(sed -E 's/.* in ([0-9.]+) s.*/\1/' "$root/yardstick.txt")

  log="$root/audit-$size.log"
  threads="$root/threads-$size.txt"
  rm -f "$threads"
  set +e
  /usr/bin/time -f 'time: wall %e s, user %U s, sys %S s, peak RSS %M KB' \
    "$home/nmaudit" audit "$data" --out "$out" "$@" >"$log.out" 2>"$log" &
  timed=$!
  # the audit's JVM: the launcher itself (it execs java) or its child (the run that saves the class archive)
  jvm=""
  for _ in $(seq 100); do
    jvm=$(pgrep -n -f -- "-jar $jar audit $data" || true)
    [ -n "$jvm" ] || ! kill -0 "$timed" 2>/dev/null && break
    sleep 0.05
  done
  [ -z "$jvm" ] || thread_cpu_watch "$jvm" "$threads" &
  watcher=$!
  wait "$timed"
  code=$?
  wait "$watcher" 2>/dev/null
  set -e
  if [ "$code" != 0 ] && [ "$code" != 5 ] && [ "$code" != 4 ]; then
    echo "the audit failed with exit code $code; see $log" >&2
    exit 1
  fi
  grep -oE 'rules: [0-9]+ rules \([^)]*\)' "$log" | tail -1 || true
  grep -E '^\[ *[0-9.]+s\] phases:' "$log" | sed -E 's/^\[ *[0-9.]+s\] //' \
    || echo "phases: not shown (the audit prints them for long runs only)"
  tail -1 "$log"
  thread_cpu_report "$threads"
  wall=$(sed -nE 's/^time: wall ([0-9.]+) s.*/\1/p' "$log")
  user=$(sed -nE 's/^time: .*user ([0-9.]+) s.*/\1/p' "$log")
  sys=$(sed -nE 's/^time: .*sys ([0-9.]+) s.*/\1/p' "$log")
  rss=$(sed -nE 's/^time: .*peak RSS ([0-9]+) KB.*/\1/p' "$log")
  awk -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v p="$parse" -v n="$lines" 'BEGIN {
    printf "audit: %.1f s wall, %.1f s CPU (user + sys), peak RSS %.2f GB, %.0f lines/s end to end\n", w, u + s, r / 1048576, n / w
    printf "yardstick: the audit took %.1f times the bare parse (%.2f s)\n", w / p, p
  }'
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); findings: $(grep -E '^Findings:' "$log.out" || true)"
  echo "$wall $user $sys $rss $parse" >>"$summary"
}

for round in $(seq "$rounds"); do
  [ "$rounds" = 1 ] || echo "--- round $round of $rounds"
  measure_round "$@"
done
if [ "$rounds" != 1 ]; then
  # medians of the rounds (the ratio's median is of each round's own ratio: yardstick and audit measured together)
  awk -v n="$rounds" '
    function median(a,   i, j, t, k) {
      for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
      k = int((n + 1) / 2); return n % 2 ? a[k] : (a[k] + a[k + 1]) / 2
    }
    { w[NR] = $1; c[NR] = $2 + $3; r[NR] = $4 / 1048576; p[NR] = $5; q[NR] = $1 / $5 }
    END {
      printf "medians of %d rounds: %.1f s wall, %.1f s CPU (user + sys), peak RSS %.2f GB, bare parse %.2f s, ", n, median(w), median(c), median(r), median(p)
      printf "%.1f times the bare parse\n", median(q)
    }' "$summary"
fi
