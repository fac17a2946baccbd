#!/usr/bin/env bash
# Benchmark of `nmaudit history import` into the embedded H2 store against the audit of the same files
# (the scrubbing issue's target: an import of 1M lines no slower than twice the audit).
#
#   bench/import.sh [1m|10m|PATIENTS] [ROUNDS]          (defaults: 1m 1)
#
# Uses the data set of bench/audit.sh (generated once under $NMAUDIT_BENCH_DIR, default /tmp/nmaudit-bench),
# then, ROUNDS times, back to back: the audit (its report in a scratch folder) and an import into a new,
# empty store file (removed afterwards), each under /usr/bin/time. Prints wall time, CPU and peak RSS of both,
# the import's time to read and write the rows (its "storing them" progress line) and what came after (H2's
# commit, closing and compacting the staged copy, counting), and the import's wall time over the audit's.
# The machine is shared and noisy: compare the ratio of one round, not a figure with yesterday's.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-1m}"
rounds="${2:-1}"
case "$rounds" in
  ''|*[!0-9]*|0) echo "usage: bench/import.sh [1m|10m|PATIENTS] [ROUNDS]; ROUNDS is a positive number" >&2; exit 2 ;;
esac
# shellcheck source=bench/data-set.sh
. "$home/bench/data-set.sh"
bench_data_set "$size" "bench/import.sh [1m|10m|PATIENTS] [ROUNDS]"
scratch="$(mktemp -d "$root/import-bench.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "data: $data ($(($(wc -l < "$data/claims.csv") - 1)) claim lines, $(du -sh "$data" | cut -f1))"
format='%e %U %S %M'
# /usr/bin/time writes "Command exited with non-zero status 5" before its figures when the exit code is not 0
# (an audit or import that rejected rows): the figures are the last line.
figures() { # wall user sys rss -> "W s wall, C s CPU, R GB peak RSS"
  tail -1 "$1" | awk '{printf "%.1f s wall, %.1f s CPU (user + sys), peak RSS %.2f GB", $1, $2 + $3, $4 / 1048576}'
}
for round in $(seq 1 "$rounds"); do
  set +e
  /usr/bin/time -o "$scratch/audit.time" -f "$format" \
    "$home/nmaudit" audit "$data" --out "$scratch/audit-report" >/dev/null 2>"$scratch/audit.err"
  code=$?
  set -e
  if [ "$code" != 0 ] && [ "$code" != 4 ] && [ "$code" != 5 ]; then
    echo "the audit failed with exit code $code:" >&2; tail -5 "$scratch/audit.err" >&2; exit 1
  fi
  rm -rf "$scratch/store" && mkdir -p "$scratch/store"
  set +e
  /usr/bin/time -o "$scratch/import.time" -f "$format" \
    "$home/nmaudit" history import "$data" --db "jdbc:h2:file:$scratch/store/history" \
    --out "$scratch/import-report" >/dev/null 2>"$scratch/import.err"
  code=$?
  set -e
  if [ "$code" != 0 ] && [ "$code" != 5 ]; then
    echo "the import failed with exit code $code:" >&2; tail -5 "$scratch/import.err" >&2; exit 1
  fi
  audit_wall=$(tail -1 "$scratch/audit.time" | awk '{print $1}')
  import_wall=$(tail -1 "$scratch/import.time" | awk '{print $1}')
  # "[  18.3s] 1,282,019 rows read; storing them": the rows are read and written; H2 commits, closes and
  # compacts after it.
  stored_at=$(sed -nE 's/^\[ *([0-9.]+)s\] .*storing them$/\1/p' "$scratch/import.err")
  echo "round $round:"
  echo "  audit:  $(figures "$scratch/audit.time")"
  echo "  import: $(figures "$scratch/import.time"), store file $(du -h "$scratch/store/history.mv.db" | cut -f1)"
  if [ -n "$stored_at" ]; then
    awk -v s="$stored_at" -v w="$import_wall" 'BEGIN {
      printf "          rows read and written in %.1f s; commit, close, compact and count %.1f s after\n", s, w - s }'
  fi
  awk -v i="$import_wall" -v a="$audit_wall" 'BEGIN {
    printf "  the import took %.2f times the audit (target: at most 2)\n", i / a }'
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
