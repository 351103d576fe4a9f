package co.interakt.capture.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Sends a {@link Shape.Request} over HTTP/1.1, with a Content-Length or chunked, and keeps what the answer was. */
final class HttpCall {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private HttpCall() {
    }

    /**
     * The answer, as far as it must not depend on the capture: status, headers but {@code Date},
     * body bytes. The app's own {@code 127.0.0.1:port} (absolute redirects) reads {@code 127.0.0.1:PORT},
     * since the runs with and without capture listen on different ports.
     */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static Answer send(URI base, Shape.Request request) {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(base + request.path())).timeout(Duration.ofSeconds(30));
        if (request.body() == null) {
            http.method(request.method(), HttpRequest.BodyPublishers.noBody());
        } else if (request.chunked()) {
            // No known length: the client sends Transfer-Encoding: chunked.
            byte[] body = request.body();
            http.method(request.method(), HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        } else {
            http.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        }
        if (request.contentType() != null) {
            http.header("Content-Type", request.contentType());
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
            String authority = "127.0.0.1:" + base.getPort();
            Map<String, String> headers = new TreeMap<>();
            response.headers().map().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("date")) {
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values).replace(authority, "127.0.0.1:PORT"));
                }
            });
            byte[] body = response.body();
            String text = new String(body, StandardCharsets.ISO_8859_1);
            if (text.contains(authority)) {
                body = text.replace(authority, "127.0.0.1:PORT").getBytes(StandardCharsets.ISO_8859_1);
            }
            return new Answer(response.statusCode(), headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(request + " to " + base + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code true} once {@code GET base+path} answers 200. */
    static boolean answers(URI base, String path) {
        try {
            return send(base, new Shape.Request("GET", path, null, null, false)).status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
