package co.interakt.capture.delivery;

import static org.junit.jupiter.api.Assertions.assertFalse;

import co.interakt.capture.sandbox.InteraktSandbox;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the sender's tests share: a fresh local Interakt sandbox and a capture of the log for each
 * test, the senders a test started closed after it, and, whatever the scenario, a check that the
 * API key never reached the log.
 */
abstract class AgainstTheSandbox {
    private final List<AutoCloseable> toClose = new ArrayList<>();
    protected InteraktSandbox sandbox;
    protected LogCapture logs;

    @BeforeEach
    void startSandboxAndCaptureLogs() {
        logs = new LogCapture();
        sandbox = new InteraktSandbox(TestSettings.APP_ID, TestSettings.API_KEY).start(0);
    }

    @AfterEach
    void closeAllAndCheckTheLog() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        sandbox.close();
        logs.close();
        assertKeyNeverLogged(logs);
    }

    /** Closed after the test, before the sandbox. */
    protected <T extends AutoCloseable> T closeAfterTest(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    static void assertKeyNeverLogged(LogCapture logs) {
        String token = Base64.getEncoder().encodeToString(
                (TestSettings.APP_ID + ":" + TestSettings.API_KEY).getBytes(StandardCharsets.UTF_8));
        for (String line : logs.lines()) {
            assertFalse(line.contains(TestSettings.API_KEY) || line.contains(token), "API key logged: " + line);
        }
    }
}
