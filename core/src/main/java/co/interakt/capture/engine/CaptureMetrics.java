package co.interakt.capture.engine;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what the engine did with matched requests, cheap to update from many request threads.
 * Every matched request ends in exactly one of: captured, skipped (with a reason) or internal error,
 * so {@code matched == captured + sum(skipped) + internalErrors} once requests are done.
 */
public final class CaptureMetrics {
    /** The sink refused the payload (its queue is full, or it is closed). */
    public static final String SINK_REJECTED = "sink-rejected";

    private final LongAdder matched = new LongAdder();
    private final LongAdder captured = new LongAdder();
    private final LongAdder internalErrors = new LongAdder();
    // Reasons are constants of our own code, so this map stays small.
    private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();

    /**
     * A point-in-time copy.
     *
     * @param matched        requests handed to {@code capture}
     * @param captured       payloads the sink accepted
     * @param skipped        requests that produced no payload, by reason, sorted by reason
     * @param internalErrors failures of our own code, swallowed so the application never sees them
     */
    public record Snapshot(long matched, long captured, Map<String, Long> skipped, long internalErrors) {
        public Snapshot {
            skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
        }

        /** How many were skipped for this reason; 0 when never. */
        public long skipped(String reason) {
            return skipped.getOrDefault(reason, 0L);
        }

        public long skippedTotal() {
            return skipped.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    void matched() {
        matched.increment();
    }

    void captured() {
        captured.increment();
    }

    void skipped(String reason) {
        skipped.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    void internalError() {
        internalErrors.increment();
    }

    public Snapshot snapshot() {
        Map<String, Long> reasons = new TreeMap<>();
        skipped.forEach((reason, count) -> reasons.put(reason, count.sum()));
        return new Snapshot(matched.sum(), captured.sum(), reasons, internalErrors.sum());
    }
}
