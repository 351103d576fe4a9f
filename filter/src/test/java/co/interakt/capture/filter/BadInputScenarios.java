package co.interakt.capture.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.filter.harness.BadInputs;
import co.interakt.capture.filter.harness.BadInputs.BadInput;
import co.interakt.capture.filter.harness.Containers;
import co.interakt.capture.sandbox.ReceivedRequest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input matrix ({@link BadInputs}) through a real container: for each request, the
 * application's answer with the filter is byte-identical to its answer without it, nothing in
 * the JVM's log shows an exception or a warning, and the capture does exactly what the table says
 * (one member Interakt accepts, or a skip with the stated reason and nothing sent).
 */
abstract class BadInputScenarios extends ReliabilityScenario {

    BadInputScenarios(Containers which) {
        super(which);
    }

    static List<BadInput> badInputs() {
        return BadInputs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void sameAnswerNoExceptionAndTheExpectedOutcome(BadInput input) throws Exception {
        startShops(captureSettings());

        postToBoth(input.name(), input.contentType(), input.body(), input.read());

        List<String> skips = log.linesWith("capture skipped: rule=signup reason=");
        stopContainer(); // delivers whatever was queued
        List<ReceivedRequest> received = sandbox.received();
        if (input.capturedEmail() != null) {
            assertEquals(List.of(), skips, "nothing skipped");
            assertEquals(1, received.size(), "one payload: " + received);
            ReceivedRequest member = received.get(0);
            assertTrue(member.accepted(), "a payload Interakt accepts: " + member);
            assertEquals(input.capturedEmail(), member.email());
            assertNull(member.header("X-Injected"), "no header smuggled in");
            assertNull(member.header("Bcc"), "no header smuggled in");
        } else {
            assertEquals(List.of("FINE co.interakt.capture.engine.CaptureEngine: capture skipped: rule=signup reason=" + input.skipReason()),
                    skips);
            assertEquals(List.of(), received, "nothing sent");
        }
        assertEquals(List.of(), log.problems(), "no exception or warning in the log");
    }
}
