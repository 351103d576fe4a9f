package co.interakt.capture.delivery;

import co.interakt.capture.config.DeliverySettings;

/** Chooses the sink for a configuration: the dry-run logger, or the asynchronous HTTP sender. */
public final class Sinks {
    // TODO(delivery helper): implement.
    private Sinks() {
    }

    public static PayloadSink create(DeliverySettings settings) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
