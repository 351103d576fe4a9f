package co.interakt.capture.delivery;

import java.time.Instant;
import java.util.Map;

/**
 * A consistent-enough snapshot of the sender's counters (each read atomically, not all at once).
 * Never contains the API key.
 *
 * @param submitted      payloads accepted into the queue
 * @param sent           payloads Interakt answered 2xx
 * @param retried        retry attempts scheduled (a payload retried twice counts twice)
 * @param dropped        payloads refused by {@code submit}: queue full, or sender closed
 * @param failed         payloads given up on
 * @param failedByReason {@code failed} split by reason: {@code http-400}, {@code http-401}, ...,
 *                       {@code retries-exhausted}, {@code invalid-payload}, {@code internal-error}
 * @param queueDepth     accepted, not yet finished: queued, in flight or waiting to retry
 * @param queueCapacity  the bound of {@code queueDepth}
 * @param lastError      the last problem seen, or {@code null}
 * @param lastErrorAt    when, or {@code null}
 */
public record SenderMetrics(
        long submitted,
        long sent,
        long retried,
        long dropped,
        long failed,
        Map<String, Long> failedByReason,
        int queueDepth,
        int queueCapacity,
        String lastError,
        Instant lastErrorAt) {

    public SenderMetrics {
        failedByReason = Map.copyOf(failedByReason);
    }
}
