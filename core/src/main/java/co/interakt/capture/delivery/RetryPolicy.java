package co.interakt.capture.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a payload again: which answers are worth a retry, and how long to wait.
 *
 * <p>Delays grow exponentially with "equal" jitter: before retry {@code n} (1-based) the ceiling is
 * {@code min(maxBackoff, initialBackoff * 2^n)} and the wait is uniform between half of it (never
 * less than the initial backoff) and all of it. The jitter keeps senders that failed together from
 * coming back together; the growing lower bound keeps the retry budget a predictable span of
 * outage (full jitter could spend every attempt within seconds). A
 * {@code Retry-After} (seconds or HTTP-date) replaces that delay, capped at {@code maxBackoff}
 * like every other wait, so one answer cannot park a payload (and its queue slot) for hours.
 */
final class RetryPolicy {
    private final int maxAttempts;
    private final long initialNanos;
    private final long maxNanos;

    RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        this.maxAttempts = Math.max(1, maxAttempts);
        this.initialNanos = Math.max(0, initialBackoff.toNanos());
        this.maxNanos = Math.max(initialNanos, maxBackoff.toNanos());
    }

    /** 408, 429 and 5xx are the server asking to come back later; other statuses will not change. */
    static boolean retryableStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    boolean attemptsLeft(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /** The wait before the next attempt, after {@code attemptsMade} failed ones. */
    Duration delayAfter(int attemptsMade, String retryAfter, Instant now) {
        Duration asked = parseRetryAfter(retryAfter, now);
        if (asked != null) {
            return Duration.ofNanos(Math.min(asked.toNanos(), maxNanos));
        }
        int doublings = Math.min(Math.max(attemptsMade, 1), 40);
        long ceiling = initialNanos > (maxNanos >> doublings) ? maxNanos : initialNanos << doublings;
        long floor = Math.max(initialNanos, ceiling / 2);
        long spread = Math.max(0, ceiling - floor);
        long jitter = spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(spread + 1);
        return Duration.ofNanos(floor + jitter);
    }

    /** {@code Retry-After} as delay-seconds or an HTTP-date; {@code null} when absent or unreadable. */
    static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            // Capped at a day so the nanosecond arithmetic downstream cannot overflow.
            return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, 86_400));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration until = Duration.between(now, at);
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
