package co.interakt.capture.delivery;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/** The sender's live counters; cheap to update from any thread. */
final class SenderCounters {
    private final LongAdder submitted = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    // Reasons are a small closed set (http-<status>, retries-exhausted, ...), so the map stays small.
    private final Map<String, LongAdder> failed = new ConcurrentHashMap<>();
    private volatile LastError lastError;

    private record LastError(String message, Instant at) {
    }

    void submitted() {
        submitted.increment();
    }

    void sent() {
        sent.increment();
    }

    void retried() {
        retried.increment();
    }

    void dropped() {
        dropped.increment();
    }

    void failed(String reason) {
        failed.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    void lastError(String message) {
        lastError = new LastError(message, Instant.now());
    }

    SenderMetrics snapshot(IntSupplier queueDepth, int queueCapacity) {
        Map<String, Long> byReason = new TreeMap<>();
        long failedTotal = 0;
        for (Map.Entry<String, LongAdder> e : failed.entrySet()) {
            long n = e.getValue().sum();
            byReason.put(e.getKey(), n);
            failedTotal += n;
        }
        LastError last = lastError;
        return new SenderMetrics(submitted.sum(), sent.sum(), retried.sum(), dropped.sum(), failedTotal, byReason,
                queueDepth.getAsInt(), queueCapacity, last == null ? null : last.message(), last == null ? null : last.at());
    }
}
