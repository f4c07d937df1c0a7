# The local stack for the benchmark scripts (sourced by run-all.sh and dashboard-load.sh, which define die and
# set stack_pid="" first).

stop_stack() {
  [ -n "$stack_pid" ] || return 0
  if kill -0 "$stack_pid" 2> /dev/null; then
    local children
    children=$(pgrep -P "$stack_pid" || true)
    kill -TERM "$stack_pid" 2> /dev/null || true
    for _ in $(seq 1 120); do
      kill -0 "$stack_pid" 2> /dev/null || break
      sleep 0.5
    done
    if kill -0 "$stack_pid" 2> /dev/null; then
      echo "the stack (pid $stack_pid) did not stop in 60 s; killing it and its services" >&2
      kill -KILL "$stack_pid" $children 2> /dev/null || true
    fi
  fi
  stack_pid=""
}

# start_stack DATA_DIR LOG: starts the stack and waits for it; sets stack_pid and up_seconds (wall clock, from
# the launch to the stack's "Up in", seed data included).
start_stack() {
  stack_log=$2
  local begin
  begin=$(date +%s%N)
  ./local-stack.sh --data "$1" > "$stack_log" 2>&1 &
  stack_pid=$!
  for _ in $(seq 1 1200); do
    if grep -q '^Up in ' "$stack_log"; then
      up_seconds=$(awk -v b="$begin" -v e="$(date +%s%N)" 'BEGIN {printf "%.1f", (e - b) / 1e9}')
      return 0
    fi
    if grep -q '^ERROR' "$stack_log" || ! kill -0 "$stack_pid" 2> /dev/null; then
      tail -30 "$stack_log" >&2
      die "the local stack did not start (log: $stack_log)"
    fi
    sleep 0.2
  done
  die "the local stack was not up after 4 minutes (log: $stack_log)"
}
