package co.interakt.capture.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.filter.harness.Containers;
import co.interakt.capture.filter.harness.SenderJmx;
import co.interakt.capture.sandbox.InteraktSandbox;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Cases that take over a minute, run only with {@code -Preliability-long} (docs/reliability.md).
 */
@Tag("long")
abstract class LongScenarios extends ReliabilityScenario {
    private static final Duration OUTAGE_WAIT = Duration.ofMinutes(5);

    LongScenarios(Containers which) {
        super(which);
    }

    /**
     * Production retry timing (500 ms doubling to 30 s, jittered), Interakt down until every payload
     * has on average used up the default budget of 8 attempts (about a minute): with
     * {@code interakt.retry.max-attempts=20} every signup still arrives once it is back.
     */
    @Test
    void anOutageLongerThanTheDefaultRetryBudgetLosesNothingWithMoreAttempts() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        sandbox.close();
        Map<String, String> settings = captureSettings();
        settings.remove("interakt.retry.initial-backoff"); // the defaults: 500ms initial, 30s cap
        settings.put("interakt.retry.max-attempts", "20");
        settings.put("interakt.base-url", "http://127.0.0.1:" + port + "/api/v1");
        startShops(settings);
        List<String> emails = emails("outage", 20);
        signUpEverywhere(emails);

        SenderJmx jmx = SenderJmx.local();
        Instant deadline = Instant.now().plus(OUTAGE_WAIT);
        while (jmx.retried() < 8L * emails.size()) {
            assertTrue(Instant.now().isBefore(deadline), "the outage lasted " + OUTAGE_WAIT + ": " + jmx);
            Thread.sleep(100);
        }
        assertEquals(0, jmx.failed(), jmx.toString());
        sandbox = new InteraktSandbox(APP_ID, API_KEY).start(port);

        assertTrue(sandbox.awaitAccepted(emails.size(), Duration.ofMinutes(2)), jmx.toString());
        stopContainer();
        assertEquals(eachOnce(emails), acceptedMembers());
    }
}
