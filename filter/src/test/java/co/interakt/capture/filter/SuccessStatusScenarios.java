package co.interakt.capture.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.filter.harness.CaptureCounters;
import co.interakt.capture.filter.harness.Containers;
import co.interakt.capture.filter.harness.Multipart;
import co.interakt.capture.filter.harness.TestApps;
import co.interakt.capture.sandbox.ReceivedRequest;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The default {@code success-status=auto} on a real container: a form counts when the app
 * redirects or answers 201 (a form re-rendered with 200 is a rejection), JSON on any 2xx; what
 * does not count is counted as {@code status-not-success} on the Capture MXBean. And the key
 * still overrides it.
 */
abstract class SuccessStatusScenarios extends ContainerScenario {

    SuccessStatusScenarios(Containers which) {
        super(which);
    }

    private static Multipart multipart(String email) {
        return new Multipart().field("email", email).field("name", "Multi");
    }

    @Test
    void theDefaultTellsAFormsRedirectFromItsReRenderAndTakesJsonOnAny2xx() throws Exception {
        start(TestApps.shop(captureSettings()));

        assertEquals(303, postForm(TestPaths.SIGNUP, "email=form-redirect%40example.com", "X-Read", "params", "X-Status", "303").statusCode());
        assertEquals(200, postForm(TestPaths.SIGNUP, "email=form-rerendered%40example.com", "X-Read", "params", "X-Status", "200").statusCode());
        Multipart redirected = multipart("multipart-redirect@example.com");
        assertEquals(302, post(TestPaths.SIGNUP, redirected.contentType(), redirected.bytes(), "X-Read", "parts", "X-Status", "302").statusCode());
        Multipart rerendered = multipart("multipart-rerendered@example.com");
        assertEquals(200, post(TestPaths.SIGNUP, rerendered.contentType(), rerendered.bytes(), "X-Read", "parts", "X-Status", "200").statusCode());
        assertEquals(200, post(TestPaths.SIGNUP, "application/json", "{\"email\":\"json-200@example.com\"}", "X-Read", "reader",
                "X-Status", "200").statusCode());
        assertEquals(422, post(TestPaths.SIGNUP, "application/json", "{\"email\":\"json-422@example.com\"}", "X-Read", "reader",
                "X-Status", "422").statusCode());
        assertEquals(302, post(TestPaths.SIGNUP, "application/json", "{\"email\":\"json-302@example.com\"}", "X-Read", "reader",
                "X-Status", "302").statusCode());
        CaptureCounters counters = CaptureCounters.read(ManagementFactory.getPlatformMBeanServer());

        assertTrue(sandbox.awaitAccepted(3, WAIT), "received: " + sandbox.received());
        stopContainer();
        assertEquals(List.of("form-redirect@example.com", "json-200@example.com", "multipart-redirect@example.com"),
                sandbox.members().stream().map(ReceivedRequest::email).sorted().toList());
        assertEquals(new CaptureCounters(7, 3, 4, Map.of("status-not-success", 4L), 0, "status-not-success", counters.lastSkipAt()),
                counters);
    }

    @Test
    void anExplicitSuccessStatusOverridesTheDefault() throws Exception {
        Map<String, String> settings = captureSettings();
        settings.put("interakt.rule.signup.success-status", "200");
        start(TestApps.shop(settings));

        assertEquals(302, postForm(TestPaths.SIGNUP, "email=redirected%40example.com", "X-Status", "302").statusCode());
        assertEquals(200, postForm(TestPaths.SIGNUP, "email=answered-200%40example.com", "X-Status", "200").statusCode());

        assertEquals("answered-200@example.com", theOnlyMember().email());
    }
}
