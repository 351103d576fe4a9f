#!/usr/bin/env bash
# Start-up cost: JVM start to the first 200 from GET /hello of the embedded Jetty example, with no
# agent, our agent and the OpenTelemetry Java agent, alternating, BENCH_STARTUP_REPS times each (5);
# plus two partial configurations of our agent that show where its start-up time goes.
# Writes $RESULTS/startup.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

REPS=${BENCH_STARTUP_REPS:-5}
build
await_quiet
load=$(loadavg)
log "start-up: $REPS runs per configuration (load $load)"
snapshot=$(cpu_snapshot)
bench_java co.interakt.capture.benchmarks.StartupBenchmark --reps "$REPS" --port "$APP_PORT" --path /hello --log "$WORK" \
    --ready-log ours \
    none "$(app_command none)" ours "$(app_command ours)" otel "$(app_command otel)" \
    ours-off "$(app_command ours-off)" ours-dry-run "$(app_command ours-dry-run)" | tee "$WORK/startup.txt"
others=$(other_cpu "$snapshot")

{
    echo "### Start-up: JVM start to first served request"
    echo
    echo "Command: \`benchmarks/run-startup.sh\`: \`StartupBenchmark\` starts the app, polls \`GET /hello\` every 5 ms on"
    echo "loopback until it answers 200, stops it; $REPS runs per configuration, alternating. App JVM options \`$JVM_OPTS\`."
    echo "Our agent is configured to send (app id, key, loopback base URL), as in production. 1-min load average before: $load;"
    echo "processes other than the benchmark's used $others % of one CPU meanwhile (a lower bound)."
    echo
    echo "| Configuration | median (ms) | min (ms) | max (ms) | added vs no agent (median, ms) | capture ready at (median, ms) |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
    awk '$1 == "ready" { ready[$2] = $3 }
    $1 == "startup" {
        names["none"] = "no agent"; names["ours"] = "Interakt agent"; names["otel"] = "OpenTelemetry agent"
        names["ours-off"] = "breakdown: Interakt agent with `enabled=false` (jar and configuration only)"
        names["ours-dry-run"] = "breakdown: Interakt agent with `dry-run=true` (instrumentation and engine, no HTTP sender)"
        if ($2 == "none") base = $3
        rows[++n] = $2; median[$2] = $3; low[$2] = $4; high[$2] = $5
    }
    END {
        for (i = 1; i <= n; i++) {
            c = rows[i]
            printf "| %s | %d | %d | %d | %+d | %s |\n", names[c], median[c], low[c], high[c], median[c] - base, (c in ready) ? ready[c] : ""
        }
    }' "$WORK/startup.txt"
} > "$RESULTS/startup.md"
cat "$RESULTS/startup.md"
