package co.interakt.capture.filter;

import co.interakt.capture.filter.harness.Containers;
import co.interakt.capture.filter.harness.Multipart;
import co.interakt.capture.filter.harness.TestApps;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;


/**
 * The filter never changes what the application reads or what the client gets: the same request
 * to the same application with the filter ({@code /shop}) and without it ({@code /plain}) yields
 * identical bytes read by the servlet (it echoes them) and an identical response.
 */
abstract class DifferentialScenarios extends ContainerScenario {
    private static final int CAP = 4096;

    DifferentialScenarios(Containers which) {
        super(which);
    }


    static Stream<Arguments> requests() {
        Multipart multipart = new Multipart().field("email", "mp@example.com").field("name", "Mé")
                .file("cv", "cv.pdf", "application/pdf", randomBytes(5000, 1));
        String json = "{\"email\":\"js@example.com\",\r\n\"name\":\"Zoë 😀\",\r\n\"tags\":[\"a\",\"b\"]}";
        String largeForm = "email=big%40example.com&notes=" + "x".repeat(3 * CAP);
        byte[] binary = randomBytes(20_000, 2);
        return Stream.of(
                Arguments.of("form, getParameterMap", "application/x-www-form-urlencoded", utf8("email=f%40example.com&name=F%C3%A9&city=Oslo"), "params"),
                Arguments.of("form, input stream", "application/x-www-form-urlencoded", utf8("email=f%40example.com&name=F"), "stream"),
                Arguments.of("form, not read at all", "application/x-www-form-urlencoded", utf8("email=f%40example.com&name=F"), "none"),
                Arguments.of("json, reader", "application/json", utf8(json), "reader"),
                Arguments.of("json, readLine", "application/json", utf8(json), "reader-lines"),
                Arguments.of("json, non-blocking ReadListener", "application/json", utf8(json), "nonblocking"),
                Arguments.of("large form past the cap, non-blocking", "application/x-www-form-urlencoded", utf8(largeForm), "nonblocking"),
                Arguments.of("json latin-1, reader", "application/json; charset=ISO-8859-1", "{\"name\":\"Jürgen\"}".getBytes(StandardCharsets.ISO_8859_1), "reader"),
                Arguments.of("multipart, getParts", multipart.contentType(), multipart.bytes(), "parts"),
                Arguments.of("multipart, readAllBytes", multipart.contentType(), multipart.bytes(), "stream-all"),
                Arguments.of("empty body", "application/x-www-form-urlencoded", new byte[0], "stream"),
                Arguments.of("large form past the cap, stream", "application/x-www-form-urlencoded", utf8(largeForm), "stream"),
                Arguments.of("large form past the cap, params", "application/x-www-form-urlencoded", utf8(largeForm), "params"),
                Arguments.of("large form past the cap, not read", "application/x-www-form-urlencoded", utf8(largeForm), "none"),
                Arguments.of("binary, byte by byte", "application/octet-stream", binary, "stream-single"),
                Arguments.of("binary, first 10 bytes only", "application/octet-stream", binary, "stream-partial"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void theApplicationAndTheClientSeeTheSameWithAndWithoutTheFilter(String name, String contentType, byte[] body, String howTheAppReads)
            throws Exception {
        Map<String, String> settings = captureSettings();
        settings.put("interakt.max-body-bytes", Integer.toString(CAP));
        settings.put("interakt.rule.signup.paths", "/signup");
        start(TestApps.shop("/shop", settings), TestApps.shop("/plain", null));

        HttpResponse<byte[]> with = post("/shop/signup", contentType, body, "X-Read", howTheAppReads);
        HttpResponse<byte[]> without = post("/plain/signup", contentType, body, "X-Read", howTheAppReads);

        assertEquals(201, without.statusCode(), "the application itself must handle the request");
        assertAll(
                () -> assertEquals(without.statusCode(), with.statusCode(), "status"),
                () -> assertEquals(without.headers().firstValue("X-Read-Length"), with.headers().firstValue("X-Read-Length"), "bytes read"),
                () -> assertEquals(without.headers().firstValue("Content-Type"), with.headers().firstValue("Content-Type"), "content type"),
                () -> assertArrayEquals(without.body(), with.body(), "what the servlet read, echoed"));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
