package co.interakt.capture.filter;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.filter.harness.Containers;
import co.interakt.capture.filter.harness.Multipart;
import co.interakt.capture.sandbox.ReceivedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request shapes real applications produce ({@link RealParserApps}), each posted to the
 * application with the filter ({@code /with}) and without it ({@code /without}): the answers are
 * byte-identical, and the capture is exactly one member, or a skip with the precise reason.
 */
abstract class RealParsersScenarios extends ReliabilityScenario {
    private static final String WITH = "/with";
    private static final String WITHOUT = "/without";

    RealParsersScenarios(Containers which) {
        super(which);
    }

    private void startBoth() throws Exception {
        Map<String, String> settings = captureSettings();
        settings.put("interakt.rule.signup.paths", RealParserApps.PATHS);
        start(RealParserApps.app(WITH, settings), RealParserApps.app(WITHOUT, null));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({
        "/jackson-reader, content-length", "/jackson-reader, chunked",
        "/jackson-stream, content-length", "/jackson-stream, chunked",
        "/gson-reader, content-length", "/gson-reader, chunked"})
    void jsonReadWithTheLibrarysDefaultsBecomesOneMember(String path, String framing) throws Exception {
        startBoth();
        byte[] json = "{\"email\":\"jo@example.com\",\"name\":\"Zoë Lee\",\"city\":\"Malmö\"}\n".getBytes(StandardCharsets.UTF_8);
        boolean chunked = framing.equals("chunked");

        HttpResponse<byte[]> with = send(WITH + path, "application/json; charset=UTF-8", json, chunked);
        HttpResponse<byte[]> without = send(WITHOUT + path, "application/json; charset=UTF-8", json, chunked);

        assertSameAnswer(without, with);
        ReceivedRequest member = theOnlyMember();
        assertEquals("jo@example.com", member.email());
        assertEquals("Zoë Lee", member.attributes().get("name"));
        assertEquals("Malmö", member.attributes().get("city"));
    }

    @ParameterizedTest(name = "with a file: {0}")
    @ValueSource(booleans = {false, true})
    void aMultipartFormWhosePartsAreDeletedBeforeTheServletReturnsBecomesOneMember(boolean withFile) throws Exception {
        startBoth();
        Multipart form = new Multipart().field("email", "mo@example.com").field("name", "Mo").field("city", "Porto");
        if (withFile) {
            form.file("avatar", "me.png", "image/png", "PNG-DO-NOT-FORWARD".getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<byte[]> with = send(WITH + RealParserApps.MULTIPART_DELETED, form.contentType(), form.bytes(), false);
        HttpResponse<byte[]> without = send(WITHOUT + RealParserApps.MULTIPART_DELETED, form.contentType(), form.bytes(), false);

        assertSameAnswer(without, with);
        ReceivedRequest member = theOnlyMember();
        assertEquals("mo@example.com", member.email());
        assertEquals("Porto", member.attributes().get("city"));
        assertFalse(member.body().contains("PNG-DO-NOT-FORWARD"), member.body());
        assertEquals(List.of(), log.problems(), "no exception or warning in the log");
    }

    /**
     * A client that declares a body and sends only part of it, to an application that answers
     * without reading it: the answer reaches the client while it still holds unsent bytes (before,
     * the capture read the rest first, so the answer waited for the whole body). Nothing is sent;
     * the skip says why.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"application/x-www-form-urlencoded, body-not-read", "text/plain, unsupported-content-type"})
    void theAnswerNeverWaitsForASlowClient(String contentType, String reason) throws Exception {
        startBoth();
        byte[] sent = "email=slow%40example.com&name=Sl".getBytes(StandardCharsets.US_ASCII);
        byte[] held = "ow&city=Oslo".getBytes(StandardCharsets.US_ASCII);

        for (String app : List.of(WITHOUT, WITH)) {
            String statusLine = statusWhileHoldingBytes(app + RealParserApps.NOT_READ, contentType, sent, held.length);
            assertEquals("HTTP/1.1 201", statusLine.substring(0, 12), app + ": " + statusLine);
        }

        await("the skip is logged", () -> !log.linesWith("capture skipped: rule=signup reason=").isEmpty());
        assertEquals(List.of("FINE co.interakt.capture.engine.CaptureEngine: capture skipped: rule=signup reason=" + reason),
                log.linesWith("capture skipped: rule=signup reason="));
        stopContainer();
        assertEquals(List.of(), sandbox.received(), "nothing sent");
    }

    /**
     * When the container refuses a malformed form, its exception (and the error page that prints
     * it) carries no frame of the capture's request wrapper; only the filter's own frame, there
     * because the application installed a filter, tells the two pages apart.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a bad %-escape", "too many parameters"})
    void aMalformedFormFailsAsItWouldWithoutTheCapture(String what) throws Exception {
        startBoth();
        String form = what.startsWith("a bad") ? "email=%zz" : "email=many%40example.com"
                + java.util.stream.IntStream.range(0, 2_000).mapToObj(i -> "&f" + i + "=1").collect(Collectors.joining());

        HttpResponse<byte[]> with = send(WITH + RealParserApps.PARAMETER, "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.US_ASCII), false);
        HttpResponse<byte[]> without = send(WITHOUT + RealParserApps.PARAMETER, "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.US_ASCII), false);

        assertTrue(without.statusCode() >= 400, "the container refuses it: " + without.statusCode());
        String page = new String(with.body(), StandardCharsets.UTF_8);
        assertFalse(page.contains("BodyCachingRequest"), page);
        assertFalse(page.contains("ServletRequestWrapper"), page);
        assertEquals(without.statusCode(), with.statusCode());
        assertEquals(new String(without.body(), StandardCharsets.UTF_8).replace(WITHOUT, WITH), withoutFilterFrames(page));
    }

    private static String withoutFilterFrames(String page) {
        return page.lines().filter(line -> !line.contains(InteraktCaptureFilter.class.getName()))
                .collect(Collectors.joining("\n", "", page.endsWith("\n") ? "\n" : ""));
    }

    private HttpResponse<byte[]> send(String path, String contentType, byte[] body, boolean chunked) throws Exception {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body)) // no length: chunked
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest request = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(publisher).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertSameAnswer(HttpResponse<byte[]> without, HttpResponse<byte[]> with) {
        assertEquals(201, without.statusCode(), "the application itself must handle it: " + new String(without.body(), StandardCharsets.UTF_8));
        assertAll(
                () -> assertEquals(without.statusCode(), with.statusCode(), "status"),
                () -> assertEquals(without.headers().firstValue("Content-Type"), with.headers().firstValue("Content-Type"), "content type"),
                () -> assertEquals(without.headers().firstValue("Content-Length"), with.headers().firstValue("Content-Length"), "length"),
                () -> assertArrayEquals(without.body(), with.body(), "body"));
    }

    /**
     * Sends the headers (declaring {@code sent.length + heldBack} bytes) and {@code sent}, then reads
     * the status line while the rest is still held back. A capture that waited for the body would
     * never answer: the socket's read timeout then fails the test (a hang detector, not a timing
     * threshold: nothing is ever sent after this point).
     */
    private String statusWhileHoldingBytes(String path, String contentType, byte[] sent, int heldBack) throws IOException {
        URI target = root.resolve(path);
        try (Socket socket = new Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            String head = "POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + (sent.length + heldBack) + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(sent);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
                line.write(b);
            }
            return line.toString(StandardCharsets.US_ASCII).trim();
        }
    }
}
