package co.interakt.capture.delivery;

import java.time.Duration;

/**
 * What {@code close()} achieved: how many payloads were still pending when it started, how many
 * were left undelivered when the grace period ended, and how long it took.
 *
 * @param pendingAtClose accepted payloads not yet finished (queued, in flight, waiting to retry) at close
 * @param left           of those, the ones neither delivered nor failed when the sender stopped
 * @param took           time spent in close
 */
public record CloseReport(int pendingAtClose, int left, Duration took) {

    /** Everything accepted before close was delivered or definitively failed. */
    public boolean complete() {
        return left == 0;
    }
}
