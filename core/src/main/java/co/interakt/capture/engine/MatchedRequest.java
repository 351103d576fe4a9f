package co.interakt.capture.engine;

/**
 * What the engine needs to decide about a matched request before its body is looked at: the
 * request line, its content type and the application's answer. Holds no value of any field.
 *
 * @param method      HTTP method, upper case
 * @param path        path within the web application (used to name the rule's pattern, never logged)
 * @param contentType the {@code Content-Type} header, or {@code null}
 * @param status      the status the application answered with
 */
public record MatchedRequest(String method, String path, String contentType, int status) {
}
