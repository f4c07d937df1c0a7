#!/usr/bin/env bash
# The whole scale table of issue 14 in one command, from a built tree (service jars and local-stack jar built):
#   0. unless the build's AOT caches are there (or SKIP_TRAIN=1), a training run that writes them
#      (./local-stack.sh --aot-train, on a JDK 25+; README: Start time and memory);
#   1. a local stack on a FRESH data folder: its time until ready, each service's own start time (Quarkus's
#      "started in", the three starting together), each service restarted alone while the rest runs (time from
#      launch to ready, and "started in"), then the rows on the seed data (13 clusters) and the static focus-area
#      list;
#   2. the stack on the bench folder (BENCH_DATA, default .local-stack-bench): loads the data sets (each loader
#      skips what is already there), the 100k-cluster and 1M-figure rows, mou-service at 1,500 x 5,000 and then
#      10k x 50k agreements, the write load (Gatling OutboxSimulation, after a warm-up) with each service's RSS
#      sampled during it, and a view rebuild from the beginning of cluster-events;
#   3. ONE table: row, req/s, p50, p99, ceiling req/s, ratio, goal, met?, notes.
# Every ceiling (wrk against the same service's /q/health/live, same connections, same Lua script and token) is
# measured right before its row, after a short warm-up of the row's own request. Quote ratios, not req/s: the
# machine is shared.
#
# Usage: benchmarks/run-all.sh            (about 25 minutes)
#        QUICK=1 benchmarks/run-all.sh    (short durations, to try it out; same data sets)
# Environment (defaults in brackets, QUICK's after the slash):
#   DURATION [20/5]            seconds of each wrk run (ceiling and row)
#   WARMUP [5/2]               seconds of wrk warm-up of a row's request before its ceiling
#   GATLING_DURATION [30/10]   seconds of the fixed-rate read (13 clusters, half the wrk rate)
#   GATLING_WARMUP [10/5]      seconds of that read at the same rate before it, left out of its figures
#   WRITE_WARMUP [30/10]       seconds of writes at WARMUP_RATE [100] per second, early in part 2
#   WRITE_DURATION [40/15]     seconds of writes at WRITE_RATE [200] per second
#   BENCH_DATA [.local-stack-bench]   data folder of part 2; FRESH_DATA [a new temporary folder] of part 1
#   READ_CONNECTIONS [32] (13 clusters, focus areas), ID_CONNECTIONS [16] (100k clusters),
#   LIST_CONNECTIONS [8] (filtered lists, figures, agreements), NETWORK_CONNECTIONS [1] (the network: the time
#   of one request on its own), WRK_TIMEOUT [60] seconds before wrk counts a request as timed out
#   SKIP_FRESH=1 / SKIP_BENCH=1 run one part only
# Output: the table on stdout and in benchmarks/target/run-all/<time>/table.md, with every tool's raw output
# beside it. Needs wrk, psql, curl, jq, flock and a JDK; Maven (Gatling, the MongoDB loader) runs offline under
# flock /tmp/cb-maven.lock, one build at a time on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

quick=${QUICK:-0}
q() { if [ "$quick" = 1 ]; then echo "$2"; else echo "$1"; fi; }
duration=${DURATION:-$(q 20 5)}
warmup=${WARMUP:-$(q 5 2)}
gatling_duration=${GATLING_DURATION:-$(q 30 10)}
gatling_warmup=${GATLING_WARMUP:-$(q 10 5)}
write_warmup=${WRITE_WARMUP:-$(q 30 10)}
write_duration=${WRITE_DURATION:-$(q 40 15)}
warmup_rate=${WARMUP_RATE:-100}
write_rate=${WRITE_RATE:-200}
read_connections=${READ_CONNECTIONS:-32}
id_connections=${ID_CONNECTIONS:-16}
list_connections=${LIST_CONNECTIONS:-8}
network_connections=${NETWORK_CONNECTIONS:-1}
wrk_timeout=${WRK_TIMEOUT:-60}
bench_data=${BENCH_DATA:-.local-stack-bench}
case "$bench_data" in /*) ;; *) bench_data="$root/$bench_data" ;; esac

cluster_url=http://127.0.0.1:8081
mou_url=http://127.0.0.1:8082
funding_url=http://127.0.0.1:8083
services=(cluster-service mou-service funding-service)
export PGPASSWORD=postgres PGHOST=127.0.0.1 PGPORT=5433 PGUSER=postgres

die() { echo "run-all: $*" >&2; exit 1; }
say() { printf '\n== [%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

for tool in wrk psql curl jq flock java awk; do
  command -v "$tool" > /dev/null || case "$tool" in
    wrk) die "wrk is missing: apt-get install -y wrk" ;;
    psql) die "psql is missing: apt-get install -y postgresql-client" ;;
    *) die "$tool is missing" ;;
  esac
done
for jar in local-stack/target/local-stack.jar "${services[@]/%//target/quarkus-app/quarkus-run.jar}"; do
  [ -f "$jar" ] || die "$jar is missing: build the tree first (./mvnw -B -DskipTests install)"
done
if pgrep -f org.clusterbridge.localstack.LocalStack > /dev/null; then
  die "a local stack is already running (pid $(pgrep -f org.clusterbridge.localstack.LocalStack | tr '\n' ' ')): stop it first"
fi

started_at=$(date +%s)
out="$root/benchmarks/target/run-all/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
rows="$out/rows.tsv"
: > "$rows"
echo "run-all: raw output in $out" >&2

# ---------------------------------------------------------------------------------------------------- the stack
stack_pid=""
stack_log=""
restarted_pids=()
fresh_dir=""
sampler=""
# stop_stack, start_stack DATA_DIR LOG
. benchmarks/stack.sh

cleanup() {
  local status=$?
  [ -z "$sampler" ] || kill "$sampler" 2> /dev/null || true
  [ "${#restarted_pids[@]}" = 0 ] || stop_restarted
  stop_stack
  [ -z "$fresh_dir" ] || rm -rf "$fresh_dir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM


# A service's process, by its HTTP port (services run in their quarkus-app folder: the jar path is relative).
service_port() { case "$1" in cluster-service) echo 8081 ;; mou-service) echo 8082 ;; *) echo 8083 ;; esac; }
service_pid() {
  pgrep -P "$stack_pid" -f -- "-Dquarkus.http.port=$(service_port "$1") " | head -1 || true
}

# Quarkus's own start time of a service, from the last "started in" of its log.
start_time() {
  grep -a "started in" "$1/logs/$2.log" | tail -1 | sed -E 's/.*started in ([0-9.]+)s.*/\1/'
}

# restart_alone SERVICE LOG: stops the service's process (SIGTERM, as an orchestrator does) and starts the same
# command, environment and folder again while the rest of the stack runs; sets ready (seconds from the launch to
# /q/health/ready answering 200) and started (Quarkus's "started in").
# The new process is not the stack's child: the caller stops it (stop_restarted) before stopping the stack.
restart_alone() {
  local pid cwd begin port
  pid=$(service_pid "$1")
  [ -n "$pid" ] || die "no process of $1"
  port=$(service_port "$1")
  cwd=$(readlink "/proc/$pid/cwd")
  local -a cmd envs
  mapfile -d '' cmd < "/proc/$pid/cmdline"
  mapfile -d '' envs < "/proc/$pid/environ"
  kill -TERM "$pid"
  for _ in $(seq 1 300); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
  begin=$(date +%s%N)
  (cd "$cwd" && exec env -i "${envs[@]}" "${cmd[@]}" >> "$2" 2>&1) &
  restarted_pids+=($!)
  for _ in $(seq 1 1200); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break
    sleep 0.05
  done
  ready=$(awk -v b="$begin" -v e="$(date +%s%N)" 'BEGIN {printf "%.1f", (e - b) / 1e9}')
  started=$(grep -a "started in" "$2" | tail -1 | sed -E 's/.*started in ([0-9.]+)s.*/\1/')
}
stop_restarted() {
  local pid
  for pid in "${restarted_pids[@]}"; do kill -TERM "$pid" 2> /dev/null || true; done
  for pid in "${restarted_pids[@]}"; do
    for _ in $(seq 1 150); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
  done
  restarted_pids=()
}

# --------------------------------------------------------------------------------------------------- the figures
# row NAME REQ/S P50 P99 CEILING RATIO GOAL MET NOTES (empty fields allowed)
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$rows"; }

# yes/no of an awk condition on v (the figure)
meets() { awk -v v="$1" "BEGIN {print (v != \"\" && ($2)) ? \"yes\" : \"no\"}"; }

# wrk BASE TEMPLATE IDS CONNECTIONS SECONDS FILE: one closed-loop run with the Lua script (the reader's token,
# {id} replaced by a random id of IDS).
run_wrk() {
  local threads=2
  [ "$4" -ge 2 ] || threads=1
  IDS="$3" PATH_TEMPLATE="$2" TOKEN="$token" wrk -t"$threads" -c"$4" -d"$5s" --timeout "${wrk_timeout}s" --latency \
    -s benchmarks/wrk/read.lua "$1" > "$6" 2>&1 || { cat "$6" >&2; die "wrk failed against $1$2"; }
}

# figures of a wrk output: req/s p50 p99 (ms) and a note on errors
wrk_figures() {
  awk '
    function ms(text) {
      if (text ~ /us$/) return substr(text, 1, length(text) - 2) / 1000
      if (text ~ /ms$/) return substr(text, 1, length(text) - 2) + 0
      if (text ~ /s$/) return substr(text, 1, length(text) - 1) * 1000
      if (text ~ /m$/) return substr(text, 1, length(text) - 1) * 60000
      return text + 0
    }
    /^ +50%/ {p50 = ms($2)} /^ +99%/ {p99 = ms($2)} /^Requests\/sec/ {rps = $2}
    /Non-2xx/ {non2xx = $NF} /Socket errors/ {gsub(",", ""); sockets = $4 + $6 + $8 + $10}
    / requests in / {completed = $1 + 0}
    END {
      note = ""
      if (completed == 0) note = "no request completed"
      if (non2xx > 0) note = note (note == "" ? "" : ", ") non2xx " non-2xx"
      if (sockets > 0) note = note (note == "" ? "" : ", ") sockets " socket errors/timeouts"
      printf "%.0f\t%.2f\t%.2f\t%s\n", rps, p50, p99, note
    }' "$1"
}

# read_row NAME BASE TEMPLATE IDS CONNECTIONS GOAL CONDITION: warm-up, ceiling, then the read, all with wrk.
# CONDITION is an awk expression of r (ratio) and p99 (ms); the row's notes say what went wrong, if anything.
read_row() {
  local name=$1 base=$2 template=$3 ids=$4 connections=$5 goal=$6 condition=$7 file
  file="$out/$(echo "$name" | tr -c 'A-Za-z0-9' '_' | cut -c1-60)"
  say "$name: warm-up ${warmup}s, ceiling and read ${duration}s each, $connections connections"
  run_wrk "$base" "$template" "$ids" "$connections" "$warmup" "$file.warmup.txt"
  run_wrk "$base" /q/health/live "" "$connections" "$duration" "$file.ceiling.txt"
  run_wrk "$base" "$template" "$ids" "$connections" "$duration" "$file.read.txt"
  local ceiling rps p50 p99 note ratio met
  ceiling=$(wrk_figures "$file.ceiling.txt" | cut -f1)
  IFS=$'\t' read -r rps p50 p99 note < <(wrk_figures "$file.read.txt")
  ratio=$(awk -v r="$rps" -v c="$ceiling" 'BEGIN {printf "%.2f", (c > 0 ? r / c : 0)}')
  met=$(awk -v r="$ratio" -v p99="$p99" "BEGIN {print ($condition) ? \"yes\" : \"no\"}")
  [ -z "$note" ] || met=no
  row "$name" "$rps" "$p50" "$p99" "$ceiling" "$ratio" "$goal" "$met" "wrk -c$connections${note:+; $note}"
  echo "   $rps req/s, p50 $p50 ms, p99 $p99 ms; ceiling $ceiling req/s; ratio $ratio${note:+; $note}" >&2
  last_rps=$rps
}

# Maven, one build at a time on this machine (online: Gatling and the exec plugin are not in a fresh repository).
mvn_bench() { flock /tmp/cb-maven.lock ./mvnw -B -q -Pbenchmarks -pl benchmarks "$@"; }

gatling() {
  local file=$1
  shift
  mvn_bench gatling:test -Dtokens="$data/tokens" "$@" > "$file" 2>&1 || { tail -40 "$file" >&2; die "Gatling failed ($file)"; }
}

# The figures of one request of a Gatling report (index.html): total ok ko rps p50 p99
gatling_request() {
  local report
  report=$(grep -o 'file://[^ ]*index.html' "$1" | tail -1 | sed 's|^file://||')
  [ -f "$report" ] || die "no Gatling report in $1"
  python3 - "$report" "$2" <<'EOF'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
name = re.escape(sys.argv[2])
for chunk in html.split("<tr")[1:]:
    if re.search(r'class="ellipsed-name">' + name + "</span>", chunk):
        cols = dict(re.findall(r'class="value [a-z]+ col-(\d+)">([^<]*)<', chunk))
        clean = lambda c: cols.get(c, "0").replace(",", "").replace("-", "0")
        print("\t".join(clean(c) for c in ("2", "3", "4", "6", "8", "11")))
        break
else:
    sys.exit("no request named " + sys.argv[2] + " in " + sys.argv[1])
EOF
}

metric_sum() { curl -sf "$1/q/metrics" | awk -v n="$2" '$1 == n || index($1, n "{") == 1 {s += $NF} END {printf "%.0f\n", s}'; }

say "compiling the benchmarks module (simulations, MongoDB loader)"
mvn_bench test-compile > "$out/test-compile.txt" 2>&1 \
  || { tail -30 "$out/test-compile.txt" >&2; die "the benchmarks module does not compile"; }

# ============================================================== part 0: the build's AOT caches (a training run)
if [ "${SKIP_TRAIN:-0}" != 1 ]; then
  stale=0
  for service in "${services[@]}" dashboard; do
    app=$service/target/quarkus-app
    [ -f "$app/app.aot" ] && [ ! "$app/quarkus-run.jar" -nt "$app/app.aot" ] || stale=1
  done
  if [ "$stale" = 1 ]; then
    train_dir=$(mktemp -d /tmp/cb-train-stack.XXXXXX)
    rmdir "$train_dir"
    say "part 0: a training run for the AOT caches (./local-stack.sh --aot-train, $train_dir)"
    t=$(date +%s)
    ./local-stack.sh --aot-train --data "$train_dir" > "$out/stack-train.log" 2>&1 \
      || { tail -30 "$out/stack-train.log" >&2; die "the training run failed"; }
    rm -rf "$train_dir"
    grep -E "app.aot|No training" "$out/stack-train.log" >&2 || true
    echo "   in $(($(date +%s) - t)) s" >&2
  fi
fi

# ========================================================================== part 1: a fresh folder, seed data
if [ "${SKIP_FRESH:-0}" != 1 ]; then
  if [ -n "${FRESH_DATA:-}" ]; then
    data=$FRESH_DATA
    [ ! -e "$data" ] || die "FRESH_DATA $data exists: give a folder that does not"
  else
    fresh_dir=$(mktemp -d /tmp/cb-fresh-stack.XXXXXX)
    rmdir "$fresh_dir"
    data=$fresh_dir
  fi
  say "part 1: local stack on a fresh folder ($data)"
  start_stack "$data" "$out/stack-fresh.log"
  own=$(sed -nE 's/^Up in ([0-9.]+) s\./\1/p' "$stack_log")
  row "local stack up, fresh folder (launch to ready, seed loaded)" "" "" "" "" "" "<= 20 s" \
    "$(meets "$up_seconds" 'v <= 20')" "$up_seconds s (the stack's own count: $own s)"
  for service in "${services[@]}"; do
    s=$(start_time "$data" "$service")
    row "$service start (Quarkus \"started in\")" "" "" "" "" "" "<= 3 s" "$(meets "$s" 'v <= 3')" "$s s"
  done
  echo "   up in $up_seconds s" >&2
  token=$(cat "$data/tokens/registry-reader.jwt")

  seed_ids="$out/seed-cluster-ids.csv"
  { echo id; curl -sf -H "Authorization: Bearer $token" "$cluster_url/api/clusters?size=100" | jq -r '.items[].id'; } > "$seed_ids"
  [ "$(wc -l < "$seed_ids")" -gt 1 ] || die "no seed clusters listed by $cluster_url/api/clusters"

  read_row "GET /api/clusters/{id}, $(($(wc -l < "$seed_ids") - 1)) clusters (seed)" "$cluster_url" "/api/clusters/{id}" \
    "$seed_ids" "$read_connections" ">= 0.5 of ceiling; p50 at $read_connections conn." 'r >= 0.5'
  half=$(awk -v r="$last_rps" 'BEGIN {printf "%d", r / 2}')
  say "the same at a fixed $half/s (Gatling ReadSimulation, ${gatling_warmup}s warm-up, ${gatling_duration}s measured)"
  gatling "$out/gatling-read-seed.txt" -Dgatling.simulationClass=org.clusterbridge.benchmarks.ReadSimulation \
    -DbaseUrl="$cluster_url" -Dpath='/api/clusters/#{id}' -Dids="$seed_ids" -Drate="$half" \
    -Dduration="$gatling_duration" -Dwarmup="$gatling_warmup"
  IFS=$'\t' read -r total ok ko rps p50 p99 < <(gatling_request "$out/gatling-read-seed.txt" 'GET /api/clusters/{id}')
  rps=$(awk -v ok="$ok" -v d="$gatling_duration" 'BEGIN {printf "%.0f", ok / d}')
  met=$(meets "$p99" 'v <= 10')
  [ "$ko" = 0 ] || met=no
  row "same, fixed arrival rate at half (Gatling)" "$rps" "$p50" "$p99" "" "" "p99 <= 10 ms at $half/s" "$met" \
    "Gatling, $ok OK, $ko KO; whole ms"
  echo "   $rps req/s, p50 $p50 ms, p99 $p99 ms ($ok OK, $ko KO)" >&2

  read_row "static GET /api/focus-areas (reader token)" "$cluster_url" /api/focus-areas "" "$read_connections" \
    ">= 0.7 of ceiling" 'r >= 0.7'

  say "each service restarted alone, the rest running"
  for service in "${services[@]}"; do
    restart_alone "$service" "$out/restart-$service.log"
    row "$service restarted alone (launch to ready; Quarkus \"started in\")" "" "" "" "" "" "<= 3 s" \
      "$(meets "$ready" 'v <= 3')" "$ready s to ready; started in $started s"
    echo "   $service: ready in $ready s (started in $started s)" >&2
  done
  stop_restarted

  say "stopping the fresh stack"
  stop_stack
fi

# ============================================================================== part 2: the bench folder
if [ "${SKIP_BENCH:-0}" != 1 ]; then
  data=$bench_data
  say "part 2: local stack on $data"
  start_stack "$data" "$out/stack-bench.log"
  row "local stack up, bench folder (info)" "" "" "" "" "" "" "" "$up_seconds s"
  token=$(cat "$data/tokens/registry-reader.jwt")
  admin=$(cat "$data/tokens/registry-admin.jwt")

  say "loading the data sets (each skips what is there already)"
  # The write load registers FR / digital-health clusters, which the filtered list would match: earlier runs'
  # ones go, so that each run reads the same 100k clusters (their events stay in the topic for the rebuild).
  removed=$(psql -d cluster -v ON_ERROR_STOP=1 -Atc \
    "WITH gone AS (DELETE FROM cluster WHERE slug ~ '^bench-[0-9a-f]{8}-[0-9a-f]{8}-' RETURNING 1) SELECT count(*) FROM gone")
  echo "   cluster-service: $removed clusters of earlier write loads removed" >&2
  t=$(date +%s)
  psql -d cluster -v ON_ERROR_STOP=1 -q -f benchmarks/data/clusters-100k.sql > "$out/load-clusters.txt" 2>&1 \
    || { cat "$out/load-clusters.txt" >&2; die "clusters-100k.sql failed"; }
  echo "   clusters-100k.sql: $(grep -m1 INSERT "$out/load-clusters.txt" || true) in $(($(date +%s) - t)) s" >&2
  t=$(date +%s)
  psql -d funding -v ON_ERROR_STOP=1 -f benchmarks/data/funding-1m.sql > "$out/load-funding.txt" 2>&1 \
    || { cat "$out/load-funding.txt" >&2; die "funding-1m.sql failed"; }
  echo "   funding-1m.sql: $(grep INSERT "$out/load-funding.txt" | tr '\n' ' ') in $(($(date +%s) - t)) s" >&2
  clusters=$(psql -d cluster -Atc "SELECT count(*) FROM cluster")
  figures=$(psql -d funding -Atc "SELECT count(*) FROM funding_figure")

  # Early, so that the view-lag percentiles of the measured load (a window of about 3 minutes) leave it out.
  say "write warm-up: ${warmup_rate}/s for ${write_warmup}s"
  gatling "$out/gatling-write-warmup.txt" -Dgatling.simulationClass=org.clusterbridge.benchmarks.OutboxSimulation \
    -Dmode=steady -Drate="$warmup_rate" -Dduration="$write_warmup"
  warmed_at=$(date +%s)

  read_row "GET /api/clusters/{id}, $clusters clusters" "$cluster_url" "/api/clusters/{id}" \
    benchmarks/target/cluster-ids.csv "$id_connections" ">= 0.5 of ceiling" 'r >= 0.5'
  read_row "GET /api/clusters?country=FR&focusArea=digital-health, $clusters clusters" "$cluster_url" \
    "/api/clusters?country=FR&focusArea=digital-health" "" "$list_connections" "p99 <= 50 ms" 'p99 <= 50'
  read_row "GET /api/funding-figures?clusterId=&indicator=, $figures figures" "$funding_url" \
    "/api/funding-figures?clusterId={id}&indicator=total-investment" benchmarks/target/funded-cluster-ids.csv \
    "$list_connections" "p99 <= 50 ms" 'p99 <= 50'

  for size in 1500x5000 10000x50000; do
    n=${size%x*}; m=${size#*x}
    say "mou-service data: $n clusters x $m agreements"
    t=$(date +%s)
    mvn_bench exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.clusterbridge.benchmarks.MongoBenchData \
      -Dclusters="$n" -Dagreements="$m" > "$out/load-mou-$size.txt" 2>&1 \
      || { grep -v DEBUG "$out/load-mou-$size.txt" | tail -30 >&2; die "MongoBenchData failed"; }
    echo "   $(grep -E '^(cluster view|agreements|already)' "$out/load-mou-$size.txt" | tr '\n' ';') in $(($(date +%s) - t)) s" >&2
    # The loader writes around the service: its read models are built again from the agreements.
    grep -q '^already loaded' "$out/load-mou-$size.txt" || curl -sf -X POST -H "Authorization: Bearer $admin" "$mou_url/api/admin/read-models/rebuild" \
      > "$out/read-models-$size.json" || die "the read-model rebuild of mou-service failed"
    [ ! -f "$out/read-models-$size.json" ] || echo "   read models: $(cat "$out/read-models-$size.json")" >&2
    if [ "$n" = 1500 ]; then
      read_row "GET /api/agreements?clusterId=, 1,500 x 5,000" "$mou_url" "/api/agreements?clusterId={id}" \
        benchmarks/target/mou-cluster-ids.csv "$list_connections" "p99 <= 50 ms" 'p99 <= 50'
      read_row "GET /api/network, 1,500 x 5,000" "$mou_url" /api/network "" "$network_connections" \
        "<= 200 ms (p99)" 'p99 <= 200'
    else
      read_row "GET /api/agreements?clusterId=, 10k x 50k" "$mou_url" "/api/agreements?clusterId={id}" \
        benchmarks/target/mou-cluster-ids.csv "$list_connections" "p99 <= 200 ms" 'p99 <= 200'
    fi
  done

  # Let the warm-up's writes age out of the view-lag window (3 minutes) if the reads were shorter than that.
  wait_s=$((warmed_at + 190 - $(date +%s)))
  if [ "$wait_s" -gt 0 ] && [ "$quick" != 1 ]; then
    say "waiting ${wait_s}s so that the warm-up leaves the view-lag window"
    sleep "$wait_s"
  fi

  say "write load: ${write_rate}/s for ${write_duration}s (RSS sampled every second)"
  pids=()
  for service in "${services[@]}"; do pids+=("$(service_pid "$service")"); done
  (
    while true; do
      echo "$(date +%s) $(ps -o rss= -p "${pids[0]}") $(ps -o rss= -p "${pids[1]}") $(ps -o rss= -p "${pids[2]}")"
      sleep 1
    done
  ) > "$out/rss.txt" 2> /dev/null &
  sampler=$!
  gatling "$out/gatling-write.txt" -Dgatling.simulationClass=org.clusterbridge.benchmarks.OutboxSimulation \
    -Dmode=steady -Drate="$write_rate" -Dduration="$write_duration"
  kill "$sampler" 2> /dev/null || true
  sampler=""
  IFS=$'\t' read -r total ok ko rps p50 p99 < <(gatling_request "$out/gatling-write.txt" 'POST /api/clusters')
  relay=$(sed -nE 's/^events relayed: .*: ([0-9]+) events\/s$/\1/p' "$out/gatling-write.txt")
  absorbed=$(awk -v ok="$ok" -v d="$write_duration" 'BEGIN {printf "%.0f", ok / d}')
  met=$(awk -v ok="$ok" -v ko="$ko" -v p99="$p99" -v want="$((write_rate * write_duration))" \
    'BEGIN {print (ko == 0 && ok >= 0.99 * want && p99 <= 50) ? "yes" : "no"}')
  row "POST /api/clusters at an offered ${write_rate}/s, $clusters clusters" "$absorbed" "$p50" "$p99" "" "" \
    "${write_rate}/s absorbed, p99 <= 50 ms" "$met" "Gatling, $ok OK, $ko KO; relay ${relay:-?} events/s"
  echo "   $absorbed/s absorbed ($ok OK, $ko KO), p50 $p50 ms, p99 $p99 ms, relay ${relay:-?} events/s" >&2
  for view in mou-service funding-service; do
    lag50=""; lag99=""; applied=""
    read -r lag50 lag99 applied < <(sed -nE "s/^write-to-view latency in $view: p50 ([0-9.NaN]+) ms, p99 ([0-9.NaN]+) ms \(([0-9]+) events applied\)/\1 \2 \3/p" "$out/gatling-write.txt") || true
    row "write -> $view view (clusterbridge_view_lag_seconds)" "" "$lag50" "$lag99" "" "" "p50 <= 20, p99 <= 100 ms" \
      "$(awk -v a="$lag50" -v b="$lag99" 'BEGIN {print (a != "" && a + 0 <= 20 && b + 0 <= 100) ? "yes" : "no"}')" \
      "${applied:-?} events applied since start"
  done
  for i in 0 1 2; do
    rss=$(awk -v c=$((i + 2)) '$c + 0 > max {max = $c + 0} END {printf "%.0f", max / 1024}' "$out/rss.txt")
    row "${services[$i]} RSS under the write load (peak)" "" "" "" "" "" "<= 300 MB" "$(meets "$rss" 'v <= 300')" "$rss MB"
  done

  # The rebuild counts every record its views take again (applied, stale, ignored), from the POST until the
  # count stands still for 3 s, timed from the POST to the count's last change; the POST itself empties the views
  # first (mou-service's on the MongoDB-wire server may take seconds), so the wait for a still count starts when
  # it returns. It empties the cluster views, which the loaders fill again on the next run.
  for service in funding-service mou-service; do
    case "$service" in funding-service) url=$funding_url ;; *) url=$mou_url ;; esac
    say "$service: rebuild of its cluster-events views"
    before=$(metric_sum "$url" clusterbridge_view_events_total)
    begin=$(date +%s%N)
    curl -sf -X POST -H "Authorization: Bearer $admin" "$url/api/admin/views/cluster-events/rebuild" \
      > "$out/rebuild-$service.json" || die "the rebuild of $service failed"
    last=$before; last_change=$(date +%s%N)
    while [ $(($(date +%s%N) - last_change)) -lt 3000000000 ]; do
      now=$(metric_sum "$url" clusterbridge_view_events_total)
      if [ "$now" != "$last" ]; then last=$now; last_change=$(date +%s%N); fi
      sleep 0.05
    done
    events=$((last - before))
    rate=$(awk -v n="$events" -v b="$begin" -v e="$last_change" 'BEGIN {printf "%.0f", (e > b ? n / ((e - b) / 1e9) : 0)}')
    secs=$(awk -v b="$begin" -v e="$last_change" 'BEGIN {printf "%.2f", (e - b) / 1e9}')
    row "view rebuild from the topic's beginning: $service cluster-events" "$rate" "" "" "" "" ">= 20,000 events/s" \
      "$(meets "$rate" 'v >= 20000')" "$events events in $secs s"
    echo "   $events events in $secs s: $rate events/s" >&2
  done

  say "stopping the bench stack"
  stop_stack
fi

# ========================================================================================= part 3: the table
total=$(($(date +%s) - started_at))
{
  echo "| row | req/s | p50 ms | p99 ms | ceiling req/s | ratio | goal | met? | notes |"
  echo "|---|---|---|---|---|---|---|---|---|"
  awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9}' "$rows"
  echo
  echo "run-all.sh$([ "$quick" = 1 ] && echo " (QUICK)"): $(date -u +%Y-%m-%d), total $((total / 60)) min $((total % 60)) s;" \
    "wrk ${duration}s a run after ${warmup}s of warm-up; $(nproc) cores shared by the services, the stores, the broker and the load tools."
} | tee "$out/table.md"
