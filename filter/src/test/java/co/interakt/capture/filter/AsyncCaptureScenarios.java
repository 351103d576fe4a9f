package co.interakt.capture.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.interakt.capture.filter.harness.AsyncEchoServlet;
import co.interakt.capture.filter.harness.Containers;
import co.interakt.capture.filter.harness.TestApps;
import co.interakt.capture.sandbox.ReceivedRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An async servlet ({@link AsyncEchoServlet}) reads the body and sets the status on another thread,
 * only after the initial dispatch went back through the filter. So a capture decided when the
 * chain returned would have no body (no email: nothing sent) and the wrong status.
 */
abstract class AsyncCaptureScenarios extends ContainerScenario {

    AsyncCaptureScenarios(Containers which) {
        super(which);
    }


    @Test
    void capturesWhenTheAsyncCycleCompletes() throws Exception {
        start(TestApps.shop(captureSettings()));

        String json = "{\"email\":\"async@example.com\",\"name\":\"Asha\",\"city\":\"Pune\"}";
        var response = post(TestPaths.ASYNC_SIGNUP, "application/json", json, "X-Read", "reader", "X-Status", "201");

        assertEquals(201, response.statusCode());
        assertEquals(json, new String(response.body(), StandardCharsets.UTF_8), "what the application read");
        ReceivedRequest member = theOnlyMember();
        assertEquals("async@example.com", member.email());
        assertEquals("Pune", member.attributes().get("city"));
    }

    @Test
    void aFormReadThroughParametersOnTheAsyncThreadIsCaptured() throws Exception {
        start(TestApps.shop(captureSettings()));

        var response = postForm(TestPaths.ASYNC_SIGNUP, "email=params-async%40example.com&name=Pat", "X-Read", "params");

        assertEquals(201, response.statusCode());
        assertEquals("email=params-async@example.com\nname=Pat\n", new String(response.body(), StandardCharsets.UTF_8),
                "what the application read");
        assertEquals("params-async@example.com", theOnlyMember().email());
    }

    @Test
    void aBodyReadWithNonBlockingIoIsCaptured() throws Exception {
        start(TestApps.shop(captureSettings()));
        String json = "{\"email\":\"nio@example.com\",\"name\":\"Nia\",\"notes\":\"" + "n".repeat(20_000) + "\"}";

        var response = post(TestPaths.SIGNUP, "application/json", json, "X-Read", "nonblocking", "X-Status", "201");

        assertEquals(201, response.statusCode());
        assertEquals(json, new String(response.body(), StandardCharsets.UTF_8), "what the application read");
        assertEquals("nio@example.com", theOnlyMember().email());
    }

    @Test
    void aFailureStatusSetOnTheAsyncThreadSendsNothing() throws Exception {
        start(TestApps.shop(captureSettings()));

        var response = post(TestPaths.ASYNC_SIGNUP, "application/json",
                "{\"email\":\"rejected@example.com\"}", "X-Read", "reader", "X-Status", "422");

        assertEquals(422, response.statusCode());
        assertNothingSentBeforeAControlSignup();
    }
}
