#!/usr/bin/env bash
# The dashboard's page load times in headless Chromium (issue 16: the first page ready in <= 1 s on the seed data,
# <= 2 s with 100k clusters and 1M figures), from a built tree (services, dashboard and local-stack jars built):
#   1. a local stack on a fresh folder, seed data only: DashboardLoad;
#   2. the stack on the bench folder (BENCH_DATA, default .local-stack-bench, the one run-all.sh uses) with
#      benchmarks/data/clusters-100k.sql and funding-1m.sql loaded (each skips what is there already): DashboardLoad.
# Each part prints one table: per page the median and the worst of the load event's end and of the moment its
# charts, map and graph were drawn (ms from navigation start), with the sign-in page of the same run as ceiling.
# Usage: benchmarks/dashboard-load.sh   (RUNS [7] loads of each page; SKIP_FRESH=1 / SKIP_BENCH=1 run one part)
# Needs psql, Debian's chromium and chromium-driver, flock and a JDK; Maven runs under flock /tmp/cb-maven.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${RUNS:-7}
bench_data=${BENCH_DATA:-.local-stack-bench}
case "$bench_data" in /*) ;; *) bench_data="$root/$bench_data" ;; esac
export PGPASSWORD=postgres PGHOST=127.0.0.1 PGPORT=5433 PGUSER=postgres

die() { echo "dashboard-load: $*" >&2; exit 1; }
say() { printf '\n== [%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
for tool in psql chromium chromedriver flock java; do
  command -v "$tool" > /dev/null || die "$tool is missing"
done
[ -f dashboard/target/quarkus-app/quarkus-run.jar ] || die "the dashboard is not built (./mvnw -B -DskipTests install)"
if pgrep -f org.clusterbridge.localstack.LocalStack > /dev/null; then
  die "a local stack is already running: stop it first"
fi

out="$root/benchmarks/target/dashboard-load/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
stack_pid=""
stack_log=""
fresh_dir=""
. benchmarks/stack.sh
cleanup() {
  local status=$?
  stop_stack
  [ -z "$fresh_dir" ] || rm -rf "$fresh_dir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "compiling the benchmarks module"
flock /tmp/cb-maven.lock ./mvnw -B -q -Pbenchmarks -pl benchmarks test-compile > "$out/test-compile.txt" 2>&1 \
  || { tail -30 "$out/test-compile.txt" >&2; die "the benchmarks module does not compile"; }

measure() {
  flock /tmp/cb-maven.lock ./mvnw -B -q -Pbenchmarks -pl benchmarks exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=org.clusterbridge.benchmarks.DashboardLoad -Ddashboard=http://127.0.0.1:8080 \
    -DlinkFile="$1/dashboard.url" -Druns="$runs" > "$2" 2>&1 || { tail -30 "$2" >&2; die "DashboardLoad failed"; }
  grep -E '^(Dashboard|\|)' "$2"
}

if [ "${SKIP_FRESH:-0}" != 1 ]; then
  fresh_dir=$(mktemp -d /tmp/cb-dashboard-fresh.XXXXXX)
  rmdir "$fresh_dir"
  say "part 1: seed data only (a fresh folder, $fresh_dir)"
  start_stack "$fresh_dir" "$out/stack-fresh.log"
  echo "Seed data: $(psql -d cluster -Atc 'SELECT count(*) FROM cluster') clusters, $(psql -d funding -Atc \
    'SELECT count(*) FROM funding_figure') figures"
  measure "$fresh_dir" "$out/load-fresh.txt"
  stop_stack
fi

if [ "${SKIP_BENCH:-0}" != 1 ]; then
  say "part 2: the bench folder $bench_data with 100k clusters and 1M figures"
  start_stack "$bench_data" "$out/stack-bench.log"
  mkdir -p benchmarks/target
  psql -d cluster -v ON_ERROR_STOP=1 -q -f benchmarks/data/clusters-100k.sql > "$out/load-clusters.txt" 2>&1 \
    || { cat "$out/load-clusters.txt" >&2; die "clusters-100k.sql failed"; }
  psql -d funding -v ON_ERROR_STOP=1 -q -f benchmarks/data/funding-1m.sql > "$out/load-funding.txt" 2>&1 \
    || { cat "$out/load-funding.txt" >&2; die "funding-1m.sql failed"; }
  echo "Bench data: $(psql -d cluster -Atc 'SELECT count(*) FROM cluster') clusters, $(psql -d funding -Atc \
    'SELECT count(*) FROM funding_figure') figures"
  measure "$bench_data" "$out/load-bench.txt"
fi
echo "dashboard-load: raw output in $out" >&2
