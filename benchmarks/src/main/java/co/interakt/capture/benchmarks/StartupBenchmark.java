package co.interakt.capture.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JVM start to first served request: starts a command, polls {@code GET path} on loopback every
 * few milliseconds with a raw socket (light, so the poller barely competes with the starting JVM
 * on a small machine) until the answer is 200, then stops the process. Configurations alternate
 * (A, B, C, A, B, C, ...) so a drift in the machine's load spreads over all of them.
 *
 * <p>{@code StartupBenchmark --reps N --port P --path /hello --log DIR [--ready-log NAME,...] NAME 'COMMAND' [NAME 'COMMAND' ...]};
 * each command runs through {@code bash -c 'exec COMMAND'}. Prints one line per run and a
 * summary line per configuration: {@code startup NAME median_ms min_ms max_ms}.
 *
 * <p>For the configurations named in {@code --ready-log}, the run also records when the agent's
 * {@link #READY_MARKERS ready} line appeared in the output, waiting for it after the first 200 if need
 * be. Summary:
 * {@code ready NAME median_ms min_ms max_ms}.
 *
 * <p>Each run also records the CPU time (user + system, all threads) the JVM had used when the
 * first 200 arrived, read from {@code /proc/PID/stat} (Linux; 10 ms ticks): on a machine shared
 * with other work it varies far less than the wall time, which includes waiting for a CPU.
 * Summary: {@code cpu NAME median_ms min_ms max_ms}. And, as the configurations of one round ran
 * back to back, each configuration after the first is compared with the first round by round:
 * {@code paired wall|cpu NAME median q1 q3 min max}, the differences in ms (the median of the
 * paired differences, its quartiles and extremes), which a drift of the machine's load over the
 * run cancels out of.
 */
public final class StartupBenchmark {
    private static final long POLL_MILLIS = 5;
    private static final long GIVE_UP_MILLIS = Long.getLong("startup.give-up-ms", 600_000);
    /** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
    private static final double CLOCK_TICKS = Double.parseDouble(System.getProperty("startup.clock-ticks", "100"));
    /** The agent's line saying capture is on: "...; ready in N ms". */
    static final List<String> READY_MARKERS = List.of("; ready in ");

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int reps = 5;
        int port = 8080;
        String path = "/hello";
        Path logs = Path.of(".");
        Map<String, String> commands = new LinkedHashMap<>();
        List<String> readyLog = List.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ready-log" -> readyLog = List.of(args[++i].split(","));
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--path" -> path = args[++i];
                case "--log" -> logs = Path.of(args[++i]);
                default -> commands.put(args[i], args[++i]);
            }
        }
        Map<String, List<Double>> results = new LinkedHashMap<>();
        Map<String, List<Double>> ready = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        commands.keySet().forEach(name -> results.put(name, new ArrayList<>()));
        commands.keySet().forEach(name -> cpu.put(name, new ArrayList<>()));
        for (int rep = 1; rep <= reps; rep++) {
            for (Map.Entry<String, String> config : commands.entrySet()) {
                boolean awaitReady = readyLog.contains(config.getKey());
                double[] millis = once(config.getValue(), port, path, logs.resolve("startup-" + config.getKey() + "-" + rep + ".log"), awaitReady);
                results.get(config.getKey()).add(millis[0]);
                cpu.get(config.getKey()).add(millis[2]);
                if (awaitReady) {
                    ready.computeIfAbsent(config.getKey(), k -> new ArrayList<>()).add(millis[1]);
                    System.out.printf("run %d %s %.0f ms cpu %.0f ms (capture ready at %.0f ms)%n", rep, config.getKey(), millis[0], millis[2], millis[1]);
                } else {
                    System.out.printf("run %d %s %.0f ms cpu %.0f ms%n", rep, config.getKey(), millis[0], millis[2]);
                }
            }
        }
        summarise("startup", results);
        summarise("ready", ready);
        summarise("cpu", cpu);
        paired("wall", results);
        paired("cpu", cpu);
    }

    /** Per configuration after the first: round-by-round differences from the first, their median, quartiles and extremes. */
    private static void paired(String label, Map<String, List<Double>> results) {
        List<String> names = new ArrayList<>(results.keySet());
        List<Double> base = results.get(names.get(0));
        for (String name : names.subList(1, names.size())) {
            List<Double> runs = results.get(name);
            double[] differences = new double[runs.size()];
            for (int i = 0; i < differences.length; i++) {
                differences[i] = runs.get(i) - base.get(i);
            }
            java.util.Arrays.sort(differences);
            System.out.printf("paired %s %s %.0f %.0f %.0f %.0f %.0f%n", label, name, median(differences),
                    quantile(differences, 0.25), quantile(differences, 0.75), differences[0], differences[differences.length - 1]);
        }
    }

    /** Linear interpolation between the closest ranks (R's type 7, a spreadsheet's QUARTILE). */
    static double quantile(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    }

    private static void summarise(String label, Map<String, List<Double>> results) {
        results.forEach((name, runs) -> {
            double[] sorted = runs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("%s %s %.0f %.0f %.0f%n", label, name, median(sorted), sorted[0], sorted[sorted.length - 1]);
        });
    }

    /**
     * Milliseconds from start to the first 200; to the agent's ready line when asked (else NaN); and
     * the CPU time the process had used at the first 200 (NaN where /proc cannot tell).
     */
    private static double[] once(String command, int port, String path, Path log, boolean awaitReady) throws Exception {
        awaitPortFree(port);
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "exec " + command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        double served = Double.NaN;
        double ready = Double.NaN;
        double cpu = Double.NaN;
        try {
            while (true) {
                if (awaitReady && Double.isNaN(ready) && readyLogged(Files.readString(log, StandardCharsets.ISO_8859_1))) {
                    ready = (System.nanoTime() - start) / 1e6;
                }
                if (Double.isNaN(served) && answers200(port, path)) {
                    served = (System.nanoTime() - start) / 1e6;
                    cpu = cpuMillis(process.pid());
                }
                if (!Double.isNaN(served) && (!awaitReady || !Double.isNaN(ready))) {
                    return new double[] {served, ready, cpu};
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("exited with " + process.exitValue() + " before serving; see " + log);
                }
                if (System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MILLIS)) {
                    throw new IllegalStateException("no 200" + (awaitReady ? " and ready line" : "") + " within " + GIVE_UP_MILLIS + " ms; see " + log);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** User + system CPU time of the process, all its threads, from /proc/PID/stat (fields 14 and 15, in clock ticks). */
    static double cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000.0 / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static boolean readyLogged(String output) {
        return READY_MARKERS.stream().anyMatch(output::contains);
    }

    private static boolean answers200(int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(30_000); // once connected, the first answer may take a while (class loading)
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] statusLine = in.readNBytes(12); // "HTTP/1.1 200"
            return new String(statusLine, StandardCharsets.US_ASCII).endsWith(" 200");
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    private static void awaitPortFree(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            } catch (IOException e) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("port " + port + " still in use");
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
