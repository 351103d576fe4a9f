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
 * @param bodySkipReason      {@code null} when {@code body} is the whole body; otherwise why it is not, one of
 *                            {@link SkipReasons#BODY_TOO_LARGE}, {@link SkipReasons#CLIENT_ABORTED},
 *                            {@link SkipReasons#BODY_NOT_READ}, {@link SkipReasons#BODY_UNREADABLE} or
 *                            {@link SkipReasons#MULTIPART_UNAVAILABLE}: the request is then skipped with it
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
        String bodySkipReason,
        Map<String, List<String>> containerParameters,
        Map<String, String> context) {

    /**
     * With a plain flag, for callers that know no reason: an incomplete body is then
     * {@link SkipReasons#BODY_NOT_READ}.
     */
    public CapturedRequest(String method, String path, String queryString, String contentType, String characterEncoding,
            byte[] body, int bodyLength, boolean bodyComplete, Map<String, List<String>> containerParameters,
            Map<String, String> context) {
        this(method, path, queryString, contentType, characterEncoding, body, bodyLength,
                bodyComplete ? null : SkipReasons.BODY_NOT_READ, containerParameters, context);
    }

    /** Whether {@code body} is the whole body. */
    public boolean bodyComplete() {
        return bodySkipReason == null;
    }
}
