package co.interakt.capture.agent.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.filter.harness.BadInputs;
import co.interakt.capture.filter.harness.BadInputs.BadInput;
import co.interakt.capture.sandbox.InteraktSandbox;
import co.interakt.capture.sandbox.ReceivedRequest;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * The bad-input matrix ({@link BadInputs}, the filter ITs' table) through the agent: the shop
 * application in a JVM with the agent and in one without, every request sent to both. The answers
 * must be byte-identical, neither log may show an exception or a warning, and the capture must do
 * exactly what the table says, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputAgentIT {
    private static final String CONTROL = "control@example.com";

    private final InteraktSandbox sandbox = new InteraktSandbox(AgentSetup.APP_ID, AgentSetup.API_KEY);
    private final List<BadInput> inputs = BadInputs.all();
    private final List<Exchange> withAgent = new ArrayList<>();
    private final List<Exchange> withoutAgent = new ArrayList<>();
    private RunningApp agentApp;
    private RunningApp plainApp;

    @BeforeAll
    void sendEveryInputToBothApps() {
        sandbox.start(0);
        agentApp = EchoShop.launch(getClass(), "with-agent", AgentSetup.agentOptions(sandbox), AgentSetup.environment());
        plainApp = EchoShop.launch(getClass(), "without-agent", AgentSetup.settings(sandbox), AgentSetup.environment());
        CompletableFuture<RunningApp> plainReady = CompletableFuture.supplyAsync(plainApp::awaitReady);
        agentApp.awaitReady();
        plainReady.join();
        for (BadInput input : inputs) {
            withAgent.add(send(agentApp, input.contentType(), input.body(), input.read()));
            withoutAgent.add(send(plainApp, input.contentType(), input.body(), input.read()));
        }
        // Last, so once it arrived after the agent flushed, every earlier decision was made.
        send(agentApp, BadInputs.FORM, ("email=" + CONTROL.replace("@", "%40")).getBytes(StandardCharsets.UTF_8), "params");
        agentApp.process().stop();
        plainApp.process().stop();
    }

    @AfterAll
    void cleanUp() {
        for (RunningApp app : new RunningApp[] {agentApp, plainApp}) {
            if (app != null) {
                app.close();
            }
        }
        sandbox.close();
    }

    private static Exchange send(RunningApp app, String contentType, byte[] body, String read) {
        if (!"none".equals(read)) {
            return Exchange.send(app.base(), "POST", "/signup", contentType, body, "X-Read", read);
        }
        // A body the app leaves unread: the container answers, then closes with bytes unread and TCP
        // resets the connection, which can discard the answer before the client reads it, with or
        // without the agent. A transport race, not an answer: a fresh connection, up to three tries.
        UncheckedIOException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return Exchange.send(HttpClient.newHttpClient(), app.base(), "POST", "/signup", contentType, body, "X-Read", read);
            } catch (UncheckedIOException e) {
                last = e;
            }
        }
        throw last;
    }

    @Test
    void answersAreByteIdenticalWithAndWithoutTheAgent() {
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String name = inputs.get(i).name();
            Exchange with = withAgent.get(i);
            Exchange without = withoutAgent.get(i);
            checks.add(() -> assertEquals(201, without.status(), name + ": the application itself handles it"));
            checks.add(() -> assertEquals(without.status(), with.status(), name + " status"));
            checks.add(() -> assertEquals(without.headers(), with.headers(), name + " headers"));
            checks.add(() -> assertArrayEquals(without.body(), with.body(), name + " body"));
        }
        assertAll(checks);
    }

    @Test
    void exactlyTheExpectedMembersArriveAndInteraktAcceptsEachOne() {
        Set<String> expected = inputs.stream().map(BadInput::capturedEmail).filter(Objects::nonNull).collect(Collectors.toSet());
        expected.add(CONTROL);
        List<ReceivedRequest> received = sandbox.received();
        assertEquals(expected, received.stream().map(ReceivedRequest::email).collect(Collectors.toSet()), received.toString());
        assertEquals(expected.size(), received.size(), "each once: " + received);
        for (ReceivedRequest member : received) {
            assertTrue(member.accepted(), member.toString());
            assertNull(member.header("X-Injected"), member.toString());
            assertNull(member.header("Bcc"), member.toString());
        }
    }

    @Test
    void everyOtherInputIsSkippedForTheExpectedReasonInOrder() {
        List<String> expected = inputs.stream().map(BadInput::skipReason).filter(Objects::nonNull).toList();
        assertEquals(expected, EchoShop.skipReasons(agentApp.log()), agentApp.log());
    }

    @Test
    void neitherLogShowsAnExceptionOrAWarning() {
        assertAll(
                () -> assertEquals(List.of(), EchoShop.problems(agentApp.log()), "with the agent"),
                () -> assertEquals(List.of(), EchoShop.problems(plainApp.log()), "without the agent"));
    }
}
