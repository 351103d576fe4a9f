package co.interakt.capture.agent.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.agent.it.Exchange.Request;
import co.interakt.capture.sandbox.InteraktSandbox;
import co.interakt.capture.sandbox.ReceivedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The scenario every example app goes through: the same requests to the app started with the
 * agent and to the app started without it; then both stop (the agent delivers its queue on the
 * way out) and the tests look at what reached the local Interakt sandbox and at the answers.
 * One start of each app per test class. An app that brings the filter itself runs the same
 * scenario with capture switched on and off instead ({@link #captureOptions}, {@link #baselineOptions}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AgentScenario {
    static final String FORM = "application/x-www-form-urlencoded";
    static final String PASSWORD = "s3cret-Pa55word";

    static final List<Request> COMMON_REQUESTS = List.of(
            Request.get("/hello"),
            Request.get("/signup"),
            Request.post("/contact", "text/plain;charset=UTF-8", "Please call me back about the pro plan."),
            Request.post("/signup", FORM, "email=ada%40example.com&name=Ada+Lovelace&plan=pro&password=" + PASSWORD),
            // Refused by the app (no password): a failed signup is not a member.
            Request.post("/signup", FORM, "email=nobody%40example.com&name=Nobody"));

    protected final InteraktSandbox sandbox = new InteraktSandbox(AgentSetup.APP_ID, AgentSetup.API_KEY);
    private RunningApp withAgent;
    private RunningApp withoutAgent;
    private final List<Exchange> answersWithAgent = new ArrayList<>();
    private final List<Exchange> answersWithoutAgent = new ArrayList<>();

    @RegisterExtension
    final TestWatcher printLogsOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            printLogs();
        }
    };

    /**
     * Starts the app in a child process (not waiting for it) with these extra JVM options (the
     * agent's and the settings, or the settings alone for the comparison run) and environment.
     */
    protected abstract RunningApp launch(String name, List<String> jvmOptions, Map<String, String> environment) throws Exception;

    /** JVM options of the run that captures: the agent and the settings. */
    protected List<String> captureOptions() {
        return AgentSetup.agentOptions(sandbox);
    }

    /** JVM options of the run the answers are compared with: the same settings, no agent. */
    protected List<String> baselineOptions() {
        return AgentSetup.settings(sandbox);
    }

    /** What the capturing run's log must say at start-up. */
    protected List<String> expectedStartupLog() {
        return List.of("Interakt capture agent ", "(premain): 1 rule(s) [signup: POST /signup,/api/signup -> members]"
                + ", sending to 127.0.0.1:" + sandbox.port() + "; ready in ");
    }

    /** The requests to send; subclasses add their app's own. */
    protected List<Request> requests() {
        return COMMON_REQUESTS;
    }

    /** The members that must reach Interakt: email to expected top-level attributes. */
    protected Map<String, Map<String, Object>> expectedMembers() {
        return Map.of("ada@example.com", Map.of("name", "Ada Lovelace"));
    }

    @BeforeAll
    void runScenario() throws Exception {
        sandbox.start(0);
        try {
            withAgent = launch("with-agent", captureOptions(), AgentSetup.environment());
            withoutAgent = launch("without-agent", baselineOptions(), AgentSetup.environment());
            CompletableFuture<RunningApp> other = CompletableFuture.supplyAsync(withoutAgent::awaitReady);
            withAgent.awaitReady();
            other.join();
            for (Request request : requests()) {
                answersWithAgent.add(Exchange.send(withAgent.base(), request));
                answersWithoutAgent.add(Exchange.send(withoutAgent.base(), request));
            }
            withAgent.process().stop();
            withoutAgent.process().stop();
        } catch (Throwable t) {
            printLogs();
            throw t;
        }
    }

    @AfterAll
    void cleanUp() {
        for (RunningApp app : new RunningApp[] {withAgent, withoutAgent}) {
            if (app != null) {
                app.close();
            }
        }
        sandbox.close();
    }

    @Test
    void signupArrivesAsAMemberWithTheFormFields() {
        ReceivedRequest ada = member("ada@example.com");
        assertAll(
                () -> assertEquals("Ada Lovelace", ada.attributes().get("name")),
                () -> assertEquals("pro", ada.customFields().get("plan"), "custom fields: " + ada.customFields()),
                () -> assertFalse(ada.body().contains(PASSWORD), "the password was forwarded: " + ada.body()),
                () -> assertFalse(ada.body().contains("password"), "the password field was forwarded: " + ada.body()));
    }

    @Test
    void everyExpectedMemberArrivesWithItsAttributes() {
        List<Executable> checks = new ArrayList<>();
        expectedMembers().forEach((email, attributes) -> attributes.forEach((key, value) ->
                checks.add(() -> assertEquals(value, member(email).attributes().get(key), email + " " + key))));
        assertAll(checks);
    }

    @Test
    void nothingButTheSignupsIsSent() {
        List<String> sent = sandbox.received().stream().map(r -> r.target() + " " + r.email()).sorted().toList();
        List<String> expected = expectedMembers().keySet().stream().map(email -> "members " + email).sorted().toList();
        assertEquals(expected, sent);
    }

    @Test
    void answersAreIdenticalToARunWithoutTheAgent() {
        assertEquals(answersWithoutAgent.size(), answersWithAgent.size());
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < answersWithAgent.size(); i++) {
            Exchange with = answersWithAgent.get(i);
            Exchange without = answersWithoutAgent.get(i);
            checks.add(() -> assertEquals(without.status(), with.status(), with.request() + " status"));
            checks.add(() -> assertEquals(without.headers(), with.headers(), with.request() + " headers"));
            checks.add(() -> assertArrayEquals(without.body(), with.body(), with.request() + " body: " + with.bodyText()));
        }
        assertAll(checks);
    }

    @Test
    void startupLogNamesVersionAndRulesButNeverTheKey() {
        String log = withAgent.log();
        assertTrue(expectedStartupLog().stream().allMatch(log::contains), log);
        assertFalse(log.contains(AgentSetup.API_KEY), "the API key was logged");
    }

    /** The answers the app gave with the agent, in request order. */
    protected List<Exchange> answersWithAgent() {
        return answersWithAgent;
    }

    protected ReceivedRequest member(String email) {
        return sandbox.members().stream().filter(r -> email.equals(r.email())).findFirst()
                .orElseThrow(() -> new AssertionError("no member " + email + " reached Interakt; received: " + summary()));
    }

    private Map<String, String> summary() {
        Map<String, String> out = new TreeMap<>();
        sandbox.received().forEach(r -> out.put(r.path() + " " + r.email(), r.status() + " " + r.body()));
        return out;
    }

    private void printLogs() {
        for (RunningApp app : new RunningApp[] {withAgent, withoutAgent}) {
            if (app != null) {
                System.out.println("----- " + getClass().getSimpleName() + " " + app.process().name() + " output -----\n" + app.log());
            }
        }
    }
}
