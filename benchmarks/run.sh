#!/usr/bin/env bash
# Every benchmark of docs/benchmarks.md, in one go (about 15 minutes on 2 cores), loopback only:
#   1. request-path overhead of the filter (JMH)           run-jmh.sh
#   2. throughput under wrk: no agent / ours / OpenTelemetry   run-load.sh
#   3. start-up to first served request                     run-startup.sh
#   4. delivery throughput vs a bare HttpClient 5 loop      run-delivery.sh
#   5. memory added by the agent, and its jar size          run-memory.sh
# Builds once (mvn -DskipTests package; the OpenTelemetry agent comes from Maven Central; wrk is
# installed with apt-get if missing), waits up to BENCH_QUIET_WAIT seconds (600) for the machine
# to be quiet (1-minute load average under BENCH_QUIET_LOAD, 1.0), then runs each part; before
# each part it waits up to BENCH_COOLDOWN_MAX seconds (60) for the load left by the previous one
# to settle. Results: benchmarks/target/results/results.md (one section per part, with the load
# average each ran at); raw outputs in benchmarks/target/work/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

build
ensure_wrk
export BENCH_SKIP_BUILD=1

log "waiting for a quiet machine (1-min load < $QUIET_LOAD, at most ${BENCH_QUIET_WAIT:-600}s); now $(loadavg)"
await_quiet "${BENCH_QUIET_WAIT:-600}"
started=$(date -u '+%Y-%m-%d %H:%M UTC')
start_load=$(loadavg)
t0=$(date +%s)

"$BENCH/run-jmh.sh"
"$BENCH/run-load.sh"
"$BENCH/run-startup.sh"
"$BENCH/run-delivery.sh"
"$BENCH/run-memory.sh"

{
    echo "## Results of \`benchmarks/run.sh\`"
    echo
    echo "- Date: $started; took $(( ($(date +%s) - t0) / 60 )) min."
    echo "- Machine: $(nproc) CPUs (\`nproc\`), $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory,"
    echo "  $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(uname -sr)."
    echo "- JDK: $(java -version 2>&1 | sed -n 2p)."
    echo "- 1-min / 5-min / 15-min load average at the start: $start_load."
    echo
    for part in jmh load startup delivery memory; do
        cat "$RESULTS/$part.md"
        echo
    done
} > "$RESULTS/results.md"
log "results: $RESULTS/results.md"
