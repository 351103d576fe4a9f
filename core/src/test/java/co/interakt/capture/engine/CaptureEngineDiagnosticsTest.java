package co.interakt.capture.engine;

import static co.interakt.capture.extract.TestRequests.form;
import static co.interakt.capture.extract.TestRequests.json;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.config.CaptureConfig;
import co.interakt.capture.config.CaptureRule;
import co.interakt.capture.config.CustomFieldPolicy;
import co.interakt.capture.config.Enrichment;
import co.interakt.capture.config.FieldAliases;
import co.interakt.capture.config.PathPattern;
import co.interakt.capture.config.StatusRanges;
import co.interakt.capture.config.Target;
import co.interakt.capture.delivery.PayloadSink;
import co.interakt.capture.extract.CapturedRequest;
import co.interakt.capture.payload.InteraktPayload;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Skips made visible: the status decision, WARNING lines at the default level, the trace and the MXBean. */
class CaptureEngineDiagnosticsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T15:00:00Z"), ZoneOffset.UTC);
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final CaptureRule RULE = new CaptureRule("signup",
            List.of(PathPattern.compile("k", "/register"), PathPattern.compile("k", "/api/v1/accounts")),
            Set.of("POST"), Target.MEMBERS, FieldAliases.DEFAULTS, CustomFieldPolicy.allNonSensitive(), Set.of(),
            StatusRanges.AUTO, Enrichment.NONE);
    private static final String EMAIL = "ann.value@example.com";
    private static final String CITY = "Pune-Value";

    private final List<InteraktPayload> sent = Collections.synchronizedList(new ArrayList<>());
    private final PayloadSink sink = new PayloadSink() {
        @Override
        public boolean submit(InteraktPayload payload) {
            sent.add(payload);
            return true;
        }

        @Override
        public void close() {
        }
    };
    // Strong reference: JUL holds loggers weakly, and a collected logger forgets its handler.
    private final Logger ours = Logger.getLogger("co.interakt.capture");
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String text = record.getParameters() == null ? record.getMessage()
                    : java.text.MessageFormat.format(record.getMessage(), record.getParameters());
            lines.add(record.getLevel() + " " + record.getLoggerName() + ": " + text);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        ours.setLevel(Level.INFO); // the default level: what a user sees without configuring anything
        ours.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        ours.removeHandler(handler);
        ours.setLevel(null);
    }

    private static CaptureEngine engine(boolean trace, PayloadSink sink) {
        return new CaptureEngine(new CaptureConfig(true, List.of(RULE), 64 * 1024, 255, List.of(), null, trace), sink, CLOCK);
    }

    private static MatchedRequest answered(String path, String contentType, int status) {
        return new MatchedRequest("POST", path, contentType, status);
    }

    private static CapturedRequest at(String path, CapturedRequest r) {
        return new CapturedRequest(r.method(), path, r.queryString(), r.contentType(), r.characterEncoding(), r.body(),
                r.bodyLength(), r.bodyComplete(), r.containerParameters(), r.context());
    }

    private void assertNoValueLogged() {
        for (String value : List.of(EMAIL, CITY, "hunter2", "Ann Value")) {
            assertTrue(lines.stream().noneMatch(l -> l.contains(value)), value + " in " + lines);
        }
    }

    @Test
    void aRejectedFormIsCountedAsStatusNotSuccessWithoutReadingTheBodyOrWarning() {
        CaptureEngine engine = engine(false, sink);
        AtomicInteger snapshots = new AtomicInteger();

        engine.capture(RULE, answered("/register", FORM, 200), () -> {
            snapshots.incrementAndGet();
            return form("email=" + EMAIL);
        });
        engine.capture(RULE, answered("/api/v1/accounts", "application/json", 422), () -> {
            snapshots.incrementAndGet();
            return json("{}");
        });

        CaptureMetrics.Snapshot m = engine.metrics();
        assertAll(
                () -> assertEquals(0, snapshots.get(), "the body is not looked at"),
                () -> assertEquals(2, m.matched()),
                () -> assertEquals(Map.of("status-not-success", 2L), m.skipped()),
                () -> assertEquals("status-not-success", m.lastSkipReason()),
                () -> assertEquals(CLOCK.instant(), m.lastSkipAt()),
                () -> assertEquals(List.of(), lines, "DEBUG only"),
                () -> assertEquals(List.of(), sent));
    }

    @Test
    void aSuccessfulAnswerIsCapturedForBothPatterns() {
        CaptureEngine engine = engine(false, sink);
        engine.capture(RULE, answered("/register", FORM, 303), () -> at("/register", form("email=" + EMAIL)));
        engine.capture(RULE, answered("/api/v1/accounts", "application/json", 201),
                () -> at("/api/v1/accounts", json("{\"account\":{\"email\":\"b@example.com\"}}")));

        assertEquals(new CaptureMetrics.Snapshot(2, 2, Map.of(), 0), engine.metrics());
        assertEquals(List.of(EMAIL, "b@example.com"), sent.stream().map(InteraktPayload::email).toList());
    }

    /** The README's example of a misconfigured rule shows the very line the engine logs for it. */
    @Test
    void theReadmesMisconfiguredRuleExampleIsTheLineTheEngineLogs() throws java.io.IOException {
        CaptureEngine engine = engine(false, sink);
        engine.capture(RULE, answered("/api/v1/accounts", "application/json", 201), () -> at("/api/v1/accounts",
                json("{\"account\":{\"login\":\"" + EMAIL + "\",\"name\":\"Ann Value\",\"city\":\"" + CITY + "\"}}")));

        java.nio.file.Path readme = java.nio.file.Files.exists(java.nio.file.Path.of("..", "README.md"))
                ? java.nio.file.Path.of("..", "README.md") : java.nio.file.Path.of("README.md");
        String shown = java.nio.file.Files.readAllLines(readme).stream()
                .filter(l -> l.startsWith("WARNING: Interakt capture:")).findFirst().orElse("(no WARNING example in README.md)");
        assertEquals(List.of(shown.replaceFirst("^WARNING: ", "WARNING co.interakt.capture: ")), lines);
        assertNoValueLogged();
    }

    @Test
    void aSignupWithoutAnEmailFieldWarnsOnceAtTheDefaultLevelThenCountsQuietly() {
        CaptureEngine engine = engine(false, sink);
        for (int i = 0; i < 3; i++) {
            engine.capture(RULE, answered("/api/v1/accounts", "application/json", 201), () -> at("/api/v1/accounts",
                    json("{\"account\":{\"name\":\"Ann Value\",\"contact\":\"" + EMAIL + "\",\"city\":\"" + CITY + "\"}}")));
        }

        assertEquals(List.of("WARNING co.interakt.capture: Interakt capture: 1 signup on POST /api/v1/accounts not sent (rule signup): "
                + "no email field; fields seen: account.name, account.contact, account.city. Fix: set interakt.rule.signup.email-fields "
                + "to the field holding the email (nested names as a.b or a[b]). [missing-email; repeats are summed up at most every 5 minutes]"),
                lines);
        CaptureMetrics.Snapshot m = engine.metrics();
        assertEquals(3, m.matched());
        assertEquals(Map.of("missing-email", 3L), m.skipped());
        assertEquals(m.matched(), m.captured() + m.skippedTotal() + m.internalErrors());

        engine.close(); // the two held back are reported when the capture stops
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).contains("2 signups on POST /api/v1/accounts not sent (rule signup) since the last report"), lines.get(1));
        assertNoValueLogged();
    }

    @Test
    void theTraceSaysWhatWasDecidedAndFromWhichFieldsNeverAValue() {
        CaptureEngine engine = engine(true, sink);
        engine.capture(RULE, answered("/register", FORM, 302), () -> at("/register",
                form("user%5Bemail%5D=" + EMAIL.replace("@", "%40") + "&user%5Bname%5D=Ann+Value&address%5Bcity%5D=" + CITY
                        + "&password=hunter2")));
        engine.capture(RULE, answered("/register", FORM, 200), () -> form("email=" + EMAIL));
        engine.capture(RULE, answered("/api/v1/accounts", "application/json", 200), () -> at("/api/v1/accounts",
                json("{\"contact\":\"" + EMAIL + "\"}")));

        assertEquals(List.of(
                "INFO co.interakt.capture: Interakt trace: rule=signup POST /register status=302 decision=captured target=members; "
                        + "fields: user.email, user.name, address.city, password; mapped: email<-user.email name<-user.name city<-address.city",
                "INFO co.interakt.capture: Interakt trace: rule=signup POST /register status=200 decision=skipped (status-not-success: "
                        + "the application's answer is not a success for this rule (usually the app rejected the input)) target=members; "
                        + "fields: (not read)"),
                lines.subList(0, 2));
        assertTrue(lines.get(2).startsWith("WARNING co.interakt.capture: Interakt capture: 1 signup on POST /api/v1/accounts not sent"), lines.get(2));
        assertEquals("INFO co.interakt.capture: Interakt trace: rule=signup POST /api/v1/accounts status=200 decision=skipped "
                + "(missing-email: no email field) target=members; fields: contact; mapped: (nothing)", lines.get(3));
        assertEquals(4, lines.size(), lines.toString());
        assertNoValueLogged();
    }

    @Test
    void withoutTheTraceACapturedSignupLogsNothing() {
        CaptureEngine engine = engine(false, sink);
        engine.capture(RULE, answered("/register", FORM, 302), () -> form("email=" + EMAIL));
        assertEquals(List.of(), lines);
    }

    @Test
    void aFailingSnapshotIsAnInternalErrorAndTheInvariantHolds() {
        CaptureEngine engine = engine(false, sink);
        engine.capture(RULE, answered("/register", FORM, 302), () -> {
            throw new IllegalStateException("boom " + EMAIL);
        });
        CaptureMetrics.Snapshot m = engine.metrics();
        assertEquals(new CaptureMetrics.Snapshot(1, 0, Map.of(), 1), m);
        assertTrue(lines.stream().allMatch(l -> l.startsWith("WARNING")) || lines.isEmpty());
        assertNoValueLogged();
    }

    @Test
    void theCountersAreOnJmxAsTheSendersAreAndLeaveWithTheEngine() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        CaptureEngine engine = engine(false, sink);
        engine.registerOnJmx();
        ObjectName name = awaitBean(server);
        engine.capture(RULE, answered("/register", FORM, 302), () -> form("email=" + EMAIL));
        engine.capture(RULE, answered("/register", FORM, 200), () -> form("email=" + EMAIL));
        engine.capture(RULE, answered("/register", FORM, 302), () -> form("name=x"));

        assertAll(
                () -> assertEquals(3L, server.getAttribute(name, "Matched")),
                () -> assertEquals(1L, server.getAttribute(name, "Captured")),
                () -> assertEquals(2L, server.getAttribute(name, "Skipped")),
                () -> assertEquals(0L, server.getAttribute(name, "InternalErrors")),
                () -> assertEquals(Map.of("missing-email", 1L, "status-not-success", 1L), reasons(server.getAttribute(name, "SkippedByReason"))),
                () -> assertEquals("missing-email", server.getAttribute(name, "LastSkipReason")),
                () -> assertEquals("2026-12-07T15:00:00Z", server.getAttribute(name, "LastSkipAt")));

        engine.close();
        assertFalse(server.isRegistered(name));
    }

    @Test
    void aSecondEngineGetsTheNextInstanceNumber() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        CaptureEngine first = engine(false, sink);
        CaptureEngine second = engine(false, sink);
        try {
            first.registerOnJmx();
            awaitBean(server);
            second.registerOnJmx();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (server.queryNames(new ObjectName("co.interakt.capture:type=Capture,*"), null).size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(Set.of(new ObjectName("co.interakt.capture:type=Capture"), new ObjectName("co.interakt.capture:type=Capture,instance=2")),
                    server.queryNames(new ObjectName("co.interakt.capture:type=Capture,*"), null));
        } finally {
            first.close();
            second.close();
        }
        assertNull(server.queryNames(new ObjectName("co.interakt.capture:type=Capture,*"), null).stream().findAny().orElse(null));
    }

    private static ObjectName awaitBean(MBeanServer server) throws Exception {
        ObjectName name = new ObjectName("co.interakt.capture:type=Capture");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!server.isRegistered(name) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(server.isRegistered(name), "the bean was registered");
        return name;
    }

    private static Map<String, Long> reasons(Object attribute) {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (Object row : ((TabularData) attribute).values()) {
            CompositeData entry = (CompositeData) row;
            out.put((String) entry.get("key"), (Long) entry.get("value"));
        }
        return out;
    }
}
