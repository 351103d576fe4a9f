#!/usr/bin/env bash
# A/B of two builds of the agent on GET /hello (the request it does not capture): rounds of no
# agent, agent A, agent B, alternating, each a fresh JVM with 10 s of wrk warm-up and 10 s measured.
# Prints requests and the app's CPU time per request for each run. Answers "does this change cost
# the request path anything?", finer than run-load.sh because it compares two agents directly.
#   benchmarks/run-ab.sh A.jar [B.jar]     B defaults to agent/target/interakt-capture-agent.jar
#   BENCH_AB_ROUNDS                        rounds (default 4)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

A=${1:?usage: run-ab.sh A.jar [B.jar]}
B=${2:-$AGENT_JAR}
ROUNDS=${BENCH_AB_ROUNDS:-4}
ensure_wrk
build >&2
await_quiet
start_sandbox "$SANDBOX_PORT"
printf '| Round | Configuration | requests in 10 s | app CPU per request (µs) |\n| --- | --- | ---: | ---: |\n'
for round in $(seq "$ROUNDS"); do
    for config in none A B; do
        case $config in
            none) command=none ;;
            A) AGENT_JAR=$A; command=ours ;;
            B) AGENT_JAR=$B; command=ours ;;
        esac
        start_app "$command"
        run_wrk /hello 10s "" > /dev/null
        before=$(proc_ticks "$APP_PID")
        requests=$(run_wrk /hello 10s "" | sed 's/.*requests=\([0-9]*\).*/\1/')
        after=$(proc_ticks "$APP_PID")
        # Clock ticks are 1/100 s: ticks * 10,000 µs / requests, to two decimals.
        printf '| %s | %s | %s | %s |\n' "$round" "$config" "$requests" \
            "$(awk -v t=$((after - before)) -v r="$requests" 'BEGIN { printf "%.2f", t * 10000 / r }')"
        stop_pid "$APP_PID"
    done
done
