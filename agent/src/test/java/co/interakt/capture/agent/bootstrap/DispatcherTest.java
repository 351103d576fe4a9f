package co.interakt.capture.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DispatcherTest {
    /** Records the calls; begins a capture for requests equal to "signup". */
    static final class RecordingDelegate implements Dispatcher.Delegate {
        final List<String> calls = new ArrayList<>();
        RuntimeException failOnBegin;
        RuntimeException failOnEnd;

        @Override
        public Object begin(Object request, Object response) {
            calls.add("begin " + request);
            if (failOnBegin != null) {
                throw failOnBegin;
            }
            return "signup".equals(request) ? "handle" : null;
        }

        @Override
        public Object request(Object handle) {
            return "wrapped";
        }

        @Override
        public void end(Object handle, Throwable thrown) {
            calls.add("end " + handle + " " + (thrown == null ? "ok" : thrown.getMessage()));
            if (failOnEnd != null) {
                throw failOnEnd;
            }
        }
    }

    private final RecordingDelegate delegate = new RecordingDelegate();

    @AfterEach
    void uninstall() {
        Dispatcher.install(null);
        assertEquals(0, Dispatcher.depth(), "every test must leave the thread unwound");
    }

    @Test
    void onlyTheOutermostCallOfARequestBeginsAndEndsACapture() {
        Dispatcher.install(delegate);
        assertEquals("wrapped", Dispatcher.enter("signup", "response")); // e.g. the first filter
        assertEquals("wrapped", Dispatcher.enter("wrapped", "response")); // the next filter: as it came
        assertEquals("wrapped", Dispatcher.enter("wrapped", "response")); // the servlet
        Dispatcher.exit(null);
        Dispatcher.exit(null);
        assertEquals(List.of("begin signup"), delegate.calls);
        Dispatcher.exit(null);
        assertEquals(List.of("begin signup", "end handle ok"), delegate.calls);
    }

    @Test
    void theExceptionTheApplicationThrewIsPassedOn() {
        Dispatcher.install(delegate);
        Dispatcher.enter("signup", "response");
        Dispatcher.exit(new IllegalStateException("boom"));
        assertEquals(List.of("begin signup", "end handle boom"), delegate.calls);
    }

    @Test
    void aRequestNoRuleWantsIsLeftAlone() {
        Dispatcher.install(delegate);
        assertEquals("hello", Dispatcher.enter("hello", "response"));
        Dispatcher.exit(null);
        assertEquals(List.of("begin hello"), delegate.calls);
    }

    @Test
    void consecutiveRequestsOnOneThreadAreEachCaptured() {
        Dispatcher.install(delegate);
        for (int i = 0; i < 2; i++) {
            Dispatcher.enter("signup", "response");
            Dispatcher.exit(null);
        }
        assertEquals(List.of("begin signup", "end handle ok", "begin signup", "end handle ok"), delegate.calls);
    }

    @Test
    void aFailingDelegateNeverReachesTheApplication() {
        delegate.failOnBegin = new IllegalStateException("begin broke");
        Dispatcher.install(delegate);
        assertEquals("signup", Dispatcher.enter("signup", "response"));
        Dispatcher.exit(null);

        delegate.failOnBegin = null;
        delegate.failOnEnd = new IllegalStateException("end broke");
        assertSame("wrapped", Dispatcher.enter("signup", "response"));
        Dispatcher.exit(null); // does not throw
    }

    @Test
    void withoutADelegateCallsStillUnwind() {
        assertEquals("signup", Dispatcher.enter("signup", "response"));
        Dispatcher.install(delegate); // installed while a request is in flight
        assertEquals("signup", Dispatcher.enter("signup", "response"));
        Dispatcher.exit(null);
        Dispatcher.exit(null);
        assertEquals(List.of(), delegate.calls);
    }

    @Test
    void anUnbalancedExitIsIgnored() {
        Dispatcher.exit(null);
        assertEquals(0, Dispatcher.depth());
    }
}
