package co.interakt.capture.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.config.ConfigLoader;
import co.interakt.capture.delivery.PayloadSink;
import co.interakt.capture.engine.CaptureEngine;
import co.interakt.capture.payload.InteraktPayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The per-request decisions, with stand-in servlet objects and an in-memory sink. */
class ServletCaptureTest {
    private final List<InteraktPayload> sent = new CopyOnWriteArrayList<>();
    private final ServletCapture capture = new ServletCapture(new CaptureEngine(
            new ConfigLoader().overrides(Map.of("interakt.rule.signup.paths", "/signup")).load(),
            new PayloadSink() {
                @Override
                public boolean submit(InteraktPayload payload) {
                    return sent.add(payload);
                }

                @Override
                public void close() {
                }
            }));
    private final FakeHttp http = new FakeHttp();

    @Test
    void aRequestNoRuleMatchesIsLeftAlone() {
        http.servletPath = "/about";

        assertNull(capture.begin(http.request(), http.response()));
        assertTrue(http.attributes.isEmpty());
        assertFalse(http.calls.contains("getInputStream"));
    }

    @Test
    void aMatchingRequestIsTakenOnceAndMarked() {
        var request = http.request();

        assertNotNull(capture.begin(request, http.response()));
        assertEquals(Boolean.TRUE, http.attributes.get(CaptureEngine.HANDLED_ATTRIBUTE));
        assertNull(capture.begin(request, http.response()), "a second layer leaves it to the first");
    }

    @Test
    void aBodyTheApplicationNeverReadIsReadAfterItAnswered() {
        http.body = "email=ana%40example.com&name=Ana".getBytes(StandardCharsets.UTF_8);
        RequestCapture rc = capture.begin(http.request(), http.response());

        assertFalse(http.calls.contains("getInputStream"), "nothing is read before the application");
        rc.afterChain(false);

        assertEquals(1, sent.size());
        assertEquals("ana@example.com", sent.get(0).email());
    }

    @Test
    void aClientWaitingFor100ContinueIsNotMadeToSendTheBody() {
        http.body = "email=ana%40example.com".getBytes(StandardCharsets.UTF_8);
        http.headers.put("Expect", "100-continue");

        capture.begin(http.request(), http.response()).afterChain(false);

        assertFalse(http.calls.contains("getInputStream"));
        assertEquals(List.of(), sent);
    }

    @Test
    void nothingIsReadOrSentWhenAnExceptionEscapedOrTheStatusIsAFailure() {
        http.body = "email=ana%40example.com".getBytes(StandardCharsets.UTF_8);
        capture.begin(http.request(), http.response()).afterChain(true);

        FakeHttp failed = new FakeHttp();
        failed.body = http.body;
        failed.status = 422;
        capture.begin(failed.request(), failed.response()).afterChain(false);

        assertFalse(http.calls.contains("getInputStream"));
        assertFalse(failed.calls.contains("getInputStream"));
        assertEquals(List.of(), sent);
        // The escaped exception never reaches the engine; the failure status does, and is counted without its body being read.
        assertEquals(1, capture.engine().metrics().matched());
        assertEquals(java.util.Map.of("status-not-success", 1L), capture.engine().metrics().skipped());
    }

    @Test
    void failuresOfTheCapturePathAreCountedNeverThrown() {
        http.overrides.put("getServletPath", () -> {
            throw new IllegalStateException("container bug");
        });
        assertNull(capture.begin(http.request(), http.response()));

        FakeHttp other = new FakeHttp();
        RequestCapture rc = capture.begin(other.request(), other.response());
        other.overrides.put("getStatus", () -> {
            throw new IllegalStateException("response recycled");
        });
        rc.afterChain(false);

        assertEquals(2, capture.failures());
        assertEquals(List.of(), sent);
    }
}
