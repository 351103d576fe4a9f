package co.interakt.capture.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Builds {@link CapturedRequest}s for tests, the way the servlet layer would. */
public final class TestRequests {
    private TestRequests() {
    }

    public static CapturedRequest query(String queryString) {
        return new CapturedRequest("GET", "/signup", queryString, null, null, new byte[0], 0, true, Map.of(), Map.of());
    }

    public static CapturedRequest body(String contentType, String body) {
        return body(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static CapturedRequest body(String contentType, String body, Charset charset) {
        return body(contentType, body.getBytes(charset));
    }

    public static CapturedRequest body(String contentType, byte[] body) {
        return new CapturedRequest("POST", "/signup", null, contentType, null, body, body.length, true, Map.of(), Map.of());
    }

    public static CapturedRequest form(String urlEncoded) {
        return body("application/x-www-form-urlencoded", urlEncoded);
    }

    public static CapturedRequest json(String json) {
        return body("application/json", json);
    }

    public static CapturedRequest withQuery(CapturedRequest r, String queryString) {
        return new CapturedRequest(r.method(), r.path(), queryString, r.contentType(), r.characterEncoding(),
                r.body(), r.bodyLength(), r.bodySkipReason(), r.containerParameters(), r.context());
    }

    public static CapturedRequest withEncoding(CapturedRequest r, String characterEncoding) {
        return new CapturedRequest(r.method(), r.path(), r.queryString(), r.contentType(), characterEncoding,
                r.body(), r.bodyLength(), r.bodySkipReason(), r.containerParameters(), r.context());
    }

    public static CapturedRequest withContext(CapturedRequest r, Map<String, String> context) {
        return new CapturedRequest(r.method(), r.path(), r.queryString(), r.contentType(), r.characterEncoding(),
                r.body(), r.bodyLength(), r.bodySkipReason(), r.containerParameters(), context);
    }

    /** A form the container already parsed: the cached body is empty. */
    public static CapturedRequest containerParsed(Map<String, List<String>> parameters) {
        return new CapturedRequest("POST", "/signup", null, "application/x-www-form-urlencoded", null,
                new byte[0], 0, true, parameters, Map.of());
    }

    /** A multipart body with CRLF line ends; each part is {headers..., content}. */
    public static CapturedRequest multipart(String boundary, String... partsHeadersThenContent) {
        return body("multipart/form-data; boundary=" + boundary, multipartBody(boundary, "\r\n", partsHeadersThenContent));
    }

    /**
     * A multipart body: each argument is one part written as its header lines, a blank line and
     * its content, separated by "\n" in the argument (converted to {@code eol}).
     */
    public static String multipartBody(String boundary, String eol, String... parts) {
        StringBuilder b = new StringBuilder();
        for (String part : parts) {
            b.append("--").append(boundary).append(eol).append(part.replace("\n", eol)).append(eol);
        }
        return b.append("--").append(boundary).append("--").append(eol).toString();
    }
}
