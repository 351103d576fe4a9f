#!/usr/bin/env bash
# Request-path overhead of the real InteraktCaptureFilter (JMH, in-process servlet objects):
# a non-matching request and a matching 1 KiB urlencoded signup, each against the same request
# without the filter. Extra arguments (or BENCH_JMH_ARGS) go to JMH, e.g. -f 1 -wi 1 -i 2 for a quick look.
# Writes $RESULTS/jmh.md (and the raw $WORK/jmh.csv).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

CSV=$WORK/jmh.csv
build
await_quiet
load=$(loadavg)
log "JMH (load $load)"
snapshot=$(cpu_snapshot)
java -Duser.language=en -Duser.country=US -cp "$(bench_classpath)" org.openjdk.jmh.Main \
    -jvmArgsPrepend "-Djava.util.logging.config.file=$BENCH/logging.properties" \
    -prof gc -rf csv -rff "$CSV" ${BENCH_JMH_ARGS:-} "$@" \
    'NonMatchingRequestBenchmark|SignupRequestBenchmark|SignupWithSenderBenchmark' | tee "$WORK/jmh.txt"
load_after=$(loadavg)
others=$(other_cpu "$snapshot")

{
    echo "### Request-path overhead (JMH)"
    echo
    echo "Command: \`benchmarks/run-jmh.sh\` (JMH 1.37, \`-prof gc\`; forks, warm-up and measurement as annotated on each"
    echo "benchmark class). 1-min load average before / after: $load / $load_after; processes other than the"
    echo "benchmark's used $others % of one CPU meanwhile (a lower bound)."
    echo
    echo "| Case | without filter (ns) | with filter (ns) | added by the filter | allocated per request, added | target |"
    echo "| --- | ---: | ---: | ---: | ---: | --- |"
    awk -F',' 'NR > 1 {
        gsub(/"|\r/, "")
        bench = $1; metric = ""
        if (index(bench, ":")) { metric = substr(bench, index(bench, ":") + 1); bench = substr(bench, 1, index(bench, ":") - 1) }
        name = bench; sub(/^.*\./, "", name)
        cls = bench; sub(/\.[^.]*$/, "", cls); sub(/^.*\./, "", cls)
        key = cls SUBSEP $8
        if (metric == "") {
            if (name == "noFilter") { base[key] = $5; baseErr[key] = $6 }
            if (name == "filter") { with[key] = $5; withErr[key] = $6 }
        } else if (metric == "gc.alloc.rate.norm") {
            if (name == "noFilter") baseAlloc[key] = $5
            if (name == "filter") withAlloc[key] = $5
        }
    }
    function withError(score, error) {
        return error == "NaN" ? sprintf("%.0f", score) : sprintf("%.0f ± %.0f", score, error)
    }
    function row(label, key, target, allocNote) {
        if (!(key in with)) return
        added = with[key] - base[key]
        shown = added >= 1000 ? sprintf("%.2f µs", added / 1000) : sprintf("%.0f ns", added)
        alloc = (key in withAlloc) ? sprintf("%+.0f B%s", withAlloc[key] - baseAlloc[key], allocNote) : "n/a"
        printf "| %s | %s | %s | **%s** | %s | %s |\n", label, withError(base[key], baseErr[key]), withError(with[key], withErr[key]), shown, alloc, target
    }
    END {
        row("GET /hello, matches no rule", "NonMatchingRequestBenchmark" SUBSEP "", "< 50 ns")
        row("POST /signup 1 KiB form, app reads `getParameter` (counting sink)", "SignupRequestBenchmark" SUBSEP "PARAMETERS", "< 5 µs")
        row("POST /signup 1 KiB form, app reads `getInputStream` (counting sink)", "SignupRequestBenchmark" SUBSEP "STREAM", "< 5 µs")
        row("POST /signup 1 KiB form, app never reads the body (counting sink)", "SignupRequestBenchmark" SUBSEP "UNREAD", "< 5 µs")
        row("POST /signup 1 KiB form, `getParameter`, real sender to a loopback sandbox (batches of 1,000)", "SignupWithSenderBenchmark" SUBSEP "", "< 5 µs", " (all threads: delivery and the in-process sandbox included)")
    }' "$CSV"
} > "$RESULTS/jmh.md"
cat "$RESULTS/jmh.md"
