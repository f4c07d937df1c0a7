#!/usr/bin/env bash
# Read benchmark of one endpoint against a running local stack, beside the same server's /q/health/live as the
# ceiling, measured in the same run:
#   1. wrk, closed loop: requests/s and latency percentiles of the ceiling, then of the read;
#   2. Gatling, open model at half the read's requests/s: p50/p99 at that load.
# Usage: benchmarks/read-benchmark.sh NAME BASE_URL PATH_TEMPLATE [IDS_CSV]
#   PATH_TEMPLATE may contain {id}, replaced by random ids from IDS_CSV (one a line, header "id").
# Needs wrk (apt-get install wrk). DURATION (s, default 20) and CONNECTIONS (default 32) tune the wrk runs.
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1; base=$2; template=$3; ids=${4:-}
duration=${DURATION:-20}; connections=${CONNECTIONS:-32}
out=$(mktemp -d)

echo "== ceiling: GET $base/q/health/live (wrk -t2 -c$connections -d${duration}s)"
wrk -t2 -c"$connections" -d"${duration}s" --latency "$base/q/health/live" | tee "$out/ceiling.txt"
echo "== $name: GET $template (wrk -t2 -c$connections -d${duration}s)"
IDS="$ids" PATH_TEMPLATE="$template" wrk -t2 -c"$connections" -d"${duration}s" --latency -s benchmarks/wrk/read.lua "$base" \
  | tee "$out/read.txt"

ceiling=$(awk '/Requests\/sec/ {print $2}' "$out/ceiling.txt")
read_rps=$(awk '/Requests\/sec/ {print $2}' "$out/read.txt")
half=$(awk -v r="$read_rps" 'BEGIN {printf "%d", r / 2}')
awk -v c="$ceiling" -v r="$read_rps" -v n="$name" \
  'BEGIN {printf "== %s: %.0f req/s vs ceiling %.0f req/s: %.2f of the ceiling\n", n, r, c, r / c}'

gatling_path=$(echo "$template" | sed 's/{id}/#{id}/g')
echo "== $name at a fixed $half req/s for ${duration}s (Gatling, open model)"
./mvnw -B -q -Pbenchmarks -pl benchmarks gatling:test -Dgatling.simulationClass=org.clusterbridge.benchmarks.ReadSimulation \
  -DbaseUrl="$base" -Dpath="$gatling_path" -Dids="$( [ -n "$ids" ] && realpath "$ids" || true)" -Drate="$half" \
  -Dduration="$duration" 2>&1 | grep -E "request count|mean requests/sec|min response|50th|75th|95th|99th|max response|OK=|KO=" || true
