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
#   BENCH_LARGE_CLASSLOAD=R      instead: the transformer's cost per class, away from the app's
#                                start-up: a JVM that only loads every class of the app's libraries
#                                (ClassLoadBenchmark), R rounds of none, control-transformer, ours
#   BENCH_LARGE_APPCDS=R         instead: the same app with an archive of its own classes (AppCDS:
#                                Spring Boot's extracted layout, a training run with
#                                -XX:ArchiveClassesAtExit), R rounds of none, ours, and the no-op
#                                transformer with and without a jar appended to the bootstrap class
#                                path; classes from the archive counted in one run of each
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
# One rule: the app's signup form. Sends to a loopback sandbox port, as in production (nothing is
# sent during start-up, so no sandbox needs to run).
OURS_AGENT="-javaagent:$RUN_AGENT_JAR -Dinterakt.app-id=bench-app -Dinterakt.base-url=http://127.0.0.1:$SANDBOX_PORT/api/v1 -Dinterakt.rules=signup -Dinterakt.rule.signup.paths=/signup"

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
    # The runs use copies, so a build during a run (the agent's, say) cannot change what is measured;
    # put in place with mv, so a JVM of another run still reading the previous copy is not disturbed.
    cp "$AGENT_JAR" "$RUN_AGENT_JAR.new" && mv -f "$RUN_AGENT_JAR.new" "$RUN_AGENT_JAR"
    cp "$LARGE_JAR" "$RUN_LARGE_JAR.new" && mv -f "$RUN_LARGE_JAR.new" "$RUN_LARGE_JAR"
}

# The large app's command line in a configuration.
large_command() {
    local config=$1 agent=""
    case $config in
        none) ;;
        ours) agent=$OURS_AGENT ;;
        ours-off) agent="-javaagent:$RUN_AGENT_JAR=enabled=false" ;;
        otel) agent="-javaagent:$OTEL_JAR -Dotel.traces.exporter=none -Dotel.metrics.exporter=none -Dotel.logs.exporter=none -Dotel.service.name=bench-large" ;;
        control-*) agent="-javaagent:$CONTROL_JAR=${config#control-}" ;;
        *) echo "unknown configuration $config" >&2; return 1 ;;
    esac
    echo "java $LARGE_OPTS $agent -Dserver.port=$LARGE_PORT -jar $RUN_LARGE_JAR"
}

build_large

if [ -n "${BENCH_LARGE_CLASSLOAD:-}" ]; then
    lib=$LOGS/lib
    rm -rf "$lib" && mkdir -p "$lib"
    (cd "$lib" && unzip -q -j "$RUN_LARGE_JAR" 'BOOT-INF/lib/*.jar')
    loader="-cp $BENCH/target/classes co.interakt.capture.benchmarks.ClassLoadBenchmark load $(echo "$lib"/*.jar)"
    await_quiet
    log "class loading alone: $BENCH_LARGE_CLASSLOAD rounds (load $(loadavg))"
    bench_java co.interakt.capture.benchmarks.ClassLoadBenchmark compare --rounds "$BENCH_LARGE_CLASSLOAD" \
        none "java $LARGE_OPTS $loader" \
        control-transformer "java $LARGE_OPTS -javaagent:$CONTROL_JAR=transformer $loader" \
        ours "java $LARGE_OPTS ${OURS_AGENT} $loader" | tee "$WORK/classload-large.txt"
    exit 0
fi

# Counts, in one run with -Xlog:class+load stopped at the first 200, the classes loaded and those
# taken from a CDS archive; appends a table row to $cds_rows. $1: the name, $2: the command.
cds_rows=""
count_classes() {
    local name=$1 command=$2 logfile=$LOGS/classload-$1.txt
    rm -f "$logfile"
    bench_java co.interakt.capture.benchmarks.StartupBenchmark --reps 1 --port "$LARGE_PORT" --path / --log "$LOGS" \
        "cds-$name" "${command/java /java -Xlog:class+load:file=$logfile }" > /dev/null
    local total shared
    total=$(grep -c 'source:' "$logfile" || true)
    shared=$(grep -c 'source: shared objects file' "$logfile" || true)
    cds_rows+="| $name | $total | $shared |"$'\n'
}

if [ -n "${BENCH_LARGE_APPCDS:-}" ]; then
    extracted=$LOGS/extracted
    rm -rf "$extracted"
    java -Djarmode=tools -jar "$RUN_LARGE_JAR" extract --destination "$extracted" > /dev/null
    archive=$LOGS/large-app.jsa
    rm -f "$archive"
    log "AppCDS: training run (-XX:ArchiveClassesAtExit, the context closed once refreshed)"
    java $LARGE_OPTS -XX:ArchiveClassesAtExit="$archive" -Dspring.context.exit=onRefresh -Dserver.port=0 -jar "$extracted/large-app.jar" > "$LOGS/appcds-training.log" 2>&1
    cds_app() { echo "java $LARGE_OPTS -XX:SharedArchiveFile=$archive $1 -Dserver.port=$LARGE_PORT -jar $extracted/large-app.jar"; }
    for config in none ours control-transformer control-transformer+bootjar; do
        case $config in
            none) agent="" ;;
            ours) agent=$OURS_AGENT ;;
            *) agent="-javaagent:$CONTROL_JAR=${config#control-}" ;;
        esac
        count_classes "$config" "$(cds_app "$agent")"
    done
    await_quiet
    log "AppCDS: $BENCH_LARGE_APPCDS rounds (load $(loadavg))"
    bench_java co.interakt.capture.benchmarks.StartupBenchmark --reps "$BENCH_LARGE_APPCDS" --port "$LARGE_PORT" --path / --log "$LOGS" \
        none "$(cds_app "")" ours "$(cds_app "$OURS_AGENT")" \
        control-transformer "$(cds_app "-javaagent:$CONTROL_JAR=transformer")" \
        control-transformer+bootjar "$(cds_app "-javaagent:$CONTROL_JAR=transformer+bootjar")" | tee "$WORK/appcds-large.txt"
    {
        echo "Classes loaded before the first page with the app's own archive, and how many came from it:"
        echo
        echo "| Configuration | classes loaded | from the CDS archive |"
        echo "| --- | ---: | ---: |"
        printf '%s' "$cds_rows"
        echo
        awk -v otel_version="$OTEL_VERSION" -f "$BENCH/startup-table.awk" "$WORK/appcds-large.txt"
    } | tee "$RESULTS/appcds-large.md"
    exit 0
fi

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
if [ -n "${BENCH_LARGE_CDS:-}" ]; then
    for config in $CONFIGS; do
        count_classes "$config" "$(large_command "$config")"
    done
fi

{
    echo "### Start-up of a large application: JVM start to the first served page"
    echo
    echo "Command: \`BENCH_LARGE_ROUNDS=$ROUNDS benchmarks/run-startup-large.sh\`, $(date -u '+%Y-%m-%d %H:%M UTC'), $minutes min."
    echo "App: \`benchmarks/large-app\` (Spring Boot 4.0.7, ${BENCH_LARGE_DOMAINS:-60} domains), \`GET /\` polled every 5 ms until 200;"
    echo "JVM options \`$LARGE_OPTS\`; $ROUNDS rounds of \`$CONFIGS\`, interleaved. 1-min load average before: $load, after: $(loadavg);"
    echo "processes other than the benchmark's used $others % of one CPU meanwhile (a lower bound)."
    echo
    # The table from the per-run lines (a run stopped early still gives one: see startup-table.awk).
    awk -v otel_version="$OTEL_VERSION" -f "$BENCH/startup-table.awk" "$WORK/startup-large.txt"
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
