#!/usr/bin/env bash
# The demo: builds what it needs, starts the local Interakt sandbox and the embedded-Jetty signup
# app with the agent, prints the two URLs and runs until Ctrl-C, which stops both.
#
# With INTERAKT_APP_ID and INTERAKT_API_KEY set, the app forwards to the real Interakt API
# (INTERAKT_BASE_URL if set) and no sandbox is started.
#
# Environment:
#   DEMO_APP_PORT      the signup app's port        (default 8080)
#   DEMO_SANDBOX_PORT  the sandbox's port           (default 8099)
#   DEMO_BUILD         false: use what is already built (the browser test does)
#   DEMO_SMOKE         true: post one signup, wait until the sandbox has it, then stop (CI runs
#                      the README's ./demo.sh this way, build included; needs curl)
#   DEMO_SPOOL_DIR     the agent's spool directory (default examples/demo/target/demo-spool)
#   JAVA_HOME          the JDK to run (else `java` on the PATH)
set -euo pipefail
cd "$(dirname "$0")"

app_port="${DEMO_APP_PORT:-8080}"
sandbox_port="${DEMO_SANDBOX_PORT:-8099}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
agent_jar=agent/target/interakt-capture-agent.jar
app_jar=examples/embedded-jetty/target/embedded-jetty.jar
sandbox_lib=examples/demo/target/lib
logs=examples/demo/target/demo-logs
# The agent's on-disk spool: what it could not deliver before a stop is sent at the next start.
# One per destination, so nothing queued for the sandbox is ever sent to the real Interakt.
spool="${DEMO_SPOOL_DIR:-$PWD/examples/demo/target/demo-spool}"
# The sandbox's demo credentials; the agent is given the same ones.
sandbox_app_id=demo-app
sandbox_api_key=demo-key

die() {
    echo "demo: $*" >&2
    exit 1
}

# True when something accepts connections on this local port.
listening() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

real_api=false
if [[ -n "${INTERAKT_APP_ID:-}" && -n "${INTERAKT_API_KEY:-}" ]]; then
    real_api=true
elif [[ -n "${INTERAKT_APP_ID:-}${INTERAKT_API_KEY:-}" ]]; then
    echo "demo: only one of INTERAKT_APP_ID and INTERAKT_API_KEY is set: using the local sandbox" >&2
fi

smoke="${DEMO_SMOKE:-false}"
if [[ $smoke == true && $real_api == true ]]; then
    die "DEMO_SMOKE=true runs against the local sandbox only: unset INTERAKT_APP_ID and INTERAKT_API_KEY"
fi

# Fail before a long build, not after it.
command -v "$java" >/dev/null || die "'$java' not found: install JDK 17+ or set JAVA_HOME"
command -v mvn >/dev/null || [[ "${DEMO_BUILD:-true}" == false ]] || die "'mvn' not found: install Apache Maven 3.8+"
if [[ $smoke == true ]]; then
    command -v curl >/dev/null || die "DEMO_SMOKE=true needs curl"
fi
for port in "$app_port" $([[ $real_api == true ]] || echo "$sandbox_port"); do
    [[ "$port" =~ ^[0-9]+$ ]] || die "port '$port' is not a number (DEMO_APP_PORT, DEMO_SANDBOX_PORT)"
    if listening "$port"; then
        die "port $port is busy (something already listens on it): stop it, or pick other ports, e.g. DEMO_APP_PORT=8180 DEMO_SANDBOX_PORT=8199 ./demo.sh"
    fi
done

mkdir -p "$logs"
if [[ "${DEMO_BUILD:-true}" != false ]]; then
    echo "Building the agent, the sandbox and the example app (the first run also downloads dependencies)..."
    if ! mvn -B -q -Dmaven.test.skip=true package -pl examples/demo -am > "$logs/build.log" 2>&1; then
        tail -n 40 "$logs/build.log" >&2
        die "the build failed (above; in full in $logs/build.log)"
    fi
fi
for file in "$agent_jar" "$app_jar" "$sandbox_lib"; do
    [[ -e "$file" ]] || die "$file is missing: run ./demo.sh without DEMO_BUILD=false to build it"
done

app_pid=""
sandbox_pid=""

# Stops a child with SIGTERM (its shutdown hooks run) and waits for it, SIGKILL after 15 s.
stop() {
    local pid="$1"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 150); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    trap - EXIT INT TERM
    echo
    echo "Stopping..."
    # The app first: on its way out the agent delivers what it still has queued to the sandbox.
    stop "$app_pid"
    stop "$sandbox_pid"
    echo "Demo stopped."
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Waits until the child listens on its port; fails with its log if it exits or takes too long.
await_port() {
    local name="$1" pid="$2" port="$3" log="$4"
    for _ in $(seq 600); do
        listening "$port" && return 0
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 30 "$log" >&2
            die "the $name exited before listening on port $port (log above, in full in $log)"
        fi
        sleep 0.1
    done
    die "the $name is not listening on port $port after 60 s (see $log)"
}

agent_options=(-javaagent:"$agent_jar")
if [[ $real_api == true ]]; then
    # The agent reads INTERAKT_APP_ID, INTERAKT_API_KEY (and INTERAKT_BASE_URL) from the environment.
    agent_options+=(-Dinterakt.spool.dir="$spool/interakt")
else
    "$java" -cp "$sandbox_lib/*" co.interakt.capture.sandbox.SandboxMain "$sandbox_port" \
        > "$logs/sandbox.log" 2>&1 &
    sandbox_pid=$!
    await_port sandbox "$sandbox_pid" "$sandbox_port" "$logs/sandbox.log"
    agent_options+=(-Dinterakt.app-id="$sandbox_app_id" -Dinterakt.dry-run=false
        -Dinterakt.base-url="http://127.0.0.1:$sandbox_port/api/v1" -Dinterakt.spool.dir="$spool/sandbox")
    # The key through the environment, as the README recommends (never on a command line).
    export INTERAKT_API_KEY="$sandbox_api_key"
fi

"$java" "${agent_options[@]}" -Dport="$app_port" -jar "$app_jar" > "$logs/app.log" 2>&1 &
app_pid=$!
await_port "signup app" "$app_pid" "$app_port" "$logs/app.log"

echo
grep -m1 -o 'Interakt capture agent.*' "$logs/app.log" || true
echo
echo "  Sign-up page (example app with the agent):  http://localhost:$app_port/signup"
if [[ $real_api == true ]]; then
    echo "  Members go to the real Interakt API, app id '$INTERAKT_APP_ID': watch them arrive in Interakt."
else
    echo "  Interakt sandbox (what the agent sent):     http://localhost:$sandbox_port/"
    echo
    echo "Fill in the form and submit: the member appears on the sandbox page within a second, without the password."
fi

if [[ $smoke == true ]]; then
    # One signup through the app, as the form would post it; the sandbox must receive it, without the password.
    email="smoke-$$@example.com"
    status=$(curl -s -o /dev/null -w '%{http_code}' --data-urlencode "email=$email" --data-urlencode "name=Demo Smoke" \
        --data-urlencode "city=Pune" --data-urlencode "password=not-forwarded-$$" "http://127.0.0.1:$app_port/signup")
    [[ $status == 201 ]] || die "smoke: the signup page answered $status, expected 201 (see $logs/app.log)"
    for _ in $(seq 300); do
        received=$(curl -s "http://127.0.0.1:$sandbox_port/sandbox/received.json" || true)
        if [[ $received == *"$email"* ]]; then
            [[ $received != *"not-forwarded-$$"* ]] || die "smoke: the password reached the sandbox"
            echo "demo smoke: the signup of $email reached the sandbox"
            exit 0
        fi
        sleep 0.1
    done
    die "smoke: the sandbox did not receive $email within 30 s (see $logs/app.log)"
fi
echo "Logs: $logs/. Press Ctrl-C to stop."

# Runs until Ctrl-C (the trap stops both) or until a child dies on its own.
while kill -0 "$app_pid" 2>/dev/null && { [[ -z "$sandbox_pid" ]] || kill -0 "$sandbox_pid" 2>/dev/null; }; do
    sleep 1
done
die "a demo process exited on its own; see $logs/app.log and $logs/sandbox.log"
