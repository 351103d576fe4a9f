#!/usr/bin/env bash
# Throughput under load: the embedded Jetty example under wrk on loopback, with no agent, our agent
# (delivering to a loopback sandbox) and the OpenTelemetry Java agent (exporters off), on
# GET /hello and on POST /signup (the 1 KiB form); plus our agent on /signup with an Interakt that
# never answers (queue full: the request-thread cost without the delivery's CPU). Per configuration
# and round: start the app, then per endpoint a warm-up run (not reported; a fresh JVM needs about
# 10 s of this load on 2 CPUs before its throughput settles) and a measured run, recording the CPU
# the app and the sandbox used per request; configurations alternate per round.
# Writes $RESULTS/load.md. Settings: BENCH_LOAD_ROUNDS (2), BENCH_WARMUP (10s), BENCH_DURATION (10s),
# BENCH_WRK_THREADS (2), BENCH_WRK_CONNECTIONS (32), and those of lib.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ROUNDS=${BENCH_LOAD_ROUNDS:-2}
WARMUP=${BENCH_WARMUP:-10s}
DURATION=${BENCH_DURATION:-10s}
TSV=$WORK/load.tsv

build
ensure_wrk
start_sandbox "$SANDBOX_PORT"
sandbox_pid=$SANDBOX_PID
start_sandbox "$HANGING_SANDBOX_PORT" --hang
await_quiet
: > "$WORK/load-warmup.txt"
printf 'round\tconfig\tendpoint\trequests\tduration_us\tp50_us\tp99_us\terrors\tload1\tothers_cpu\tapp_ticks\tsandbox_ticks\n' > "$TSV"
hz=$(getconf CLK_TCK)
for round in $(seq 1 "$ROUNDS"); do
    for config in none ours otel ours-unanswered; do
        log "load round $round: $config"
        if [ "$config" = ours-unanswered ]; then
            start_app ours "$HANGING_SANDBOX_PORT"
        else
            start_app "$config"
        fi
        # /hello first: a signup run leaves our agent delivering its backlog for a while. The
        # configuration that only measures /signup still gets the /hello warm-up, like the others.
        for endpoint in hello signup; do
            body=""
            [ "$endpoint" = signup ] && body=$SIGNUP_BODY
            echo "$config $endpoint $(run_wrk "/$endpoint" "$WARMUP" "$body")" >> "$WORK/load-warmup.txt"
            [ "$config-$endpoint" = ours-unanswered-hello ] && continue
            load=$(load1)
            snapshot=$(cpu_snapshot)
            app0=$(proc_ticks "$APP_PID")
            sandbox0=$(proc_ticks "$sandbox_pid")
            result=$(run_wrk "/$endpoint" "$DURATION" "$body")
            app_ticks=$(($(proc_ticks "$APP_PID") - app0))
            sandbox_ticks=$(($(proc_ticks "$sandbox_pid") - sandbox0))
            others=$(other_cpu "$snapshot")
            log "  $endpoint: $result (load before: $load, other processes: $others% of a CPU)"
            echo "$result" | awk -v r="$round" -v c="$config" -v e="$endpoint" -v l="$load" -v o="$others" \
                    -v at="$app_ticks" -v st="$sandbox_ticks" '{
                for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
                printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r, c, e, v["requests"], v["duration_us"], v["p50_us"], v["p99_us"], v["errors"], l, o, at, st
            }' >> "$TSV"
        done
        stop_pid "$APP_PID"
    done
done
stop_pid "$sandbox_pid"
delivered=$(grep -o 'accepted [0-9]*' "$WORK/sandbox-$SANDBOX_PORT.log" | awk '{print $2}')
ours_signups=$(awk -F'\t' '$2 == "ours" && $3 == "signup" { n += $4 } END { print n + 0 }' "$TSV")
ours_warmup=$(awk '$1 == "ours" && $2 == "signup" { split($4, kv, "="); n += kv[2] } END { print n + 0 }' "$WORK/load-warmup.txt")

{
    echo "### Throughput under load (wrk)"
    echo
    echo "Command: \`benchmarks/run-load.sh\`: wrk -t${BENCH_WRK_THREADS:-2} -c${BENCH_WRK_CONNECTIONS:-32}, $WARMUP warm-up + $DURATION measured per endpoint,"
    echo "$ROUNDS round(s), configurations alternating; app JVM options \`$JVM_OPTS\`; OpenTelemetry Java agent $OTEL_VERSION."
    echo "Numbers are the mean of the rounds; ratios are against no agent (req/s: higher is better; latency: lower is better)."
    echo "CPU per request: the CPU time (user + system) the app's JVM, and the sandbox's JVM our agent delivers to, used"
    echo "during the measured run divided by the requests answered; it is steadier than req/s on a shared machine."
    echo
    echo "The last columns tell how busy the machine was: the 1-minute load average before each measured run (it"
    echo "includes the load generator's previous run) and the CPU that processes other than the benchmark's used"
    echo "during each run, in % of one CPU (a lower bound)."
    echo
    echo "| Endpoint | Configuration | req/s | p50 (ms) | p99 (ms) | req/s ratio | p50 ratio | p99 ratio | app CPU per request (µs) | sandbox CPU per request (µs) | errors | load before | others' CPU |"
    echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"
    awk -F'\t' -v hz="$hz" 'NR > 1 {
        k = $3 SUBSEP $2
        rps[k] += $4 / ($5 / 1e6); p50[k] += $6; p99[k] += $7; err[k] += $8; n[k]++
        appCpu[k] += $11 / hz * 1e6; sandboxCpu[k] += $12 / hz * 1e6; served[k] += $4
        loads[k] = loads[k] (loads[k] == "" ? "" : ", ") $9
        others[k] = others[k] (others[k] == "" ? "" : ", ") $10 "%"
    }
    END {
        split("hello signup", eps, " "); split("none ours otel ours-unanswered", cfgs, " ")
        names["none"] = "no agent"; names["ours"] = "Interakt agent"; names["otel"] = "OpenTelemetry agent"
        names["ours-unanswered"] = "Interakt agent, Interakt not answering (queue full)"
        paths["hello"] = "GET /hello"; paths["signup"] = "POST /signup (1 KiB form)"
        for (i = 1; i <= 2; i++) {
            base = eps[i] SUBSEP "none"
            for (j = 1; j <= 4; j++) {
                k = eps[i] SUBSEP cfgs[j]
                if (!n[k]) continue
                r = rps[k] / n[k]; a = p50[k] / n[k] / 1000; b = p99[k] / n[k] / 1000
                r0 = rps[base] / n[base]; a0 = p50[base] / n[base] / 1000; b0 = p99[base] / n[base] / 1000
                printf "| %s | %s | %.0f | %.2f | %.2f | %.3f | %.2f | %.2f | %.1f | %.1f | %d | %s | %s |\n", paths[eps[i]], names[cfgs[j]], r, a, b, r / r0, a / a0, b / b0, appCpu[k] / served[k], sandboxCpu[k] / served[k], err[k], loads[k], others[k]
            }
        }
    }' "$TSV"
    echo
    echo "With our agent, $((ours_signups + ours_warmup)) signups were answered on /signup (warm-up runs included) and the"
    echo "loopback sandbox accepted ${delivered:-?} deliveries; the others were dropped by the bounded queue (10,000) or"
    echo "left at shutdown, as designed for a signup rate thousands of times above any real form's."
} > "$RESULTS/load.md"
cat "$RESULTS/load.md"
