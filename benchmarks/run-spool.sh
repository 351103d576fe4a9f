#!/usr/bin/env bash
# Builds the modules the spool benchmark needs and measures the cost of an append per fsync policy.
# Usage: benchmarks/run-spool.sh [--payloads N] [--always-payloads N] [--threads T] [--rounds R] [--warmup R] [--dir PATH]
# The spool files go to benchmarks/target/spool-bench unless --dir says otherwise: measure the disk
# the spool will live on (not a tmpfs /tmp).
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -pl benchmarks -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime

exec java -Xms256m -Xmx512m \
    -Djava.util.logging.config.file=benchmarks/logging.properties \
    -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    co.interakt.capture.benchmarks.SpoolBenchmark "$@"
