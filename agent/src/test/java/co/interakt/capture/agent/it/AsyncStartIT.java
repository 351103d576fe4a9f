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
 * meanwhile must be found by retransformation. Once the agent logs that it is ready, every signup
 * is captured. Which requests come before that is up to the race and is not asserted.
 */
class AsyncStartIT {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    @ParameterizedTest(name = "{0}")
    @CsvSource({"example.jetty.jar, port", "example.spring-boot.jar, server.port"})
    void afterTheAgentIsReadyEverySignupIsCaptured(String jarProperty, String portProperty) throws Exception {
        try (InteraktSandbox sandbox = new InteraktSandbox(AgentSetup.APP_ID, AgentSetup.API_KEY).start(0);
                RunningApp app = RunningApp.javaJar(getClass(), "async-" + portProperty, AgentSetup.existing(jarProperty), portProperty,
                        AgentSetup.concat(AgentSetup.agentOptions(sandbox), List.of("-Dinterakt.agent.start-async=true")),
                        AgentSetup.environment()).awaitReady()) {
            awaitAgentReady(app);
            for (String who : List.of("first", "second")) {
                Request signup = Request.post("/signup", AgentScenario.FORM, "email=" + who + "%40example.com&name=" + who + "&password=pw-1");
                assertEquals(201, Exchange.send(app.base(), signup).status());
            }
            app.process().stop();

            String log = app.log();
            assertTrue(log.contains("(premain, in the background): 1 rule(s)"), log);
            assertEquals(List.of("first@example.com", "second@example.com"),
                    sandbox.received().stream().map(ReceivedRequest::email).sorted().toList(), log);
        }
    }

    private static void awaitAgentReady(RunningApp app) throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (!app.log().contains("; ready in ")) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the agent never logged that it is ready\n" + app.log());
            }
            Thread.sleep(50);
        }
    }
}
