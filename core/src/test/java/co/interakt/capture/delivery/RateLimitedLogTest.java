package co.interakt.capture.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {

    @Test
    void logsTheFirstOccurrenceThenOncePerIntervalWithTheCount() {
        AtomicLong clock = new AtomicLong();
        try (LogCapture logs = new LogCapture()) {
            RateLimitedLog log = new RateLimitedLog(System.getLogger("co.interakt.test.RateLimited"),
                    System.Logger.Level.WARNING, Duration.ofMinutes(1), clock::get);

            log.record(n -> "dropped " + n);
            for (int i = 0; i < 5; i++) {
                clock.addAndGet(Duration.ofSeconds(10).toNanos());
                log.record(n -> "dropped " + n);
            }
            clock.addAndGet(Duration.ofSeconds(10).toNanos());
            log.record(n -> "dropped " + n);

            assertEquals(2, logs.lines(Level.WARNING, "dropped").size(), String.join("\n", logs.lines()));
            assertEquals(1, logs.lines(Level.WARNING, "dropped 1").size());
            assertEquals(1, logs.lines(Level.WARNING, "dropped 6").size());
        }
    }
}
