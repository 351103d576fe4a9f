package co.interakt.capture.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(1000));

    @ParameterizedTest(name = "{0} retryable: {1}")
    @CsvSource({"200,false", "301,false", "400,false", "401,false", "403,false", "404,false", "408,true", "409,false",
            "422,false", "429,true", "500,true", "502,true", "503,true", "504,true"})
    void retriesOnlyWhatMayChange(int status, boolean retryable) {
        assertEquals(retryable, RetryPolicy.retryableStatus(status));
    }

    @ParameterizedTest(name = "Retry-After ''{0}'' -> {1} ms")
    @CsvSource(nullValues = "null", value = {
            "1,                              1000",
            "0,                              0",
            "' 3 ',                          3000",
            "'Wed, 01 Jan 2025 12:00:02 GMT', 2000",
            "'Wed, 01 Jan 2025 11:59:00 GMT', 0",
            "-5,                             null",
            "soon,                           null",
            "'',                             null",
            "null,                           null"})
    void readsRetryAfterAsSecondsOrHttpDate(String header, Long expectedMillis) {
        Duration parsed = RetryPolicy.parseRetryAfter(header, NOW);
        assertEquals(expectedMillis, parsed == null ? null : parsed.toMillis());
    }

    @Test
    void retryAfterIsCappedAtMaxBackoff() {
        assertEquals(Duration.ofMillis(1000), policy.delayAfter(1, "120", NOW));
        assertEquals(Duration.ofMillis(1000), policy.delayAfter(1, "99999999999", NOW));
    }

    @ParameterizedTest(name = "after {0} failed attempt(s): between {1} and {2} ms")
    @CsvSource({"1,100,200", "2,200,400", "3,400,800", "4,500,1000", "30,500,1000", "100,500,1000"})
    void backoffGrowsWithJitterWithinBounds(int attemptsMade, long floorMillis, long ceilingMillis) {
        for (int i = 0; i < 200; i++) {
            long delay = policy.delayAfter(attemptsMade, null, NOW).toMillis();
            assertTrue(delay >= floorMillis && delay <= ceilingMillis,
                    delay + " out of [" + floorMillis + ", " + ceilingMillis + "]");
        }
    }

    @Test
    void jitterSpreadsDelays() {
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToLong(i -> policy.delayAfter(3, null, NOW).toNanos()).distinct().count();
        assertTrue(distinct > 1, "all 50 delays were equal");
    }

    @Test
    void countsAttemptsIncludingTheFirst() {
        assertTrue(policy.attemptsLeft(3));
        assertFalse(policy.attemptsLeft(4));
        assertFalse(new RetryPolicy(1, Duration.ZERO, Duration.ZERO).attemptsLeft(1));
    }
}
