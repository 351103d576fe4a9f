package co.interakt.capture.delivery;

import java.util.Map;

/**
 * The sender's metrics over JMX, registered as {@value JmxRegistration#OBJECT_NAME} (a second
 * sender in the same JVM, e.g. another webapp, gets {@code ,instance=2} and so on).
 * Read-only; never exposes the API key.
 */
public interface SenderMXBean {
    long getSubmitted();

    long getSent();

    long getRetried();

    long getDropped();

    long getFailed();

    Map<String, Long> getFailedByReason();

    int getQueueDepth();

    int getQueueCapacity();

    String getLastError();

    /** ISO-8601 instant of the last error, or {@code null}. */
    String getLastErrorAt();

    /** The Interakt API base payloads go to. */
    String getBaseUrl();

    /** Payloads journalled in the spool and not yet acknowledged (in memory or on disk); 0 without a spool. */
    long getSpoolOutstanding();

    /** Bytes the spool's files occupy or reserve, bounded by {@code interakt.spool.max-bytes}; 0 without a spool. */
    long getSpoolUsedBytes();
}
