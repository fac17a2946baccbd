# Sourced by bench/audit.sh and bench/import.sh: the generated practice both measure, so their figures are of
# the same files. bench_data_set SIZE USAGE sets root, data and patients, and generates the data set once
# (./nmaudit generate --months 12 --seed 20251; 1m is 78,200 patients, about 1M claim lines, 10m 782,000)
# under $NMAUDIT_BENCH_DIR (default /tmp/nmaudit-bench); then builds the jar if needed, outside any measurement.
# Expects $home, the project folder.
bench_data_set() {
  local size="$1" usage="$2"
  case "$size" in
    1m) patients=78200 ;;
    10m) patients=782000 ;;
    *[!0-9]*|'') echo "usage: $usage" >&2; exit 2 ;;
    *) patients="$size" ;;
  esac
  root="${NMAUDIT_BENCH_DIR:-/tmp/nmaudit-bench}"
  data="$root/$size"
  mkdir -p "$root"
  if [ ! -f "$data/claims.csv" ]; then
    echo "generating $patients patients into $data ..." >&2
    NMAUDIT_JAVA_OPTS=-Xmx256m "$home/nmaudit" generate --patients "$patients" --months 12 --seed 20251 \
      --out "$data" --force >/dev/null
  fi
  "$home/nmaudit" --version >/dev/null   # builds the jar if needed, outside the measurement
}
