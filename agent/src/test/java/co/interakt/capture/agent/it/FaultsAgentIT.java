package co.interakt.capture.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.filter.harness.BadInputs;
import co.interakt.capture.sandbox.InteraktSandbox;
import co.interakt.capture.sandbox.ReceivedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Interakt failing while an app runs with the agent (the filter ITs cover every fault; these are the
 * ones where the agent's own life cycle matters): the app answers as usual, and what was captured
 * reaches Interakt once it is back, even when it comes back only after the JVM began to exit.
 */
class FaultsAgentIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int SIGNUPS = 10;

    @Test
    void apiDownUntilTheJvmIsExitingTheShutdownHookStillDeliversEverySignup() throws Exception {
        int port = AgentSetup.freePort(); // nothing listens there yet: connection refused
        List<String> options = List.of("-javaagent:" + AgentSetup.agentJar() + "=rule.signup.paths=/signup",
                "-Dinterakt.app-id=" + AgentSetup.APP_ID, "-Dinterakt.base-url=http://127.0.0.1:" + port + "/api/v1",
                "-Dinterakt.retry.max-attempts=100", "-Dinterakt.retry.initial-backoff=20ms", "-Dinterakt.retry.max-backoff=200ms",
                "-Dinterakt.shutdown-grace=30s");
        try (RunningApp app = EchoShop.launch(getClass(), "down-then-up", options, AgentSetup.environment()).awaitReady()) {
            List<String> emails = signUp(app, "down");
            CompletableFuture<Integer> exited = CompletableFuture.supplyAsync(app.process()::stop); // SIGTERM
            await("the app stopped answering: the JVM is exiting", () -> !Exchange.answers(app.base(), "/hello"));

            try (InteraktSandbox sandbox = new InteraktSandbox(AgentSetup.APP_ID, AgentSetup.API_KEY).start(port)) {
                exited.join();

                // The sandbox is the witness: the close report itself is logged from a shutdown hook,
                // and JUL's own hook may already have reset its handlers (docs/reliability.md).
                assertEquals(counted(emails), acceptedMembers(sandbox), app.log());
            }
        }
    }

    @Test
    void apiHangingTheAppAnswersEverySignupAndDeliveryResumes() throws Exception {
        try (InteraktSandbox sandbox = new InteraktSandbox(AgentSetup.APP_ID, AgentSetup.API_KEY).start(0);
                RunningApp app = EchoShop.launch(getClass(), "hanging", AgentSetup.agentOptions(sandbox), AgentSetup.environment())
                        .awaitReady()) {
            sandbox.hang(true);

            List<String> emails = signUp(app, "hang");
            assertEquals(0, sandbox.receivedCount(), "every signup answered while Interakt answered nothing");
            assertTrue(sandbox.awaitHanging(1, WAIT), "the agent is trying");

            sandbox.hang(false);
            assertTrue(sandbox.awaitAccepted(SIGNUPS, WAIT), sandbox.received().toString());
            app.process().stop();
            assertEquals(emails, List.copyOf(acceptedMembers(sandbox).keySet()), "every signup (a timed-out attempt may arrive twice)");
        }
    }

    /** {@value #SIGNUPS} signups the app accepts (it echoes what it read), their emails sorted. */
    private static List<String> signUp(RunningApp app, String prefix) {
        List<String> emails = new ArrayList<>();
        for (int i = 1; i <= SIGNUPS; i++) {
            String email = prefix + "-" + i + "@example.com";
            emails.add(email);
            Exchange answer = Exchange.send(app.base(), "POST", "/signup", BadInputs.FORM,
                    ("email=" + email.replace("@", "%40")).getBytes(StandardCharsets.UTF_8), "X-Read", "params");
            assertEquals(201, answer.status());
            assertEquals("email=" + email + "\n", answer.bodyText());
        }
        return emails.stream().sorted().toList();
    }

    private static Map<String, Long> acceptedMembers(InteraktSandbox sandbox) {
        return sandbox.members().stream().collect(Collectors.groupingBy(ReceivedRequest::email, TreeMap::new, Collectors.counting()));
    }

    private static Map<String, Long> counted(List<String> emails) {
        Map<String, Long> out = new TreeMap<>();
        emails.forEach(e -> out.put(e, 1L));
        return out;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("never happened within " + WAIT + ": " + what);
            }
            Thread.sleep(10);
        }
    }
}
