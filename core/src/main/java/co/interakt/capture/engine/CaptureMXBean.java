package co.interakt.capture.engine;

import java.util.Map;

/**
 * The capture engine's counters over JMX, registered as {@code co.interakt.capture:type=Capture}
 * (a second engine in the same JVM, e.g. another webapp, gets {@code ,instance=2} and so on, as
 * the sender's bean does). Every matched request ends in exactly one of captured, skipped or
 * internal error: {@code Matched = Captured + Skipped + InternalErrors} once requests are done.
 */
public interface CaptureMXBean {
    /** Requests that matched a rule and were handed to the engine after the application answered. */
    long getMatched();

    /** Payloads handed to the sender. */
    long getCaptured();

    /** Matched requests that produced no payload, every reason together. */
    long getSkipped();

    /** Skips by reason code, e.g. {@code {missing-email=3, status-not-success=12}}. */
    Map<String, Long> getSkippedByReason();

    /** Failures of the capture's own code, swallowed so the application never saw them. */
    long getInternalErrors();

    /** The reason code of the most recent skip, or {@code null}. */
    String getLastSkipReason();

    /** ISO-8601 instant of the most recent skip, or {@code null}. */
    String getLastSkipAt();
}
