package co.interakt.capture.engine;

import java.time.Instant;
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
    /** The application's status is not a success for the rule (see {@code success-status}). */
    public static final String STATUS_NOT_SUCCESS = "status-not-success";

    private final LongAdder matched = new LongAdder();
    private final LongAdder captured = new LongAdder();
    private final LongAdder internalErrors = new LongAdder();
    // Reasons are constants of our own code, so this map stays small.
    private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();
    // The last skip, as one reference so reason and time always belong together.
    private volatile LastSkip lastSkip;

    private record LastSkip(String reason, Instant at) {
    }

    /**
     * A point-in-time copy.
     *
     * @param matched        requests handed to {@code capture}
     * @param captured       payloads the sink accepted
     * @param skipped        requests that produced no payload, by reason, sorted by reason
     * @param internalErrors failures of our own code, swallowed so the application never sees them
     * @param lastSkipReason the reason of the most recent skip, or {@code null}
     * @param lastSkipAt     when it happened, or {@code null}
     */
    public record Snapshot(long matched, long captured, Map<String, Long> skipped, long internalErrors,
            String lastSkipReason, Instant lastSkipAt) {
        public Snapshot {
            skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
        }

        public Snapshot(long matched, long captured, Map<String, Long> skipped, long internalErrors) {
            this(matched, captured, skipped, internalErrors, null, null);
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
        skipped(reason, null);
    }

    void skipped(String reason, Instant at) {
        skipped.computeIfAbsent(reason, r -> new LongAdder()).increment();
        if (at != null) {
            lastSkip = new LastSkip(reason, at);
        }
    }

    void internalError() {
        internalErrors.increment();
    }

    public Snapshot snapshot() {
        Map<String, Long> reasons = new TreeMap<>();
        skipped.forEach((reason, count) -> reasons.put(reason, count.sum()));
        LastSkip last = lastSkip;
        // Read matched last: a request counted in an outcome was counted as matched before it.
        long internal = internalErrors.sum();
        long capturedNow = captured.sum();
        return new Snapshot(matched.sum(), capturedNow, reasons, internal,
                last == null ? null : last.reason(), last == null ? null : last.at());
    }
}
