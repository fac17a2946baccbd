#!/usr/bin/env bash
# Read speed of the same claim lines as claims.csv and as X12 837P/837I (+835) files (x12-input.md: the 837
# batch must read at no less than half the speed of the CSV). Generates the practice in both forms once.
# Usage: bench/x12-read.sh [PATIENTS] [ROUNDS]   (78200 patients over 12 months give about 1M claim lines)
set -euo pipefail
cd "$(dirname "$0")/.."
PATIENTS=${1:-78200}
ROUNDS=${2:-3}
DIR=${BENCH_DIR:-/tmp/nmaudit-x12-bench}/$PATIENTS
./nmaudit --version >/dev/null   # builds core/target/nmaudit.jar when the sources changed
if [ ! -f "$DIR/csv/claims.csv" ]; then
  ./nmaudit generate --patients "$PATIENTS" --months 12 --seed 20251 --out "$DIR/csv" --force
  ./nmaudit generate --patients "$PATIENTS" --months 12 --seed 20251 --out "$DIR/x12" --format x12 --force
fi
mvn -B -q -pl core test-compile
java -Xmx6g -cp core/target/test-classes:core/target/nmaudit.jar org.nmaudit.bench.X12ReadBenchmark \
  "$DIR/csv" "$DIR/x12" "$ROUNDS"
