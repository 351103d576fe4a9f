package co.interakt.capture.filter;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import co.interakt.capture.filter.harness.Containers;
import co.interakt.capture.filter.harness.LogRecorder;
import co.interakt.capture.filter.harness.TestApps;
import co.interakt.capture.sandbox.ReceivedRequest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * What the reliability scenarios share: the shop with the filter ({@code /shop}) next to the same
 * application without it ({@code /plain}) in one container, every log line of the JVM recorded,
 * signups posted to both so the answers can be compared byte for byte, and exact accounting of
 * what reached the sandbox.
 */
abstract class ReliabilityScenario extends ContainerScenario {
    static final String WITH_CAPTURE = "/shop/signup";
    static final String WITHOUT_CAPTURE = "/plain/signup";

    LogRecorder log;

    @RegisterExtension
    final TestWatcher printLogOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (log != null) {
                System.out.println("----- log of " + context.getDisplayName() + " -----\n" + log.text());
            }
        }
    };

    ReliabilityScenario(Containers which) {
        super(which);
    }

    @BeforeEach
    void recordLogs() {
        log = new LogRecorder();
    }

    @AfterEach
    void stopRecording() {
        log.close();
    }

    /** Starts the shop with the filter and these settings, and the same shop without the filter. */
    void startShops(Map<String, String> settings) throws Exception {
        settings.put("interakt.rule.signup.paths", "/signup");
        start(TestApps.shop("/shop", settings), TestApps.shop("/plain", null));
    }

    /** A signup form for {@code email}; the app reads it through {@code getParameterMap}. */
    static String signupForm(String email) {
        return "email=" + email.replace("@", "%40") + "&name=Signup+" + email.substring(0, email.indexOf('@')) + "&plan=pro";
    }

    /** {@code count} distinct signup emails with this prefix. */
    static List<String> emails(String prefix, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(prefix + "-" + i + "@example.com");
        }
        return out;
    }

    /**
     * Posts each signup to the shop with and without the filter and checks the two answers are
     * identical (status, what the application read, body). Returns once every request completed.
     */
    void signUpEverywhere(List<String> emails) throws Exception {
        for (String email : emails) {
            String form = signupForm(email);
            HttpResponse<byte[]> with = postForm(WITH_CAPTURE, form);
            HttpResponse<byte[]> without = postForm(WITHOUT_CAPTURE, form);
            assertSameAnswer(email, without, with);
        }
    }

    /** Posts the same request to the shop with and without the filter; checks the answers are identical. */
    void postToBoth(String what, String contentType, byte[] body, String howTheAppReads) throws Exception {
        boolean unread = "none".equals(howTheAppReads);
        HttpResponse<byte[]> with = unread ? postUnread(WITH_CAPTURE, contentType, body)
                : post(WITH_CAPTURE, contentType, body, "X-Read", howTheAppReads);
        HttpResponse<byte[]> without = unread ? postUnread(WITHOUT_CAPTURE, contentType, body)
                : post(WITHOUT_CAPTURE, contentType, body, "X-Read", howTheAppReads);
        assertSameAnswer(what, without, with);
    }

    /**
     * A body the application leaves unread: the container answers, then closes the connection with
     * bytes still unread, and TCP resets it. The reset can reach the client before the answer and
     * discard it ("header parser received no bytes"), with or without the filter: a transport
     * race, not an answer. So: a fresh connection each time, and up to three tries.
     */
    private HttpResponse<byte[]> postUnread(String path, String contentType, byte[] body) throws Exception {
        IOException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            try {
                return post(fresh, path, contentType, body, "X-Read", "none");
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    static void assertSameAnswer(String what, HttpResponse<byte[]> without, HttpResponse<byte[]> with) {
        assertEquals(201, without.statusCode(), what + ": the application itself must handle it");
        assertAll(what,
                () -> assertEquals(without.statusCode(), with.statusCode(), "status"),
                () -> assertEquals(without.headers().firstValue("X-Read-Length"), with.headers().firstValue("X-Read-Length"), "bytes read"),
                () -> assertArrayEquals(without.body(), with.body(), "body"));
    }

    /** Accepted members by email, with how many times each arrived (more than once: an at-least-once duplicate). */
    Map<String, Long> acceptedMembers() {
        return sandbox.members().stream().collect(Collectors.groupingBy(ReceivedRequest::email, TreeMap::new, Collectors.counting()));
    }

    /** What {@link #acceptedMembers()} must be when each of these arrived exactly once. */
    static Map<String, Long> eachOnce(List<String> emails) {
        Map<String, Long> out = new TreeMap<>();
        emails.forEach(e -> out.put(e, 1L));
        return out;
    }

    /** Waits for a condition that another thread makes true; fails with {@code what} if it never does. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("never happened within " + WAIT + ": " + what);
            }
            Thread.sleep(10);
        }
    }
}
