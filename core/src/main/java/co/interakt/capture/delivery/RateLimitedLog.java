package co.interakt.capture.delivery;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * Logs a recurring problem at most once per interval, with how many times it happened since the
 * last line: a dead endpoint or a full queue must not flood the host application's log.
 */
public final class RateLimitedLog {
    private final System.Logger log;
    private final System.Logger.Level level;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong occurrences = new AtomicLong();
    private final AtomicLong lastLoggedAt;

    public RateLimitedLog(System.Logger log, System.Logger.Level level, Duration interval) {
        this(log, level, interval, System::nanoTime);
    }

    RateLimitedLog(System.Logger log, System.Logger.Level level, Duration interval, LongSupplier nanoClock) {
        this.log = log;
        this.level = level;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.lastLoggedAt = new AtomicLong(nanoClock.getAsLong() - intervalNanos);
    }

    /** Counts one occurrence; logs {@code message(countSinceLastLine)} when the interval has passed. */
    public void record(LongFunction<String> message) {
        occurrences.incrementAndGet();
        long now = nanoClock.getAsLong();
        long last = lastLoggedAt.get();
        if (now - last >= intervalNanos && lastLoggedAt.compareAndSet(last, now) && log.isLoggable(level)) {
            log.log(level, message.apply(occurrences.getAndSet(0)));
        }
    }
}
