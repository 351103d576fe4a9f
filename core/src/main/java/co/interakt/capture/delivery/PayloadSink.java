package co.interakt.capture.delivery;

import co.interakt.capture.payload.InteraktPayload;

/**
 * Where the engine hands payloads: the asynchronous HTTP sender, or the dry-run logger.
 * Implementations never block the caller and never throw from {@link #submit}.
 */
public interface PayloadSink extends AutoCloseable {

    /** Queues a payload and returns at once; {@code false} when it was dropped (queue full or closed). */
    boolean submit(InteraktPayload payload);

    /** Stops intake, delivers what is queued within the grace period; idempotent. */
    @Override
    void close();
}
