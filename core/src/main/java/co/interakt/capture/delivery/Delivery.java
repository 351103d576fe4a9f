package co.interakt.capture.delivery;

import co.interakt.capture.config.Target;
import co.interakt.capture.delivery.spool.SpooledRecord;
import co.interakt.capture.payload.InteraktPayload;
import java.time.Duration;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One payload on its way: ready now, or ready after a retry delay. Ordered by readiness, then by
 * arrival, so fresh payloads go out first-in first-out and a waiting retry holds no worker.
 * Either held in memory only, or journalled in the spool (then it carries the exact bytes written
 * there, and its record to acknowledge).
 */
final class Delivery implements Delayed {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Target target;
    private final InteraktPayload payload; // null when the body came from the spool
    private final SpooledRecord spooled; // null when memory only
    private final long sequence = SEQUENCE.incrementAndGet();
    private byte[] body;
    private int attempts;
    private volatile long readyAtNanos = System.nanoTime();

    Delivery(InteraktPayload payload) {
        this.target = payload.target();
        this.payload = payload;
        this.spooled = null;
    }

    Delivery(SpooledRecord spooled) {
        this.target = spooled.target();
        this.payload = null;
        this.spooled = spooled;
        this.body = spooled.json();
    }

    Target target() {
        return target;
    }

    /** The spool record to acknowledge when done, or {@code null} for a memory-only payload. */
    SpooledRecord spooled() {
        return spooled;
    }

    /** The JSON, encoded on first use (on a worker, not the request thread) and kept for retries. */
    byte[] body() {
        if (body == null) {
            body = payload.toJson();
        }
        return body;
    }

    int attempts() {
        return attempts;
    }

    void attempted() {
        attempts++;
    }

    void retryAfter(Duration delay) {
        readyAtNanos = System.nanoTime() + delay.toNanos();
    }

    @Override
    public long getDelay(TimeUnit unit) {
        return unit.convert(readyAtNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
        Delivery o = (Delivery) other;
        int byReadiness = Long.compare(readyAtNanos - o.readyAtNanos, 0);
        return byReadiness != 0 ? byReadiness : Long.compare(sequence, o.sequence);
    }
}
