#!/usr/bin/env bash
# Read benchmark of one endpoint against a running local stack, beside the same server's /q/health/live as the
# ceiling, measured in the same run:
#   1. wrk, closed loop: requests/s and latency percentiles of the ceiling, then of the read;
#   2. wrk with a few connections (LIGHT_CONNECTIONS, default 4): p50/p99 when the server is not saturated.
# (Gatling's ReadSimulation gives a fixed arrival rate instead; on 2 shared cores its own JVM distorts the
# figures, so wrk's light closed loop is the default.)
# Usage: benchmarks/read-benchmark.sh NAME BASE_URL PATH_TEMPLATE [IDS_CSV]
#   PATH_TEMPLATE may contain {id}, replaced by random ids from IDS_CSV (one a line, header "id").
# Needs wrk (apt-get install wrk). DURATION (s, default 20) and CONNECTIONS (default 32) tune the wrk runs.
# Reads send the local stack's reader token (.local-stack/tokens/registry-reader.jwt), or TOKEN if set.
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1; base=$2; template=$3; ids=${4:-}
duration=${DURATION:-20}; connections=${CONNECTIONS:-32}
TOKEN=${TOKEN:-$(cat .local-stack/tokens/registry-reader.jwt 2>/dev/null || true)}
export TOKEN
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

echo "== $name under light load (wrk -t2 -c${LIGHT_CONNECTIONS:-4} -d${duration}s): latency when the server is not saturated"
IDS="$ids" PATH_TEMPLATE="$template" wrk -t2 -c"${LIGHT_CONNECTIONS:-4}" -d"${duration}s" --latency -s benchmarks/wrk/read.lua "$base" \
  | grep -E "Requests/sec|^ +(50|90|99)%"
