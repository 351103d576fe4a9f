package co.interakt.capture.agent.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request to an example app and everything about its answer that must not depend on the
 * agent: status, headers (but {@code Date}) and the body's exact bytes.
 */
record Exchange(String request, int status, Map<String, String> headers, byte[] body) {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** A request the scenario sends: {@code body} {@code null} for a GET. */
    record Request(String method, String path, String contentType, String body) {
        static Request get(String path) {
            return new Request("GET", path, null, null);
        }

        static Request post(String path, String contentType, String body) {
            return new Request("POST", path, contentType, body);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Exchange send(URI base, Request request) {
        return send(base, request.method(), request.path(), request.contentType(),
                request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8));
    }

    /** Any request: {@code body} {@code null} for none, raw bytes otherwise; extra headers as name, value pairs. */
    static Exchange send(URI base, String method, String path, String contentType, byte[] body, String... headers) {
        return send(HTTP, base, method, path, contentType, body, headers);
    }

    /** As {@link #send(URI, String, String, String, byte[], String...)}, on the given client's connections. */
    static Exchange send(HttpClient client, URI base, String method, String path, String contentType, byte[] body, String... headers) {
        String request = method + " " + path;
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (body == null) {
            http.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            http.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        if (contentType != null) {
            http.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            http.headers(headers);
        }
        try {
            HttpResponse<byte[]> response = client.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> answerHeaders = new TreeMap<>();
            response.headers().map().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("date")) {
                    answerHeaders.put(name.toLowerCase(java.util.Locale.ROOT), String.join(", ", values));
                }
            });
            return new Exchange(request, response.statusCode(), answerHeaders, response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(request + " to " + base + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code true} once {@code GET base+path} answers 200. */
    static boolean answers(URI base, String path) {
        try {
            return send(base, Request.get(path)).status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
