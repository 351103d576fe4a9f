package co.interakt.capture.spring.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.sandbox.InteraktSandbox;
import co.interakt.capture.sandbox.ReceivedRequest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One Spring Boot version's app with the starter, as a user runs it: {@code java -jar}, the
 * starter dependency and application.properties its only Interakt parts, credentials from the
 * environment, real HTTP in and out. Subclasses name the jar (Boot 3.5, Boot 4.0).
 */
abstract class StarterScenario {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private InteraktSandbox sandbox;
    private BootApp app;

    /** The system property naming the app's jar. */
    protected abstract String jarProperty();

    protected abstract String name();

    @BeforeEach
    void startSandbox() {
        sandbox = new InteraktSandbox().start(0);
    }

    @AfterEach
    void stopAll() {
        if (app != null) {
            app.close();
        }
        sandbox.close();
    }

    @Test
    void jsonAndFormSignupsAreDeliveredOnceAndReadableOverActuator() throws Exception {
        app = BootApp.start(name() + "-signups", jar(), List.of(),
                List.of("--interakt.base-url=" + sandbox.baseUrl(), "--interakt.shutdown-grace=3s"),
                Map.of("INTERAKT_APP_ID", InteraktSandbox.DEFAULT_APP_ID, "INTERAKT_API_KEY", InteraktSandbox.DEFAULT_API_KEY));
        URI base = app.awaitStarted();

        assertEquals(201, Http.postJson(base, "/api/signup",
                "{\"email\":\"json@example.com\",\"name\":\"Jay Son\",\"password\":\"pw-json-1\"}").status());
        assertEquals(201, Http.postForm(base, "/signup", "email=form%40example.com&name=Form+Filler&password=pw-form-1").status());
        assertEquals(200, Http.postForm(base, "/contact", "email=contact%40example.com&message=hello").status());

        assertTrue(sandbox.awaitAccepted(2, WAIT), () -> "2 signups not delivered\n" + app.log());
        // The endpoint's counters are the sync point for "exactly once": every matched request
        // has finished (each captured and sent), so nothing more is on its way to the sandbox.
        String endpoint = awaitBody(base, "/actuator/interakt", body -> body.contains("\"sent\":2"));
        assertTrue(endpoint.contains("\"matched\":2"), endpoint); // /contact never matched
        assertTrue(endpoint.contains("\"captured\":2"), endpoint);
        assertTrue(endpoint.contains("\"targetHost\":\"127.0.0.1\""), endpoint);
        assertTrue(endpoint.contains("\"/api/signup\""), endpoint);
        assertFalse(endpoint.contains(InteraktSandbox.DEFAULT_API_KEY), "the API key is never shown");

        List<ReceivedRequest> received = sandbox.received();
        assertEquals(2, received.size(), () -> "exactly once each: " + received);
        assertEquals(Set.of("json@example.com", "form@example.com"),
                received.stream().map(ReceivedRequest::email).collect(Collectors.toSet()));
        for (ReceivedRequest request : received) {
            assertTrue(request.accepted(), request::toString);
            assertFalse(request.body().contains("pw-"), "no password forwarded: " + request.body());
        }

        String captured = Http.get(base, "/actuator/metrics/interakt.capture.signups?tag=result:captured").body();
        assertTrue(captured.contains("\"value\":2.0"), captured);
        String sent = Http.get(base, "/actuator/metrics/interakt.delivery?tag=outcome:sent").body();
        assertTrue(sent.contains("\"value\":2.0"), sent);
        assertEquals(200, Http.get(base, "/actuator/metrics/interakt.delivery.queue.depth").status());
        assertEquals(200, Http.get(base, "/actuator/metrics/interakt.delivery.spool.size").status());
        String prometheus = Http.get(base, "/actuator/prometheus").body();
        assertTrue(prometheus.lines().anyMatch(l -> l.startsWith("interakt_capture_signups_total{")
                && l.contains("result=\"captured\"") && l.endsWith(" 2.0")), prometheus);
        assertTrue(prometheus.lines().anyMatch(l -> l.startsWith("interakt_delivery_total{")
                && l.contains("outcome=\"sent\"") && l.endsWith(" 2.0")), prometheus);
        assertTrue(prometheus.contains("interakt_delivery_queue_depth"), prometheus);
        String health = Http.get(base, "/actuator/health").body();
        assertEquals("UP", componentStatus(health, "interakt"), health);

        assertNotEquals(-1, app.stop());
        String log = app.log();
        assertTrue(log.contains("Interakt capture (Spring Boot starter): 1 rule(s), sending to " + sandbox.baseUrl()), log);
        assertTrue(log.contains("Interakt capture stopped: 0 pending payload(s) delivered or failed"),
                () -> "the context close closed the sender\n" + log);
        assertFalse(log.contains(InteraktSandbox.DEFAULT_API_KEY), "the API key is never logged");
        assertEquals(2, sandbox.receivedCount(), "nothing more sent at shutdown");
    }

    /**
     * Spring MVC parses multipart forms through {@code getParts()} and deletes the parts
     * ({@code cleanupMultipart}) before the filter chain returns, so the capture must record the
     * text parts when the application asks for them (on its first {@code getParts()}).
     */
    @Test
    void multipartSignupIsDeliveredOnce() throws Exception {
        app = BootApp.start(name() + "-multipart", jar(), List.of(), List.of("--interakt.base-url=" + sandbox.baseUrl()),
                Map.of("INTERAKT_APP_ID", InteraktSandbox.DEFAULT_APP_ID, "INTERAKT_API_KEY", InteraktSandbox.DEFAULT_API_KEY));
        URI base = app.awaitStarted();
        Map<String, String> multipart = new LinkedHashMap<>();
        multipart.put("email", "multipart@example.com");
        multipart.put("name", "Multi Part");
        multipart.put("password", "pw-multi-1");
        assertEquals(201, Http.postMultipart(base, "/signup", multipart).status());
        assertTrue(sandbox.awaitAccepted(1, WAIT), () -> "multipart signup not delivered\n" + app.log());
        awaitBody(base, "/actuator/interakt", body -> body.contains("\"sent\":1"));
        assertEquals(List.of("multipart@example.com"), sandbox.received().stream().map(ReceivedRequest::email).toList());
        assertFalse(sandbox.received().get(0).body().contains("pw-"));
    }

    @Test
    void aMistypedKeyFailsTheStartWithBootsFailureAnalysis() throws Exception {
        app = BootApp.start(name() + "-bad-key", jar(), List.of(), List.of("--interakt.rule.signup.pathz=/join"), Map.of());
        int exit = app.awaitExit();
        String log = app.log();
        assertNotEquals(0, exit, log);
        assertTrue(log.contains("APPLICATION FAILED TO START"), log);
        assertTrue(log.contains("Interakt capture configuration is invalid: interakt.rule.signup.pathz: unknown configuration key"), log);
        assertTrue(log.contains("did you mean interakt.rule.signup.paths?"), log);
        assertTrue(log.contains("commandLineArgs"), () -> "names where it was set\n" + log);
    }

    @Test
    void withTheAgentInTheSameJvmEachSignupIsCapturedOnce() throws Exception {
        app = BootApp.start(name() + "-with-agent", jar(),
                List.of("-javaagent:" + BootApp.jar("agent.jar"), "-Dinterakt.base-url=" + sandbox.baseUrl(),
                        "-Dinterakt.app-id=" + InteraktSandbox.DEFAULT_APP_ID, "-Dinterakt.api-key=" + InteraktSandbox.DEFAULT_API_KEY),
                List.of(), Map.of());
        URI base = app.awaitStarted();
        assertEquals(201, Http.postJson(base, "/api/signup", "{\"email\":\"first@example.com\",\"password\":\"x\"}").status());
        assertTrue(sandbox.awaitAccepted(1, WAIT), app::log);
        assertEquals(201, Http.postForm(base, "/signup", "email=second%40example.com&password=x").status());
        assertTrue(sandbox.awaitAccepted(2, WAIT), app::log);
        app.stop();
        assertEquals(List.of("first@example.com", "second@example.com"),
                sandbox.received().stream().map(ReceivedRequest::email).sorted().toList(), "each once, by the agent");
        String log = app.log();
        assertTrue(log.contains("the -javaagent captures in this JVM"), log);
        assertFalse(log.contains("Interakt capture (Spring Boot starter)"), "the starter started no capture of its own\n" + log);
    }

    /** A health component's status, whatever order the JSON library writes the fields in (Boot 3 and 4 differ). */
    static String componentStatus(String health, String component) {
        int start = health.indexOf("\"" + component + "\":{");
        if (start < 0) {
            return null;
        }
        int depth = 0;
        for (int i = health.indexOf('{', start); i < health.length(); i++) {
            char c = health.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return null;
            } else if (depth == 1 && health.startsWith("\"status\":\"", i)) {
                int from = i + "\"status\":\"".length();
                return health.substring(from, health.indexOf('"', from));
            }
        }
        return null;
    }

    private Path jar() {
        return BootApp.jar(jarProperty());
    }

    private String awaitBody(URI base, String path, Predicate<String> ready) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            Http.Answer answer = Http.get(base, path);
            body = answer.body();
            if (answer.status() == 200 && ready.test(body)) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never ready: " + body + "\n" + app.log());
    }
}
