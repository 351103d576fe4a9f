#!/usr/bin/env bash
# Delivery throughput: InteraktSender vs a bare Apache HttpClient 5 loop, both posting to a
# loopback sandbox in the same JVM (DeliveryBenchmark). Writes $RESULTS/delivery.md.
# Usage: benchmarks/run-delivery.sh [--payloads N] [--workers W] [--rounds R] [--warmup R]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

build
await_quiet
load=$(loadavg)
log "delivery (load $load)"
snapshot=$(cpu_snapshot)
# Warnings only: the sender logs its start and stop at INFO once per round.
java -Xms256m -Xmx512m -Duser.language=en -Duser.country=US \
    -Djava.util.logging.config.file="$BENCH/logging.properties" \
    -cp "$(bench_classpath)" co.interakt.capture.benchmarks.DeliveryBenchmark "$@" | tee "$WORK/delivery.txt"
others=$(other_cpu "$snapshot")

{
    echo "### Delivery: sender vs. a bare HttpClient 5 loop"
    echo
    echo "Command: \`benchmarks/run-delivery.sh${*:+ $*}\` ($(head -1 "$WORK/delivery.txt" | sed 's/^Delivery benchmark: //; s/, sandbox .*//')). 1-min load average before: $load;"
    echo "processes other than the benchmark's used $others % of one CPU meanwhile (a lower bound)."
    echo
    echo "| Round | Sender (deliveries/s) | Bare HttpClient 5 (deliveries/s) |"
    echo "| --- | ---: | ---: |"
    sed -n 's/^round \([0-9]*\): sender \([0-9,]*\)\/s *bare HttpClient 5 \([0-9,]*\)\/s$/| \1 | \2 | \3 |/p' "$WORK/delivery.txt"
    sed -n 's/^median: *sender \([0-9,]*\)\/s *bare HttpClient 5 \([0-9,]*\)\/s *ratio sender\/bare \([0-9.]*\)$/| **median** | **\1** | **\2** |\n\n**Ratio sender \/ bare: \3** (target ≥ 0.8)./p' "$WORK/delivery.txt"
} > "$RESULTS/delivery.md"
cat "$RESULTS/delivery.md"
