# Shared by the run-*.sh scripts (sourced, not run). Everything stays on loopback.
# Settings (environment):
#   BENCH_SKIP_BUILD=1        use what is built (run.sh builds once, then sets it)
#   BENCH_JVM_OPTS            JVM options of the example app in every configuration (default below)
#   BENCH_APP_PORT / BENCH_SANDBOX_PORT   loopback ports (default 18080 / 18099, 18100 for the hanging one)
#   BENCH_QUIET_LOAD          1-minute load average under which a phase starts (default 1.0)
#   BENCH_COOLDOWN_MAX        longest wait for it before a phase, in seconds (default 60)

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/benchmarks
RESULTS=$BENCH/target/results
WORK=$BENCH/target/work
APP_JAR=$ROOT/examples/embedded-jetty/target/embedded-jetty.jar
AGENT_JAR=$ROOT/agent/target/interakt-capture-agent.jar
OTEL_VERSION=2.31.1
OTEL_JAR=$BENCH/target/agents/opentelemetry-javaagent-$OTEL_VERSION.jar
JVM_OPTS=${BENCH_JVM_OPTS:--Xmx512m -XX:+UseG1GC}
APP_PORT=${BENCH_APP_PORT:-18080}
SANDBOX_PORT=${BENCH_SANDBOX_PORT:-18099}
HANGING_SANDBOX_PORT=$((SANDBOX_PORT + 1))
QUIET_LOAD=${BENCH_QUIET_LOAD:-1.0}
COOLDOWN_MAX=${BENCH_COOLDOWN_MAX:-60}
SIGNUP_BODY=$WORK/signup-form.txt
# The agent's key, given the way the README recommends (the environment), accepted by BenchSandbox.
export INTERAKT_API_KEY=bench-key

mkdir -p "$RESULTS" "$WORK"

STARTED_PIDS=()
stop_started() {
    local pid
    for pid in "${STARTED_PIDS[@]}"; do
        stop_pid "$pid"
    done
    STARTED_PIDS=()
}
trap stop_started EXIT

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Builds everything the runs use: modules (agent jar, example app, benchmarks and its class path)
# and the OpenTelemetry agent from Maven Central.
build() {
    if [ -n "${BENCH_SKIP_BUILD:-}" ]; then
        [ -f "$SIGNUP_BODY" ] || bench_java co.interakt.capture.benchmarks.SignupForm > "$SIGNUP_BODY"
        return
    fi
    log "building (mvn -DskipTests package)"
    (cd "$ROOT" && mvn -B -q -DskipTests package dependency:build-classpath \
        -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime)
    if [ ! -f "$OTEL_JAR" ]; then
        log "fetching opentelemetry-javaagent $OTEL_VERSION"
        (cd "$ROOT" && mvn -B -q -N dependency:copy \
            -Dartifact=io.opentelemetry.javaagent:opentelemetry-javaagent:$OTEL_VERSION \
            -DoutputDirectory="$BENCH/target/agents")
    fi
    bench_java co.interakt.capture.benchmarks.SignupForm > "$SIGNUP_BODY"
}

bench_classpath() { echo "$BENCH/target/classes:$(cat "$BENCH/target/classpath.txt")"; }

bench_java() {
    java -Djava.util.logging.config.file="$BENCH/logging.properties" -cp "$(bench_classpath)" "$@"
}

load1() { cut -d' ' -f1 /proc/loadavg; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# CPU accounting of the processes outside this benchmark's process group, to tell how much the
# machine was shared during a measurement (the load average counts our own load generator too).
# cpu_snapshot prints the time, then "pid pgrp ticks" for every process; other_cpu SNAPSHOT prints
# the CPU the others used since the snapshot, in % of one CPU. A lower bound: processes that
# started and ended in between are missed.
OUR_PGRP=$(ps -o pgid= $$ | tr -d ' ')
cpu_snapshot() {
    local f line rest
    echo "@ $(date +%s.%N)"
    for f in /proc/[0-9]*/stat; do
        read -r line 2> /dev/null < "$f" || continue
        rest=${line##*) }
        # shellcheck disable=SC2086 # split into the stat fields after the command name
        set -- $rest
        echo "${f//[!0-9]/} $3 $((${12} + ${13}))"
    done
}
# CPU time (user + system) a process has used so far, in clock ticks.
proc_ticks() {
    local line
    read -r line < "/proc/$1/stat"
    local rest=${line##*) }
    # shellcheck disable=SC2086
    set -- $rest
    echo $((${12} + ${13}))
}
other_cpu() {
    { echo "$1"; cpu_snapshot; } | awk -v ours="$OUR_PGRP" -v hz="$(getconf CLK_TCK)" '
        $1 == "@" { if (t0 == "") t0 = $2; else t1 = $2; next }
        t1 == "" { start[$1] = $3; next }
        $2 != ours { used += $3 - ($1 in start ? start[$1] : 0) }
        END { printf "%.0f\n", used / hz / (t1 - t0) * 100 }'
}

# Waits (at most $1 seconds) until the 1-minute load average is under BENCH_QUIET_LOAD, so that a
# phase does not start in the wake of the previous one or of someone else's build.
await_quiet() {
    local max=${1:-$COOLDOWN_MAX} waited=0
    while awk -v l="$(load1)" -v q="$QUIET_LOAD" 'BEGIN { exit !(l >= q) }'; do
        if [ "$waited" -ge "$max" ]; then
            log "load average still $(loadavg) after ${max}s: going on, it is recorded"
            return
        fi
        sleep 5
        waited=$((waited + 5))
    done
}

# The example app's command line in a configuration: none | ours | otel, or for the start-up
# breakdown ours-off (agent jar loaded, interakt.enabled=false: nothing installed) and ours-dry-run
# (instrumentation and engine, but the dry-run logger instead of the HTTP sender).
# $2: the port of the sandbox our agent delivers to.
app_command() {
    local config=$1 sandbox_port=${2:-$SANDBOX_PORT} agent=""
    case $config in
        none) ;;
        ours) agent="-javaagent:$AGENT_JAR -Dinterakt.app-id=bench-app -Dinterakt.base-url=http://127.0.0.1:$sandbox_port/api/v1" ;;
        ours-off) agent="-javaagent:$AGENT_JAR=enabled=false" ;;
        ours-dry-run) agent="-javaagent:$AGENT_JAR=dry-run=true" ;;
        otel) agent="-javaagent:$OTEL_JAR -Dotel.traces.exporter=none -Dotel.metrics.exporter=none -Dotel.logs.exporter=none -Dotel.service.name=bench-jetty" ;;
        *) echo "unknown configuration $config" >&2; return 1 ;;
    esac
    echo "java $JVM_OPTS $agent -Dport=$APP_PORT -jar $APP_JAR"
}

# Starts the app (configuration $1, sandbox port $2) in the background, waits until it serves.
# Sets APP_PID.
start_app() {
    local config=$1 sandbox_port=${2:-$SANDBOX_PORT} logfile=$WORK/app-$1.log
    await_port_free "$APP_PORT"
    # shellcheck disable=SC2046 # the command line is split on purpose
    $(app_command "$config" "$sandbox_port") > "$logfile" 2>&1 &
    APP_PID=$!
    STARTED_PIDS+=("$APP_PID")
    await_http "http://127.0.0.1:$APP_PORT/hello" "$APP_PID" "$logfile"
}

# Starts BenchSandbox on port $1 (add --hang for an Interakt that never answers). Sets SANDBOX_PID.
start_sandbox() {
    local port=$1 mode=${2:-}
    await_port_free "$port"
    # exec: $! must be the JVM itself, not a subshell around it.
    (exec java -cp "$(bench_classpath)" co.interakt.capture.benchmarks.BenchSandbox "$port" $mode > "$WORK/sandbox-$port.log" 2>&1) &
    SANDBOX_PID=$!
    STARTED_PIDS+=("$SANDBOX_PID")
    await_http "http://127.0.0.1:$port/" "$SANDBOX_PID" "$WORK/sandbox-$port.log"
}

await_http() {
    local url=$1 pid=$2 logfile=$3 i
    for i in $(seq 1 600); do
        if curl -s -o /dev/null --max-time 2 "$url"; then
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            log "process $pid exited before serving $url; its log:"
            cat "$logfile" >&2
            return 1
        fi
        sleep 0.1
    done
    log "$url did not answer within 60 s"
    return 1
}

await_port_free() {
    local i
    for i in $(seq 1 200); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
            return 0
        fi
        sleep 0.1
    done
    log "port $1 is still in use"
    return 1
}

# Stops a process we started (SIGTERM, then SIGKILL after 20 s) and waits for it.
stop_pid() {
    local pid=$1 i
    kill "$pid" 2>/dev/null || return 0
    for i in $(seq 1 200); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    local kept=()
    for i in "${STARTED_PIDS[@]}"; do
        [ "$i" = "$pid" ] || kept+=("$i")
    done
    STARTED_PIDS=("${kept[@]}")
}

# wrk against the app: $1 path, $2 duration, $3 body file or "" (GET). Prints the RESULT line.
run_wrk() {
    WRK_BODY_FILE=${3:-} wrk -t"${BENCH_WRK_THREADS:-2}" -c"${BENCH_WRK_CONNECTIONS:-32}" -d"$2" \
        -s "$BENCH/wrk/report.lua" "http://127.0.0.1:$APP_PORT$1" | grep '^RESULT'
}

ensure_wrk() {
    if ! command -v wrk > /dev/null; then
        log "installing wrk (apt-get)"
        apt-get install -y wrk > /dev/null 2>&1 || { apt-get update > /dev/null && apt-get install -y wrk > /dev/null; }
    fi
}
