package co.interakt.capture.engine;

import static co.interakt.capture.extract.TestRequests.body;
import static co.interakt.capture.extract.TestRequests.form;
import static co.interakt.capture.extract.TestRequests.json;
import static co.interakt.capture.extract.TestRequests.multipart;
import static co.interakt.capture.extract.TestRequests.withContext;
import static co.interakt.capture.extract.TestRequests.withQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.config.CaptureConfig;
import co.interakt.capture.config.CaptureRule;
import co.interakt.capture.config.CustomFieldPolicy;
import co.interakt.capture.config.Enrichment;
import co.interakt.capture.delivery.PayloadSink;
import co.interakt.capture.extract.CapturedRequest;
import co.interakt.capture.extract.SkipReasons;
import co.interakt.capture.payload.InteraktPayload;
import co.interakt.capture.payload.PayloadMapper;
import co.interakt.capture.payload.TestRules;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaptureEngineTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_714_557_600L), ZoneOffset.UTC);
    private static final CaptureRule RULE = TestRules.rule(CustomFieldPolicy.allNonSensitive(), Set.of("honeypot"),
            new Enrichment(false, null, true, false, false, false));

    /** The queue's stand-in: collects what the engine submits; can refuse or fail on demand. */
    private static final class CollectingSink implements PayloadSink {
        final List<InteraktPayload> payloads = Collections.synchronizedList(new ArrayList<>());
        volatile boolean accept = true;
        volatile RuntimeException failure;
        volatile Error error;
        boolean closed;

        @Override
        public boolean submit(InteraktPayload payload) {
            if (failure != null) {
                throw failure;
            }
            if (error != null) {
                throw error;
            }
            if (accept) {
                payloads.add(payload);
            }
            return accept;
        }

        @Override
        public void close() {
            closed = true;
        }

        String onlyJson() {
            assertEquals(1, payloads.size(), "payloads submitted");
            return new String(payloads.get(0).toJson(), StandardCharsets.UTF_8);
        }
    }

    private final CollectingSink sink = new CollectingSink();
    private final CaptureEngine engine = new CaptureEngine(config(RULE), sink, CLOCK);
    private final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
    private final Logger julLogger = Logger.getLogger(CaptureEngine.class.getName());
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String line = record.getMessage();
            if (record.getParameters() != null) {
                line = java.text.MessageFormat.format(line, record.getParameters());
            }
            logLines.add(line + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private static CaptureConfig config(CaptureRule... rules) {
        return new CaptureConfig(true, List.of(rules), 64 * 1024, 255, List.of("*secret_question*"), null);
    }

    @BeforeEach
    void captureLogs() {
        julLogger.setLevel(Level.ALL);
        julLogger.setUseParentHandlers(false);
        julLogger.addHandler(logCapture);
    }

    @AfterEach
    void releaseLogs() {
        julLogger.removeHandler(logCapture);
        julLogger.setUseParentHandlers(true);
        julLogger.setLevel(null);
    }

    private void assertBalanced() {
        CaptureMetrics.Snapshot m = engine.metrics();
        assertEquals(m.matched(), m.captured() + m.skippedTotal() + m.internalErrors(), m.toString());
    }

    @Test
    void capturesAFormSignupIntoTheSink() {
        CapturedRequest request = withContext(withQuery(form(
                "user%5Bemail%5D=ann%40example.com&user%5Bfirst_name%5D=Ann&last_name=Lee&password=hunter2"
                        + "&password_confirmation=hunter2&_csrf=abc&plan=pro&honeypot=bot&signedup_at=2024-05-01"
                        + "&user%5Bsecret_question_answer%5D=rex"), "ref=launch"),
                Map.of("user-agent", "Mozilla/5.0", "remote-addr", "198.51.100.2"));
        engine.capture(RULE, request);

        assertEquals("{\"email\":\"ann@example.com\",\"name\":\"Ann Lee\",\"created_at\":1714557600,"
                + "\"signedup_at\":1714521600,"
                + "\"custom_fields\":{\"ref\":\"launch\",\"plan\":\"pro\",\"signup_user_agent\":\"Mozilla/5.0\"}}",
                sink.onlyJson());
        assertEquals(new CaptureMetrics.Snapshot(1, 1, Map.of(), 0), engine.metrics());
    }

    @Test
    void capturesJsonAndMultipartSignups() {
        engine.capture(RULE, json("{\"user\":{\"email\":\"ann@example.com\",\"password\":\"hunter2\"},"
                + "\"name\":\"Ann\",\"tags\":[\"a\",\"b\"]}"));
        engine.capture(RULE, multipart("----WebKitFormBoundary7MA4YWxkTrZu0gW",
                "Content-Disposition: form-data; name=\"email\"\n\nbob@example.com",
                "Content-Disposition: form-data; name=\"cv\"; filename=\"cv.pdf\"\nContent-Type: application/pdf\n\n%PDF",
                "Content-Disposition: form-data; name=\"city\"\n\nPune"));

        assertEquals(2, sink.payloads.size());
        assertEquals("{\"email\":\"ann@example.com\",\"name\":\"Ann\",\"created_at\":1714557600,"
                + "\"custom_fields\":{\"tags\":\"a, b\"}}",
                new String(sink.payloads.get(0).toJson(), StandardCharsets.UTF_8));
        assertEquals("{\"email\":\"bob@example.com\",\"city\":\"Pune\",\"created_at\":1714557600}",
                new String(sink.payloads.get(1).toJson(), StandardCharsets.UTF_8));
        assertEquals(2, engine.metrics().captured());
    }

    @Test
    void countsSkipsByReasonAndSubmitsNothing() {
        engine.capture(RULE, json("{\"email\": "));
        engine.capture(RULE, form("name=Ann&password=hunter2"));
        engine.capture(RULE, form("email=not-an-email"));
        engine.capture(RULE, form("email=%zz"));
        engine.capture(RULE, body("text/xml", "<a/>"));
        engine.capture(RULE, json("{\"email\": \"x\"}"));

        assertTrue(sink.payloads.isEmpty());
        CaptureMetrics.Snapshot m = engine.metrics();
        assertEquals(6, m.matched());
        assertEquals(Map.of(SkipReasons.MALFORMED_JSON, 1L, PayloadMapper.MISSING_EMAIL, 1L,
                PayloadMapper.INVALID_EMAIL, 2L, SkipReasons.BAD_PERCENT_ENCODING, 1L,
                SkipReasons.UNSUPPORTED_CONTENT_TYPE, 1L), m.skipped());
        assertEquals(2, m.skipped(PayloadMapper.INVALID_EMAIL));
        assertEquals(0, m.skipped("never-happened"));
        assertBalanced();
    }

    @Test
    void countsAPayloadTheSinkRefuses() {
        sink.accept = false;
        engine.capture(RULE, form("email=ann%40example.com"));
        assertEquals(1, engine.metrics().skipped(CaptureMetrics.SINK_REJECTED));
        assertEquals(0, engine.metrics().captured());
        assertBalanced();
    }

    @Test
    void neverThrowsWhenTheSinkThrowsAndLogsNoValue() {
        sink.failure = new IllegalStateException("boom: hunter2 ann@example.com");
        engine.capture(RULE, form("email=ann%40example.com&password=hunter2"));
        sink.failure = null;
        sink.error = new StackOverflowError("ann@example.com");
        engine.capture(RULE, form("email=ann%40example.com&password=hunter2"));

        assertEquals(2, engine.metrics().internalErrors());
        assertBalanced();
        assertFalse(logLines.isEmpty(), "the failure is logged");
        for (String line : logLines) {
            assertFalse(line.contains("hunter2") || line.contains("ann@example.com"), line);
        }
    }

    @Test
    void neverThrowsOnWeirdInputs() {
        CaptureRule otherConfigsRule = TestRules.rule();
        engine.capture(RULE, null);
        engine.capture(null, form("email=ann%40example.com"));
        engine.capture(RULE, new CapturedRequest(null, null, null, null, null, null, 0, true, null, null));
        engine.capture(RULE, new CapturedRequest("POST", "/", "a=%", "application/json", "no-such-charset",
                new byte[] {1, 2, 3}, -5, false, Map.of(), Map.of()));
        engine.capture(RULE, new CapturedRequest("POST", "/", null, "application/json", null,
                "{\"email\":\"ann@example.com\"}".getBytes(StandardCharsets.UTF_8), 27, true, null, null));
        engine.capture(otherConfigsRule, form("email=bob%40example.com"));

        assertEquals(6, engine.metrics().matched());
        assertEquals(2, engine.metrics().captured(), engine.metrics().toString());
        assertBalanced();
    }

    @Test
    void logsSkipsWithRuleAndReasonOnly() {
        engine.capture(RULE, form("name=Ann+Secretname&password=hunter2"));
        assertEquals(List.of("capture skipped: rule=signup reason=missing-email"), logLines);
    }

    @Test
    void countsCorrectlyFromManyRequestThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        engine.capture(RULE, form(i % 2 == 0 ? "email=ann%40example.com" : "email=nope"));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        CaptureMetrics.Snapshot m = engine.metrics();
        assertEquals(1000, m.matched());
        assertEquals(500, m.captured());
        assertEquals(500, m.skipped(PayloadMapper.INVALID_EMAIL));
        assertEquals(500, sink.payloads.size());
    }

    @Test
    void findsRulesAndClosesTheSink() {
        CaptureEngine disabled = new CaptureEngine(new CaptureConfig(false, List.of(RULE), 1024, 255, List.of(), null), sink);
        assertEquals(null, disabled.ruleFor("POST", "/signup"));
        assertEquals(null, engine.ruleFor("POST", "/signup"), "a rule without paths matches nothing");
        engine.close();
        assertTrue(sink.closed);
    }
}
