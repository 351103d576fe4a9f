#!/usr/bin/env bash
# Start-up cost on a large application (issue 19): JVM start to the first 200 from GET / of
# benchmarks/large-app (Spring Boot 4: Spring MVC + Thymeleaf + Spring Data JPA/Hibernate + H2 +
# Actuator + validation + caching, over 15,000 classes loaded before that first page), with no
# agent, our agent (one rule added) and the OpenTelemetry Java agent (exporters off), interleaved
# round by round (A B C, A B C, ...). Reports wall time and the JVM's CPU time at the first 200,
# and the paired differences from "no agent" round by round (median, quartiles, min/max).
#
# Settings (environment, besides lib.sh's):
#   BENCH_LARGE_ROUNDS=15        rounds (each round starts every configuration once)
#   BENCH_LARGE_CONFIGS          configurations, in order (default "none ours otel"); the first is
#                                the baseline of the paired differences. Also available, for the
#                                breakdown: ours-off (enabled=false: jar and configuration only),
#                                control-empty (an agent whose premain does nothing),
#                                control-transformer (an agent with a no-op class file transformer),
#                                control-bootjar (an agent that only appends a jar to the bootstrap
#                                class path), control-transformer+bootjar
#   BENCH_LARGE_CDS=1            also count, in one run per configuration with -Xlog:class+load,
#                                the classes loaded and those taken from the CDS archive
#   BENCH_LARGE_DOMAINS=60       size of the generated app (entities, repositories, controllers...)
#   BENCH_LARGE_JVM_OPTS         JVM options of the app (default -Xmx1g -XX:+UseG1GC)
#   BENCH_LARGE_PORT=18180
# Writes $RESULTS/startup-large.md; raw lines in $WORK/startup-large.txt, app logs in $WORK/large/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ROUNDS=${BENCH_LARGE_ROUNDS:-15}
CONFIGS=${BENCH_LARGE_CONFIGS:-none ours otel}
LARGE_PORT=${BENCH_LARGE_PORT:-18180}
LARGE_OPTS=${BENCH_LARGE_JVM_OPTS:--Xmx1g -XX:+UseG1GC}
LARGE_JAR=$BENCH/large-app/target/large-app.jar
CONTROL_JAR=$BENCH/target/agents/control-agent.jar
LOGS=$WORK/large
mkdir -p "$LOGS"
RUN_AGENT_JAR=$LOGS/interakt-capture-agent.jar
RUN_LARGE_JAR=$LOGS/large-app.jar

build_large() {
    if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
        log "building the agent and the benchmarks (mvn -DskipTests package -pl agent,benchmarks -am)"
        (cd "$ROOT" && mvn -B -q -DskipTests package -pl agent,benchmarks -am dependency:build-classpath \
            -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime)
        log "building the large app (${BENCH_LARGE_DOMAINS:-60} domains)"
        (cd "$ROOT" && mvn -B -q -f benchmarks/large-app/pom.xml package -Dlarge-app.domains="${BENCH_LARGE_DOMAINS:-60}")
    fi
    if [ ! -f "$OTEL_JAR" ]; then
        log "fetching opentelemetry-javaagent $OTEL_VERSION"
        (cd "$ROOT" && mvn -B -q -N dependency:copy \
            -Dartifact=io.opentelemetry.javaagent:opentelemetry-javaagent:$OTEL_VERSION \
            -DoutputDirectory="$BENCH/target/agents")
    fi
    # The control agent of the breakdown: ControlAgent's class files and a manifest naming it.
    local manifest=$WORK/control-agent.mf
    printf 'Premain-Class: co.interakt.capture.benchmarks.ControlAgent\nCan-Retransform-Classes: true\n' > "$manifest"
    mkdir -p "$(dirname "$CONTROL_JAR")"
    (cd "$BENCH/target/classes" && jar cfm "$CONTROL_JAR" "$manifest" co/interakt/capture/benchmarks/ControlAgent*.class)
    # The runs use copies, so a build during a run (the agent's, say) cannot change what is measured.
    cp "$AGENT_JAR" "$RUN_AGENT_JAR"
    cp "$LARGE_JAR" "$RUN_LARGE_JAR"
}

# The large app's command line in a configuration.
large_command() {
    local config=$1 agent=""
    case $config in
        none) ;;
        # One rule: the app's signup form. Sends to a loopback sandbox port, as in production
        # (nothing is sent during start-up, so no sandbox needs to run).
        ours) agent="-javaagent:$RUN_AGENT_JAR -Dinterakt.app-id=bench-app -Dinterakt.base-url=http://127.0.0.1:$SANDBOX_PORT/api/v1 -Dinterakt.rules=signup -Dinterakt.rule.signup.paths=/signup" ;;
        ours-off) agent="-javaagent:$RUN_AGENT_JAR=enabled=false" ;;
        otel) agent="-javaagent:$OTEL_JAR -Dotel.traces.exporter=none -Dotel.metrics.exporter=none -Dotel.logs.exporter=none -Dotel.service.name=bench-large" ;;
        control-*) agent="-javaagent:$CONTROL_JAR=${config#control-}" ;;
        *) echo "unknown configuration $config" >&2; return 1 ;;
    esac
    echo "java $LARGE_OPTS $agent -Dserver.port=$LARGE_PORT -jar $RUN_LARGE_JAR"
}

build_large
await_quiet
load=$(loadavg)
log "large-app start-up: $ROUNDS rounds of: $CONFIGS (load $load)"
snapshot=$(cpu_snapshot)
t0=$(date +%s)
args=()
for config in $CONFIGS; do
    args+=("$config" "$(large_command "$config")")
done
ready=""
[[ " $CONFIGS " == *" ours "* ]] && ready="--ready-log ours"
# shellcheck disable=SC2086 # $ready is two words or none
bench_java co.interakt.capture.benchmarks.StartupBenchmark --reps "$ROUNDS" --port "$LARGE_PORT" --path / --log "$LOGS" \
    $ready "${args[@]}" | tee "$WORK/startup-large.txt"
others=$(other_cpu "$snapshot")
minutes=$(( ($(date +%s) - t0) / 60 ))

# Class counts: one run per configuration with -Xlog:class+load, stopped at the first 200.
cds_rows=""
if [ -n "${BENCH_LARGE_CDS:-}" ]; then
    for config in $CONFIGS; do
        logfile=$LOGS/classload-$config.txt
        rm -f "$logfile"
        # shellcheck disable=SC2046 # the command line is split on purpose
        set -- $(large_command "$config")
        shift # java
        bench_java co.interakt.capture.benchmarks.StartupBenchmark --reps 1 --port "$LARGE_PORT" --path / --log "$LOGS" \
            "cds-$config" "java -Xlog:class+load:file=$logfile $*" > /dev/null
        total=$(grep -c 'source:' "$logfile" || true)
        shared=$(grep -c 'source: shared objects file' "$logfile" || true)
        cds_rows+="| $config | $total | $shared |"$'\n'
    done
fi

{
    echo "### Start-up of a large application: JVM start to the first served page"
    echo
    echo "Command: \`BENCH_LARGE_ROUNDS=$ROUNDS benchmarks/run-startup-large.sh\`, $(date -u '+%Y-%m-%d %H:%M UTC'), $minutes min."
    echo "App: \`benchmarks/large-app\` (Spring Boot 4.0.7, ${BENCH_LARGE_DOMAINS:-60} domains), \`GET /\` polled every 5 ms until 200;"
    echo "JVM options \`$LARGE_OPTS\`; $ROUNDS rounds of \`$CONFIGS\`, interleaved. 1-min load average before: $load;"
    echo "processes other than the benchmark's used $others % of one CPU meanwhile (a lower bound)."
    echo
    echo "| Configuration | wall, median (ms) | wall, min-max | CPU, median (ms) | added wall: median of paired differences (IQR; min to max) | added CPU: median of paired differences (IQR; min to max) |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
    awk -v base="${CONFIGS%% *}" -v otel_version="$OTEL_VERSION" '
    BEGIN {
        names["none"] = "no agent"; names["ours"] = "Interakt agent (one rule)"; names["otel"] = "OpenTelemetry agent " otel_version
        names["ours-off"] = "Interakt agent, `enabled=false`"; names["control-empty"] = "control: empty `premain`"
        names["control-transformer"] = "control: no-op class file transformer"; names["control-bootjar"] = "control: jar appended to the bootstrap class path"
        names["control-transformer+bootjar"] = "control: no-op transformer + bootstrap jar"
    }
    $1 == "startup" { rows[++n] = $2; wall[$2] = $3; low[$2] = $4; high[$2] = $5 }
    $1 == "cpu" { cpu[$2] = $3 }
    $1 == "paired" { d[$2, $3] = sprintf("%+d (%+d to %+d; %+d to %+d)", $4, $5, $6, $7, $8) }
    END {
        for (i = 1; i <= n; i++) {
            c = rows[i]
            printf "| %s | %d | %d-%d | %d | %s | %s |\n", (c in names) ? names[c] : c, wall[c], low[c], high[c], cpu[c],
                (c == base) ? "" : d["wall", c], (c == base) ? "" : d["cpu", c]
        }
    }' "$WORK/startup-large.txt"
    if [ -n "$cds_rows" ]; then
        echo
        echo "Classes loaded before the first page (one run each, \`-Xlog:class+load\`), and how many came from the JDK's CDS archive:"
        echo
        echo "| Configuration | classes loaded | from the CDS archive (\"shared objects file\") |"
        echo "| --- | ---: | ---: |"
        printf '%s' "$cds_rows"
    fi
} > "$RESULTS/startup-large.md"
cat "$RESULTS/startup-large.md"
