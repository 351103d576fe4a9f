package co.interakt.capture.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DryRunAndSinksTest {
    private static final String BASE = "https://app.interakt.co/api/v1";

    @Test
    void dryRunLogsTheRequestItWouldSendButNeverTheCredentials() {
        try (LogCapture logs = new LogCapture(); DryRunSink sink = new DryRunSink(TestSettings.to(BASE).dryRun(true).build())) {
            var payload = Payloads.member("ann@example.com");
            assertTrue(sink.submit(payload));

            List<String> lines = logs.lines(Level.INFO, "not sent: POST " + BASE + "/members " + new String(payload.toJson(), UTF_8));
            assertEquals(1, lines.size(), String.join("\n", logs.lines()));
            assertEquals(1, sink.logged());
            assertTrue(logs.lines().stream().noneMatch(l -> l.contains(TestSettings.API_KEY) || l.contains(TestSettings.APP_ID)));
            sink.close();
            assertFalse(sink.submit(payload), "no intake after close");
        }
    }

    @ParameterizedTest(name = "dry-run={0}")
    @ValueSource(booleans = {true, false})
    void missingCredentialsAlwaysMeanDryRun(boolean dryRun) {
        try (PayloadSink sink = Sinks.create(TestSettings.to(BASE).noCredentials().dryRun(dryRun).build())) {
            assertInstanceOf(DryRunSink.class, sink);
        }
    }

    @Test
    void credentialsWithoutDryRunStartTheSender() {
        try (PayloadSink sink = Sinks.create(TestSettings.to(BASE).build())) {
            assertInstanceOf(InteraktSender.class, sink);
        }
        try (PayloadSink sink = Sinks.create(TestSettings.to(BASE).dryRun(true).build())) {
            assertInstanceOf(DryRunSink.class, sink);
        }
    }

    @Test
    void closeOnJvmExitRegistersARemovableHook() {
        try (PayloadSink sink = new DryRunSink(TestSettings.to(BASE).build())) {
            Thread hook = Sinks.closeOnJvmExit(sink);
            assertEquals("interakt-capture-shutdown", hook.getName());
            assertTrue(Runtime.getRuntime().removeShutdownHook(hook));
        }
    }
}
