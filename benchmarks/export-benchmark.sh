#!/usr/bin/env bash
# Export benchmark of one list against a running local stack: streams every match as CSV or NDJSON with curl and
# watches the service's heap with the JDK's own tools while it does, to show that an export of any size runs in
# constant memory:
#   - heap used after a full GC (jcmd GC.run, then jstat), before and after the export;
#   - the highest heap and old-generation occupancy jstat samples (every 250 ms) during the export, beside the
#     export's size: what an export retained would reach the old generation.
# Usage: benchmarks/export-benchmark.sh SERVICE BASE_URL PATH [ACCEPT]
#   SERVICE is the module whose JVM to watch (cluster-service, mou-service, funding-service);
#   ACCEPT is text/csv (default) or application/x-ndjson.
# Sends the local stack's reader token (.local-stack/tokens/registry-reader.jwt), or TOKEN if set.
set -euo pipefail
cd "$(dirname "$0")/.."
service=$1; base=$2; path=$3; accept=${4:-text/csv}
TOKEN=${TOKEN:-$(cat .local-stack/tokens/registry-reader.jwt)}
pid=$(pgrep -f "$service/target/quarkus-app/quarkus-run.jar" | head -1)
out=$(mktemp -d)

# heap used in MB, from jstat -gc: survivor, eden and old occupancy (KB)
heap_used() { jstat -gc "$1" | awk 'NR == 2 {printf "%.1f", ($3 + $4 + $6 + $8) / 1024}'; }
settled_heap() { jcmd "$pid" GC.run > /dev/null; sleep 1; heap_used "$pid"; }

before=$(settled_heap)
old_before=$(jstat -gc "$pid" | awk 'NR == 2 {printf "%.1f", $8 / 1024}')
jstat -gc "$pid" 250 > "$out/jstat.txt" &
sampler=$!
curl -sS --fail -o "$out/export" -H "Accept: $accept" -H "Authorization: Bearer $TOKEN" \
  -w '%{time_total} %{size_download}\n' "$base$path" > "$out/curl.txt"
kill "$sampler"
after=$(settled_heap)

read -r seconds bytes < "$out/curl.txt"
if [ "$accept" = "text/csv" ]; then
  rows=$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))) - 1)' "$out/export")
else
  rows=$(wc -l < "$out/export")
fi
peak=$(awk '$1 ~ /^[0-9.]+$/ {used = ($3 + $4 + $6 + $8) / 1024; if (used > max) max = used} END {printf "%.1f", max}' "$out/jstat.txt")
old_peak=$(awk '$1 ~ /^[0-9.]+$/ {used = $8 / 1024; if (used > max) max = used} END {printf "%.1f", max}' "$out/jstat.txt")
max_heap=$(jcmd "$pid" VM.flags | tr ' ' '\n' | awk -F= '$1 == "-XX:MaxHeapSize" {printf "%.0f", $2 / 1048576}')
awk -v n="$rows" -v s="$seconds" -v b="$bytes" -v h0="$before" -v h1="$after" -v p="$peak" -v m="$max_heap" -v o0="$old_before" -v o1="$old_peak" \
  -v what="$service GET $path ($accept)" 'BEGIN {
    printf "== %s\n", what
    printf "%d rows, %.1f MB in %.2f s: %.0f rows/s, %.1f MB/s\n", n, b / 1048576, s, n / s, b / 1048576 / s
    printf "heap after full GC: %.1f MB before, %.1f MB after (%+.1f MB)\n", h0, h1, h1 - h0
    printf "during the export: heap peak %.1f MB of %d MB max (young generation churn), old generation %.1f MB before, peak %.1f MB\n", p, m, o0, o1
  }'
rm -rf "$out"
