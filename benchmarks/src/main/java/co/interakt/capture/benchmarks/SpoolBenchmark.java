package co.interakt.capture.benchmarks;

import static co.interakt.capture.benchmarks.BenchmarkArgs.intArg;
import static co.interakt.capture.benchmarks.BenchmarkArgs.stringArg;

import co.interakt.capture.config.FsyncPolicy;
import co.interakt.capture.config.SpoolSettings;
import co.interakt.capture.delivery.spool.Spool;
import co.interakt.capture.payload.InteraktPayload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What the durable spool adds to {@code submit} on the request thread: encoding the payload to
 * JSON (the memory-only sender does that later, on a worker) plus the append to the journal,
 * for each fsync policy. Every append is timed on its own, so the tail is visible, not only the
 * mean. The in-memory queue is kept out of it: every record goes to the disk backlog.
 *
 * <p>Not a test: run it with {@code benchmarks/run-spool.sh [--payloads N] [--always-payloads N]
 * [--threads T] [--rounds R] [--warmup R] [--dir PATH]}. Each round starts from an empty spool
 * directory (on the disk being measured: not /tmp if that is tmpfs); percentiles pool the
 * measured rounds.
 */
public final class SpoolBenchmark {
    private SpoolBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int payloadCount = intArg(args, "--payloads", 20_000);
        int alwaysCount = intArg(args, "--always-payloads", 2_000); // each one waits for the disk
        int threads = intArg(args, "--threads", 1);
        int rounds = intArg(args, "--rounds", 5);
        int warmUpRounds = intArg(args, "--warmup", 2);
        Path root = Path.of(stringArg(args, "--dir", "benchmarks/target/spool-bench")).toAbsolutePath();
        List<InteraktPayload> payloads = SignupPayloads.of(payloadCount);
        Files.createDirectories(root);

        System.out.printf("Spool append benchmark: %d payloads per round (%d with fsync always), %d thread(s), "
                + "%d warm-up + %d measured round(s), directory %s%n", payloadCount, alwaysCount, threads, warmUpRounds,
                rounds, root);
        System.out.printf("%-22s %12s %10s %10s %10s %10s %14s%n", "", "mean ns/op", "p50 ns", "p99 ns", "p99.9 ns",
                "max ns", "appends/s");

        Map<String, Result> results = new LinkedHashMap<>();
        results.put("encode only", measure(rounds, warmUpRounds, () -> encodeOnly(payloads, threads)));
        for (FsyncPolicy policy : FsyncPolicy.values()) {
            List<InteraktPayload> subset = policy == FsyncPolicy.ALWAYS ? payloads.subList(0, Math.min(alwaysCount, payloadCount)) : payloads;
            results.put("encode + append, " + policy.value(),
                    measure(rounds, warmUpRounds, () -> append(root, policy, subset, threads)));
        }
        results.forEach((name, r) -> System.out.printf("%-22s %12.0f %10d %10d %10d %10d %,14.0f%n", name, r.meanNanos(),
                r.percentile(50), r.percentile(99), r.percentile(99.9), r.max(), r.perSecond()));
    }

    /** Latencies of one round, and the wall time they took (several threads overlap). */
    private record Round(long[] latencies, long wallNanos) {
    }

    private record Result(long[] sorted, double meanNanos, double perSecond) {
        long percentile(double p) {
            int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        long max() {
            return sorted[sorted.length - 1];
        }
    }

    private interface RoundRunner {
        Round run() throws Exception;
    }

    /** Runs the warm-up rounds (not reported), then pools the measured ones; throughput is the median round's. */
    private static Result measure(int rounds, int warmUpRounds, RoundRunner runner) throws Exception {
        for (int r = 0; r < warmUpRounds; r++) {
            runner.run();
        }
        List<Round> measured = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            measured.add(runner.run());
        }
        long[] all = measured.stream().flatMapToLong(round -> Arrays.stream(round.latencies())).sorted().toArray();
        double mean = Arrays.stream(all).average().orElse(0);
        double[] perSecond = measured.stream().mapToDouble(round -> round.latencies().length / (round.wallNanos() / 1e9))
                .sorted().toArray();
        return new Result(all, mean, perSecond[perSecond.length / 2]);
    }

    private static Round encodeOnly(List<InteraktPayload> payloads, int threads) throws InterruptedException {
        return timed(payloads, threads, p -> {
            if (p.toJson().length == 0) {
                throw new IllegalStateException("empty JSON");
            }
        });
    }

    private static Round append(Path root, FsyncPolicy policy, List<InteraktPayload> payloads, int threads) throws Exception {
        Path dir = Files.createTempDirectory(root, policy.value() + "-");
        ScheduledThreadPoolExecutor background = new ScheduledThreadPoolExecutor(1);
        SpoolSettings settings = SpoolSettings.in(dir).withMaxBytes(1024L * 1024 * 1024)
                .withFsync(policy, SpoolSettings.DEFAULT_FSYNC_INTERVAL);
        Spool spool = Spool.open(settings, background);
        if (spool == null) {
            throw new IllegalStateException("spool not opened in " + dir);
        }
        try {
            return timed(payloads, threads, p -> {
                Spool.Outcome outcome = spool.append(p.target(), p.toJson(), () -> false).outcome();
                if (outcome != Spool.Outcome.BACKLOG) {
                    throw new IllegalStateException("append " + outcome);
                }
            });
        } finally {
            spool.close();
            background.shutdownNow();
            deleteRecursively(dir);
        }
    }

    private interface Operation {
        void run(InteraktPayload payload) throws Exception;
    }

    /** Runs {@code op} on every payload from {@code threads} threads, timing each call. */
    private static Round timed(List<InteraktPayload> payloads, int threads, Operation op) throws InterruptedException {
        long[] latencies = new long[payloads.size()];
        AtomicInteger next = new AtomicInteger();
        List<Throwable> failures = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < payloads.size(); i = next.getAndIncrement()) {
                        long before = System.nanoTime();
                        op.run(payloads.get(i));
                        latencies[i] = System.nanoTime() - before;
                    }
                } catch (Exception | Error e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "spool-bench-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long wall = System.nanoTime() - start;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("benchmark operation failed", failures.get(0));
        }
        return new Round(latencies, wall);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
