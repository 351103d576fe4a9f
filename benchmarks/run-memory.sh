#!/usr/bin/env bash
# Memory added by an agent to the embedded Jetty example: live heap after a full GC
# (jcmd GC.heap_info), metaspace, and resident set size (VmRSS), at idle after a few requests and
# after BENCH_FILL (12000) signups; for our agent those run against an Interakt that never answers,
# so its queue is full (10,000 payloads) when measured. Plus the agent jar's size.
# Writes $RESULTS/memory.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

FILL=${BENCH_FILL:-12000}
TSV=$WORK/memory.tsv

# Prints "heap_used_kb metaspace_used_kb rss_kb" of process $1, after two full GCs.
measure() {
    local pid=$1
    jcmd "$pid" GC.run > /dev/null
    sleep 1
    jcmd "$pid" GC.run > /dev/null
    sleep 1
    local info heap meta rss
    info=$(jcmd "$pid" GC.heap_info)
    heap=$(echo "$info" | awk '/ heap .*used/ { for (i = 1; i <= NF; i++) if ($i == "used") { gsub(/[K,]/, "", $(i + 1)); print $(i + 1); exit } }')
    meta=$(echo "$info" | awk '/Metaspace.*used/ { for (i = 1; i <= NF; i++) if ($i == "used") { gsub(/[K,]/, "", $(i + 1)); print $(i + 1); exit } }')
    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
    echo "$heap $meta $rss"
}

# A few requests of each kind, so the request paths (and the agent's advice) are loaded.
touch_app() {
    local i
    for i in $(seq 1 20); do
        curl -s -o /dev/null "http://127.0.0.1:$APP_PORT/hello"
        curl -s -o /dev/null -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "@$SIGNUP_BODY" "http://127.0.0.1:$APP_PORT/signup"
    done
}

# $1 scenario name, $2 configuration, $3 sandbox port, $4 "fill" to load /signup before measuring.
scenario() {
    local name=$1 config=$2 port=$3 fill=${4:-}
    log "memory: $name"
    start_app "$config" "$port"
    touch_app
    if [ -n "$fill" ]; then
        # wrk runs for a time, not a count: short runs until at least $FILL signups were answered.
        local answered=0 runs=0
        while [ "$answered" -lt "$FILL" ]; do
            runs=$((runs + 1))
            if [ "$runs" -gt 60 ]; then
                log "only $answered signups answered in 2 minutes: see $WORK/app-$config.log"
                exit 1
            fi
            answered=$((answered + $(run_wrk /signup 2s "$SIGNUP_BODY" | sed 's/.*requests=\([0-9]*\).*/\1/')))
        done
        log "  $answered signups answered"
    fi
    sleep 2
    local load m
    load=$(load1)
    m=$(measure "$APP_PID")
    printf '%s\t%s\t%s\n' "$name" "$m" "$load" | tr ' ' '\t' >> "$TSV"
    if [ "$config" = ours ] && [ -n "$fill" ] && ! grep -q 'queue full' "$WORK/app-ours.log"; then
        log "the agent's queue did not fill: see $WORK/app-ours.log"
        exit 1
    fi
    cp "$WORK/app-$config.log" "$WORK/memory-$name.log"
    stop_pid "$APP_PID"
}

build
ensure_wrk
start_sandbox "$SANDBOX_PORT"
start_sandbox "$HANGING_SANDBOX_PORT" --hang
await_quiet
snapshot=$(cpu_snapshot)
printf 'scenario\theap_kb\tmetaspace_kb\trss_kb\tload1\n' > "$TSV"
scenario idle-none none "$SANDBOX_PORT"
scenario idle-ours ours "$SANDBOX_PORT"
scenario idle-otel otel "$SANDBOX_PORT"
scenario loaded-none none "$SANDBOX_PORT" fill
scenario full-queue-ours ours "$HANGING_SANDBOX_PORT" fill
stop_started
others=$(other_cpu "$snapshot")

jar_size=$(stat -c %s "$AGENT_JAR")
otel_size=$(stat -c %s "$OTEL_JAR")
{
    echo "### Memory"
    echo
    echo "Command: \`benchmarks/run-memory.sh\`: app JVM options \`$JVM_OPTS\`; each configuration started fresh, 20 \`GET /hello\`"
    echo "and 20 signups sent, then (rows after load) at least $FILL more signups by wrk; measured 2 s later after two \`jcmd GC.run\`:"
    echo "heap used and metaspace used from \`jcmd GC.heap_info\`, RSS from \`/proc/PID/status\` (VmRSS). For the full"
    echo "queue our agent delivers to a loopback Interakt that reads requests and never answers. Processes other than"
    echo "the benchmark's used $others % of one CPU during this part (a lower bound)."
    echo
    echo "| Scenario | heap after GC (MiB) | metaspace (MiB) | RSS (MiB) | added heap | added metaspace | added RSS | 1-min load |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    awk -F'\t' 'NR > 1 { h[$1] = $2; m[$1] = $3; r[$1] = $4; l[$1] = $5; order[++n] = $1 }
    END {
        names["idle-none"] = "idle, no agent"; names["idle-ours"] = "idle, Interakt agent"; names["idle-otel"] = "idle, OpenTelemetry agent"
        names["loaded-none"] = "after signup load, no agent"; names["full-queue-ours"] = "after signup load, Interakt agent, queue full (10,000)"
        for (i = 1; i <= n; i++) {
            s = order[i]; base = (s ~ /^idle/) ? "idle-none" : "loaded-none"
            added = (s == base) ? "| | | " : sprintf("| %+.1f | %+.1f | %+.1f ", (h[s] - h[base]) / 1024, (m[s] - m[base]) / 1024, (r[s] - r[base]) / 1024)
            printf "| %s | %.1f | %.1f | %.1f %s| %s |\n", names[s], h[s] / 1024, m[s] / 1024, r[s] / 1024, added, l[s]
        }
    }' "$TSV"
    echo
    awk -v a="$jar_size" -v o="$otel_size" -v v="$OTEL_VERSION" 'BEGIN {
        printf "Agent jar: `interakt-capture-agent.jar` %d bytes (%.1f MiB); for reference `opentelemetry-javaagent-%s.jar` %d bytes (%.1f MiB).\n", a, a / 1048576, v, o, o / 1048576
    }'
} > "$RESULTS/memory.md"
cat "$RESULTS/memory.md"
