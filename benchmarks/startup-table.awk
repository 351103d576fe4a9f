# The large-app start-up table, from StartupBenchmark's per-run lines
#   run ROUND NAME WALL ms cpu CPU ms [...]
# so that a run stopped early still gives a table of its complete rounds. Per configuration: the
# median wall and CPU time, and the round-by-round differences from the first configuration (the
# baseline) with their median, quartiles (linear interpolation, as a spreadsheet's QUARTILE) and
# extremes. Variables: otel_version (for the row's name).
# Usage: awk -v otel_version=2.31.1 -f startup-table.awk startup-large.txt

function sort(a, n,    i, j, t) {
    for (i = 2; i <= n; i++) {
        t = a[i]
        for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]
        a[j + 1] = t
    }
}
function quantile(a, n, p,    r, lo) {
    r = p * (n - 1) + 1
    lo = int(r)
    return lo >= n ? a[n] : a[lo] + (r - lo) * (a[lo + 1] - a[lo])
}
function describe(a, n) {
    sort(a, n)
    return sprintf("%+d (%+d to %+d; %+d to %+d)", quantile(a, n, 0.5), quantile(a, n, 0.25), quantile(a, n, 0.75), a[1], a[n])
}
BEGIN {
    names["none"] = "no agent"; names["ours"] = "Interakt agent (one rule)"; names["otel"] = "OpenTelemetry agent " otel_version
    names["ours-off"] = "Interakt agent, `enabled=false`"; names["control-empty"] = "control: empty `premain`"
    names["control-transformer"] = "control: no-op class file transformer"
    names["control-bootjar"] = "control: jar appended to the bootstrap class path"
    names["control-transformer+bootjar"] = "control: no-op transformer + bootstrap jar"
}
$1 == "run" && $5 == "ms" && $6 == "cpu" {
    round = $2; c = $3
    if (!(c in seen)) { seen[c] = 1; order[++configs] = c }
    wall[round, c] = $4; cpu[round, c] = $7
    if (round > rounds) rounds = round
}
END {
    base = order[1]
    # Only complete rounds: every configuration ran in them.
    complete = 0
    for (r = 1; r <= rounds; r++) {
        ok = 1
        for (i = 1; i <= configs; i++) if (!((r, order[i]) in wall)) ok = 0
        if (ok) keep[++complete] = r
    }
    printf "Complete rounds: %d\n\n", complete
    print "| Configuration | wall, median (ms) | wall, min-max (ms) | CPU, median (ms) | added wall: median of paired differences (IQR; min to max) | added CPU: median of paired differences (IQR; min to max) |"
    print "| --- | ---: | ---: | ---: | ---: | ---: |"
    for (i = 1; i <= configs; i++) {
        c = order[i]
        delete w; delete u; delete dw; delete du
        for (k = 1; k <= complete; k++) {
            r = keep[k]
            w[k] = wall[r, c]; u[k] = cpu[r, c]
            dw[k] = wall[r, c] - wall[r, base]; du[k] = cpu[r, c] - cpu[r, base]
        }
        sort(w, complete); sort(u, complete)
        printf "| %s | %d | %d-%d | %d | %s | %s |\n", (c in names) ? names[c] : c, quantile(w, complete, 0.5), w[1], w[complete],
            quantile(u, complete, 0.5), (c == base) ? "" : describe(dw, complete), (c == base) ? "" : describe(du, complete)
    }
}
