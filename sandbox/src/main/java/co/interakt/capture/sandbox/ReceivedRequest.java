package co.interakt.capture.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the sandbox received on its API paths, with the answer it gave. Immutable.
 *
 * @param receivedAt   when the request arrived
 * @param method       HTTP method, e.g. {@code POST}
 * @param path         request path, e.g. {@code /api/v1/members}
 * @param headers      request headers; look them up with {@link #header(String)} (case-insensitive)
 * @param body         the raw body as UTF-8 text
 * @param status       the status the sandbox answered
 * @param attributes   top-level attributes when the body parsed, {@code custom_fields} excluded; else empty
 * @param customFields the {@code custom_fields} object, empty when absent or unparsable
 * @param error        why the sandbox refused the request, or {@code null}
 */
public record ReceivedRequest(
        Instant receivedAt,
        String method,
        String path,
        Map<String, List<String>> headers,
        String body,
        int status,
        Map<String, Object> attributes,
        Map<String, Object> customFields,
        String error) {

    /** The first value of a header, case-insensitively, or {@code null}. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** {@code true} when the sandbox answered 2xx, i.e. Interakt would have stored it. */
    public boolean accepted() {
        return status >= 200 && status < 300;
    }

    /** {@code members} or {@code leads}: the last path segment. */
    public String target() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The {@code email} attribute, or {@code null}. */
    public String email() {
        Object email = attributes.get("email");
        return email instanceof String s ? s : null;
    }
}
