package co.interakt.capture.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.agent.it.Exchange.Request;
import co.interakt.capture.sandbox.InteraktSandbox;
import co.interakt.capture.sandbox.ReceivedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code interakt.agent.start-async=true}: the instrumentation is installed on a background thread
 * while the app starts and loads its servlet classes, so the servlets and filters it loaded
 * meanwhile must be found by retransformation. Probe signups are sent until one arrives (which
 * requests come before the agent is ready is up to the race and is not asserted); from then on
 * every signup is captured.
 */
class AsyncStartIT {
    private static final Duration CAPTURE_TIMEOUT = Duration.ofSeconds(60);

    @ParameterizedTest(name = "{0}")
    @CsvSource({"example.jetty.jar, port", "example.spring-boot.jar, server.port"})
    void onceTheAgentCapturesEverySignupIsCaptured(String jarProperty, String portProperty) throws Exception {
        try (InteraktSandbox sandbox = new InteraktSandbox(AgentSetup.APP_ID, AgentSetup.API_KEY).start(0);
                RunningApp app = RunningApp.javaJar(getClass(), "async-" + portProperty, AgentSetup.existing(jarProperty), portProperty,
                        AgentSetup.concat(AgentSetup.agentOptions(sandbox), List.of("-Dinterakt.agent.start-async=true")),
                        AgentSetup.environment()).awaitReady()) {
            int probes = awaitCapturing(app, sandbox);
            for (String who : List.of("first", "second")) {
                assertEquals(201, Exchange.send(app.base(), signup(who)).status());
            }
            app.process().stop();

            String log = app.log();
            List<String> delivered = sandbox.received().stream().map(ReceivedRequest::email)
                    .filter(email -> !email.startsWith("probe-")).sorted().toList();
            assertEquals(List.of("first@example.com", "second@example.com"), delivered, log);
            assertTrue(sandbox.received().size() >= 3 && probes >= 1, log);
            // Logged before the app starts, so always there (the later "ready" line may be dropped by Spring Boot).
            assertTrue(log.contains("(premain, in the background): 1 rule(s) [signup: POST /signup,/api/signup -> members], sending to 127.0.0.1:"
                    + sandbox.port() + "; installing while the application starts"), log);
        }
    }

    /** Sends probe signups until one reaches the sandbox; returns how many were sent. */
    private static int awaitCapturing(RunningApp app, InteraktSandbox sandbox) throws Exception {
        Instant deadline = Instant.now().plus(CAPTURE_TIMEOUT);
        for (int probe = 1; ; probe++) {
            assertEquals(201, Exchange.send(app.base(), signup("probe-" + probe)).status());
            if (sandbox.awaitReceived(1, Duration.ofMillis(500))) {
                return probe;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no signup captured within " + CAPTURE_TIMEOUT + "\n" + app.log());
            }
        }
    }

    private static Request signup(String who) {
        return Request.post("/signup", AgentScenario.FORM, "email=" + who + "%40example.com&name=" + who + "&password=pw-1");
    }
}
