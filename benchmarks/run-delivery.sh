#!/usr/bin/env bash
# Builds the modules the delivery benchmark needs and runs it against a loopback sandbox.
# Usage: benchmarks/run-delivery.sh [--payloads N] [--workers W] [--rounds R] [--warmup R]
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -pl benchmarks -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime

# Warnings only: the sender logs its start and stop at INFO once per round.
exec java -Xms256m -Xmx512m \
    -Djava.util.logging.config.file=benchmarks/logging.properties \
    -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    co.interakt.capture.benchmarks.DeliveryBenchmark "$@"
