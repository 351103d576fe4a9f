package co.interakt.capture.extract;

import java.util.List;
import java.util.Map;

/**
 * What the servlet layer hands to the engine after the application has answered: a servlet-free
 * snapshot of one matched request. Built by the filter or the agent; never holds servlet types.
 *
 * @param method              HTTP method, upper case
 * @param path                path within the web application (context path removed)
 * @param queryString         raw query string, or {@code null}
 * @param contentType         the {@code Content-Type} header, or {@code null}
 * @param characterEncoding   the request's declared charset, or {@code null} (then UTF-8)
 * @param body                the body bytes the application read (or that were read after it), possibly a prefix
 * @param bodyLength          how many bytes of {@code body} are valid
 * @param bodyComplete        {@code false} when the body exceeded the cache cap or could not be read fully
 * @param containerParameters parameters the container already parsed (e.g. after {@code getParameterMap()}),
 *                            used when the body itself was consumed by the container; may be empty
 * @param context             request context for enrichment: header names in lower case
 *                            ({@code user-agent}, {@code referer}, ...), plus {@code remote-addr},
 *                            {@code request-url} and {@code cookie:<name>} entries; may be empty
 */
public record CapturedRequest(
        String method,
        String path,
        String queryString,
        String contentType,
        String characterEncoding,
        byte[] body,
        int bodyLength,
        boolean bodyComplete,
        Map<String, List<String>> containerParameters,
        Map<String, String> context) {
}
