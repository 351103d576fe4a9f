package co.interakt.capture.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.filter.harness.ContainerUnderTest;
import co.interakt.capture.filter.harness.Containers;
import co.interakt.capture.filter.harness.WebApp;
import co.interakt.capture.sandbox.InteraktSandbox;
import co.interakt.capture.sandbox.ReceivedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A scenario written once and run on every container: each test starts the container it is given
 * with the applications it needs, posts to it with a real HTTP client, and checks what a real
 * local Interakt ({@link InteraktSandbox}, not dry-run) received.
 *
 * <p>Scenarios live in abstract {@code *Scenarios} classes; {@code OnJetty12IT} and
 * {@code OnTomcat11IT} run each of them as a {@code @Nested} class. One top-level class per
 * container keeps a failure attributed to its container: Surefire's summary merges results by
 * top-level class and method name, so a class-level parameterization would be counted once.
 */
abstract class ContainerScenario {
    static final String APP_ID = "test-app";
    static final String API_KEY = "test-key";
    static final Duration WAIT = Duration.ofSeconds(20);

    final Containers which;

    InteraktSandbox sandbox;
    ContainerUnderTest container;
    URI root;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ContainerScenario(Containers which) {
        this.which = which;
    }

    @BeforeEach
    void startSandbox() {
        sandbox = new InteraktSandbox(APP_ID, API_KEY).start(0);
    }

    @AfterEach
    void stopAll() throws Exception {
        try {
            stopContainer();
        } finally {
            sandbox.close();
        }
    }

    /** Filter settings that send to the sandbox: rule {@code signup} on {@code /signup} and {@code /async-signup}. */
    Map<String, String> captureSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("interakt.base-url", sandbox.baseUrl());
        settings.put("interakt.app-id", APP_ID);
        settings.put("interakt.api-key", API_KEY);
        settings.put("interakt.dry-run", "false");
        settings.put("interakt.rules", "signup");
        settings.put("interakt.rule.signup.paths", "/signup,/async-signup");
        settings.put("interakt.retry.initial-backoff", "50ms");
        return settings;
    }

    URI start(WebApp... apps) throws Exception {
        root = container().start(apps);
        return root;
    }

    /** The container of this run, created on first use. */
    ContainerUnderTest container() {
        if (container == null) {
            container = which.create();
        }
        return container;
    }

    /** Stops the container: the filter is destroyed and the engine delivers everything it queued. */
    void stopContainer() throws Exception {
        if (container != null) {
            ContainerUnderTest c = container;
            container = null;
            c.close();
        }
    }

    HttpResponse<byte[]> post(String path, String contentType, byte[] body, String... headers) throws IOException, InterruptedException {
        return post(http, path, contentType, body, headers);
    }

    HttpResponse<byte[]> post(HttpClient client, String path, String contentType, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> post(String path, String contentType, String body, String... headers) throws IOException, InterruptedException {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    HttpResponse<byte[]> postForm(String path, String form, String... headers) throws IOException, InterruptedException {
        return post(path, "application/x-www-form-urlencoded", form, headers);
    }

    /**
     * Posts with the request head and the whole body in one write, so the body has arrived before
     * the application answers. For an application that never reads its body: the capture then takes
     * it afterwards, while it never waits for bytes still on their way (a body sent after the
     * answer is {@code body-not-read}). Returns the status code; the answer is read to its end.
     */
    int postInOneWrite(String path, String contentType, byte[] body, String... headers) throws IOException {
        URI target = root.resolve(path);
        StringBuilder head = new StringBuilder("POST ").append(target.getRawPath())
                .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(target.getHost()).append(':').append(target.getPort()).append("\r\n")
                .append("Connection: close\r\nContent-Type: ").append(contentType).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        request.writeBytes(body);
        try (Socket socket = new Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(request.toByteArray());
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(answer.substring(9, 12));
        }
    }

    /** Waits for exactly one accepted member after the engine flushed; fails if more or fewer arrived. */
    ReceivedRequest theOnlyMember() throws Exception {
        assertTrue(sandbox.awaitAccepted(1, WAIT), "nothing reached the sandbox: " + sandbox.received());
        stopContainer();
        List<ReceivedRequest> received = sandbox.received();
        assertEquals(1, received.size(), "expected one request, got " + received);
        assertEquals("members", received.get(0).target());
        assertTrue(received.get(0).accepted(), "refused by the sandbox: " + received.get(0));
        return received.get(0);
    }

    /**
     * Proof that the requests made so far sent nothing: a signup that must be sent goes last, and
     * once it arrived and the engine flushed (container stopped), it is the only thing there. Every
     * earlier request was decided before its response reached us, so it was queued before this one.
     */
    void assertNothingSentBeforeAControlSignup() throws Exception {
        HttpResponse<byte[]> control = postForm(TestPaths.SIGNUP, "email=control%40example.com&name=Control");
        assertEquals(201, control.statusCode());
        ReceivedRequest only = theOnlyMember();
        assertEquals("control@example.com", only.email(), "something else was sent: " + only);
    }

    /** Paths of the shop application. */
    static final class TestPaths {
        static final String SIGNUP = "/shop/signup";
        static final String ASYNC_SIGNUP = "/shop/async-signup";
        static final String OTHER = "/shop/other";

        private TestPaths() {
        }
    }
}
