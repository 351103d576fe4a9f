package co.interakt.capture.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import co.interakt.capture.config.ConfigLoader;
import co.interakt.capture.delivery.PayloadSink;
import co.interakt.capture.engine.CaptureEngine;
import co.interakt.capture.extract.SkipReasons;
import co.interakt.capture.payload.InteraktPayload;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Text parts are recorded when the application first asks for them, so a framework that deletes
 * the parts before the chain returns (Spring MVC) loses nothing; file parts are never opened.
 */
class MultipartRecordingTest {
    private final List<InteraktPayload> sent = new CopyOnWriteArrayList<>();
    private final ServletCapture capture = new ServletCapture(new CaptureEngine(
            new ConfigLoader().overrides(Map.of("interakt.rule.signup.paths", "/signup")).load(),
            new PayloadSink() {
                @Override
                public boolean submit(InteraktPayload payload) {
                    return sent.add(payload);
                }

                @Override
                public void close() {
                }
            }));
    private final FakeHttp http = new FakeHttp();
    private boolean deleted;

    @Test
    void partsDeletedBeforeTheChainReturnsAreStillCaptured() throws Exception {
        List<Part> parts = List.of(text("email", "ana@example.com"), text("city", "Porto"), file("avatar"));
        http.contentType = "multipart/form-data; boundary=b";
        http.overrides.put("getParts", () -> parts);
        RequestCapture rc = capture.begin(http.request(), http.response());

        HttpServletRequest app = rc.request();
        Collection<Part> seen = app.getParts();
        deleted = true; // StandardServletMultipartResolver.cleanupMultipart, in DispatcherServlet's finally
        rc.afterChain(false);

        assertSame(parts, seen, "the application gets the container's parts");
        assertEquals(1, sent.size());
        assertEquals("ana@example.com", sent.get(0).email());
        assertEquals("Porto", sent.get(0).attributes().get("city"));
    }

    @Test
    void partsThatCannotBeReadAreMultipartUnavailableNeverAnException() throws Exception {
        http.contentType = "multipart/form-data; boundary=b";
        deleted = true; // a container that fails on them from the start (Jetty's NPE in Files.provider)
        Part email = text("email", "ana@example.com");
        http.overrides.put("getParts", () -> List.of(email));
        http.overrides.put("getPart", () -> email);
        RequestCapture rc = capture.begin(http.request(), http.response());

        rc.request().getPart("email");
        rc.afterChain(false);

        assertEquals(List.of(), sent);
        assertEquals(1, capture.engine().metrics().skipped(SkipReasons.MULTIPART_UNAVAILABLE));
        assertEquals(0, capture.failures(), "a skip with its reason, not a failure of ours");
    }

    @Test
    void aFormWhoseTextIsOverTheCapIsTooLarge() throws Exception {
        http.contentType = "multipart/form-data; boundary=b";
        http.overrides.put("getParts", () -> List.of(text("email", "ana@example.com"), text("notes", "x".repeat(70_000))));
        RequestCapture rc = capture.begin(http.request(), http.response());

        rc.request().getParts();
        rc.afterChain(false);

        assertEquals(List.of(), sent);
        assertEquals(1, capture.engine().metrics().skipped(SkipReasons.BODY_TOO_LARGE));
    }

    private Part text(String name, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return part(name, null, bytes);
    }

    private Part file(String name) {
        return part(name, "me.png", null);
    }

    private Part part(String name, String fileName, byte[] content) {
        return (Part) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Part.class}, (proxy, m, args) -> switch (m.getName()) {
            case "getName" -> name;
            case "getSubmittedFileName" -> fileName;
            case "getContentType" -> null;
            case "getSize" -> content == null ? 1_000_000L : (long) content.length;
            case "getInputStream" -> {
                if (content == null) {
                    throw new AssertionError("a file part was opened");
                }
                if (deleted) {
                    throw new NullPointerException("deleted"); // as Jetty's Files.provider on a deleted part
                }
                yield (InputStream) new ByteArrayInputStream(content);
            }
            case "toString" -> "Part " + name;
            default -> throw new UnsupportedOperationException(m.getName());
        });
    }

    @Test
    void nothingIsReadFromTheBodyStreamOfAMultipartFormTheContainerParsed() throws Exception {
        http.contentType = "multipart/form-data; boundary=b";
        http.overrides.put("getParts", () -> List.of(text("email", "bo@example.com")));
        RequestCapture rc = capture.begin(http.request(), http.response());

        rc.request().getParts();
        rc.afterChain(false);

        assertFalse(http.calls.contains("getInputStream"));
        assertEquals("bo@example.com", sent.get(0).email());
    }
}
