#!/usr/bin/env bash
# Load benchmark of `nmaudit serve`: single-claim scrub requests (one claim of 5 lines each) against a history
# store of 100,000 generated patients, at concurrency 1 and 8, latency percentiles from HdrHistogram.
#
#   bench/scrub-load.sh [PATIENTS] [COUNT] [WARMUP]          (defaults: 100000 3000 10000)
#
# Builds the store once and caches it under $NMAUDIT_BENCH_DIR (default /tmp/nmaudit-serve-bench):
# ./nmaudit generate --patients PATIENTS --months 12 --seed 20251 --bad-row-rate 0, then ./nmaudit history import
# into an embedded H2 file. Starts ./nmaudit serve on a free loopback port over it, runs bench/ScrubLoadClient.java
# (WARMUP unmeasured requests, then COUNT measured ones, at each concurrency), stops the server. The figures are
# those of a server in its steady state: the JIT compiler still took half the server's CPU after 1,500 requests
# and a quarter after 12,000, so the default warm-up is 10,000 requests (500 measured a server still being
# compiled). NMAUDIT_BENCH_DB_SETTINGS is appended to the store's JDBC URL (e.g. ';CACHE_SIZE=65536' to try a
# larger H2 page cache) and NMAUDIT_JAVA_OPTS sets the server's JVM options, to compare settings.
# Targets: p99 under 20 ms at concurrency 8, at least 300 claims/s. The machine is shared and noisy:
# the load average before and after is printed with the figures. Sends traffic to 127.0.0.1 only, a bounded number of requests.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
patients="${1:-100000}"
count="${2:-3000}"
warmup="${3:-10000}"
root="${NMAUDIT_BENCH_DIR:-/tmp/nmaudit-serve-bench}"
data="$root/data-$patients"
store="$root/history-$patients"
db="jdbc:h2:file:$store${NMAUDIT_BENCH_DB_SETTINGS:-}"
mkdir -p "$root"

"$home/nmaudit" --version >/dev/null   # builds the jar if needed, outside the measurement
if [ ! -f "$data/claims.csv" ]; then
  echo "generating $patients patients into $data ..." >&2
  NMAUDIT_JAVA_OPTS=-Xmx512m "$home/nmaudit" generate --patients "$patients" --months 12 --seed 20251 \
    --bad-row-rate 0 --out "$data" --force >/dev/null
fi
if [ ! -f "$store.mv.db" ] || [ ! -f "$root/history-$patients.imported" ]; then
  echo "importing $data into $db ..." >&2
  rm -f "$store".*.db
  "$home/nmaudit" history import "$data" --db "$db" --out "$root/import-report-$patients" >"$root/import.log" 2>&1 \
    || { echo "the import failed; see $root/import.log" >&2; exit 1; }
  touch "$root/history-$patients.imported"
fi

# The client's class path: HdrHistogram (the project's test dependency) from the local Maven repository.
cp_file="$root/client-classpath.txt"
if [ ! -s "$cp_file" ]; then
  mvn -q -f "$home/pom.xml" -pl core dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$cp_file" >/dev/null
fi
hdr="$(tr ':' '\n' < "$cp_file" | grep -i hdrhistogram | head -1 || true)"
[ -n "$hdr" ] || { echo "HdrHistogram is not on core's test class path ($cp_file); run mvn -pl core test-compile once" >&2; exit 1; }

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
log="$root/serve.log"
"$home/nmaudit" serve --db "$db" --port "$port" >"$log" 2>&1 &
server=$!
# SIGTERM, not SIGINT: a background job of a script starts with SIGINT ignored, so the JVM would not see it
# (an interactive Ctrl-C does reach it); both run the server's clean stop.
trap 'kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q "listening on" "$log" && break
  kill -0 "$server" 2>/dev/null || { echo "the server did not start; see $log" >&2; exit 1; }
  sleep 0.5
done
grep -q "listening on" "$log" || { echo "the server did not start in 60 s; see $log" >&2; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "store: $db ($patients patients, $(($(wc -l < "$data/claims.csv") - 1)) claim lines)"
head -1 "$log"
# The server's own CPU time (user + system, from /proc) over each client run, warm-up included: what a request
# costs the server, a figure the noise of a shared machine moves far less than the latency percentiles.
ticks="$(getconf CLK_TCK)"
server_cpu_ms() { awk -v t="$ticks" '{print int(($14 + $15) * 1000 / t)}' "/proc/$server/stat"; }
# The client shares the two cores with the server, so it is kept small: one keep-alive connection per
# concurrent user and no HTTP library (ScrubLoadClient says why), the serial collector (one thread, short pauses)
# in a 512 MB heap, and only the rows the requests are made of. The earlier client (the JDK's HttpClient, the
# JVM's default collector, the whole data set held) used 0.5 to 0.66 ms of CPU per request beside the server's
# 1.0 to 1.4, and its collector ran during the measurement: p99 at concurrency 8 of 36 to 87 ms against one
# server where this client and its intermediate versions measured 14 to 25 ms (README, "How fast").
client_opts="-XX:+UseSerialGC -Xmx512m"
for concurrency in 1 8; do
  before="$(server_cpu_ms)"
  # shellcheck disable=SC2086
  java $client_opts -cp "$hdr" "$home/bench/ScrubLoadClient.java" "http://127.0.0.1:$port" "$data/claims.csv" "$concurrency" \
    "$count" "$warmup"
  spent=$(( $(server_cpu_ms) - before ))
  echo "  server CPU at concurrency $concurrency: ${spent} ms for $((count + warmup)) requests," \
    "$(awk -v s="$spent" -v n=$((count + warmup)) 'BEGIN{printf "%.3f", s / n}') ms per request"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
