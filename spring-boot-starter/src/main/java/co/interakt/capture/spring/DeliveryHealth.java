package co.interakt.capture.spring;

import co.interakt.capture.delivery.SenderMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Judges delivery from the sender's counters, independent of Boot's health API (which moved in
 * Boot 4; one adapter per version turns this into a {@code Health}).
 *
 * <p>Trouble is reported as {@value #DEGRADED}, a status Boot's default status order does not
 * list, so it shows on the component and never turns the application DOWN or fails a probe,
 * unless the application adds it to {@code management.endpoint.health.status.order}. Trouble is:
 * Interakt refusing the credentials (401/403), an error in the last {@link #RECENT} with nothing
 * delivered since the previous check (API unreachable, 5xx, timeouts), or the queue
 * {@link #QUEUE_FILLING_PERCENT}% full.
 */
final class DeliveryHealth {
    static final String UP = "UP";
    static final String DEGRADED = "DEGRADED";
    static final String UNKNOWN = "UNKNOWN";
    static final Duration RECENT = Duration.ofMinutes(5);
    static final int QUEUE_FILLING_PERCENT = 80;

    /** A health status code and its details, for either Boot version's {@code Health} builder. */
    record Verdict(String status, Map<String, Object> details) {
    }

    private final InteraktCapture capture;
    private final Clock clock;
    private long sentAtLastCheck = -1;
    private long credentialFailuresAtLastCheck;

    DeliveryHealth(InteraktCapture capture) {
        this(capture, Clock.systemUTC());
    }

    DeliveryHealth(InteraktCapture capture, Clock clock) {
        this.capture = capture;
        this.clock = clock;
    }

    synchronized Verdict check() {
        Map<String, Object> details = new LinkedHashMap<>();
        if (!capture.isRunning()) {
            details.put("capture", capture.active() ? "stopped" : "inactive (disabled or no rule)");
            return new Verdict(UNKNOWN, details);
        }
        details.put("mode", capture.delivery().isPresent() ? "sending" : "dry-run");
        details.put("target", capture.config().delivery().baseUrl().getHost());
        if (capture.delivery().isEmpty()) {
            return new Verdict(UP, details);
        }
        SenderMetrics m = capture.delivery().get();
        details.put("sent", m.sent());
        details.put("failed", m.failed());
        details.put("dropped", m.dropped());
        details.put("queueDepth", m.queueDepth());
        details.put("queueCapacity", m.queueCapacity());
        String problem = problem(m);
        sentAtLastCheck = m.sent();
        credentialFailuresAtLastCheck = credentialFailures(m);
        if (problem == null) {
            return new Verdict(UP, details);
        }
        details.put("problem", problem);
        if (m.lastError() != null) {
            details.put("lastError", m.lastError());
            details.put("lastErrorAt", String.valueOf(m.lastErrorAt()));
        }
        return new Verdict(DEGRADED, details);
    }

    private String problem(SenderMetrics m) {
        long credentialFailures = credentialFailures(m);
        boolean nothingSentSince = sentAtLastCheck >= 0 && m.sent() == sentAtLastCheck;
        if (credentialFailures > 0 && (credentialFailures > credentialFailuresAtLastCheck || nothingSentSince || sentAtLastCheck < 0)) {
            return "Interakt refused the credentials (HTTP 401/403): check interakt.app-id and interakt.api-key";
        }
        if (m.queueCapacity() > 0 && m.queueDepth() * 100L >= (long) m.queueCapacity() * QUEUE_FILLING_PERCENT) {
            return "the send queue is " + (m.queueDepth() * 100L / m.queueCapacity()) + "% full; payloads are dropped when it is full";
        }
        Instant at = m.lastErrorAt();
        if (at != null && at.isAfter(clock.instant().minus(RECENT)) && (nothingSentSince || m.sent() == 0)) {
            return "deliveries are failing (Interakt unreachable or answering errors); they are retried";
        }
        return null;
    }

    private static long credentialFailures(SenderMetrics m) {
        return m.failedByReason().getOrDefault("http-401", 0L) + m.failedByReason().getOrDefault("http-403", 0L);
    }
}
