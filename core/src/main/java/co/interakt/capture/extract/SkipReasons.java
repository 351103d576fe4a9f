package co.interakt.capture.extract;

/**
 * Why an extraction captured nothing: short, stable, metric-friendly names. They never contain a
 * field value, so they are safe in logs and metrics.
 */
public final class SkipReasons {
    /** The body (or the text of a multipart form) is larger than {@code interakt.max-body-bytes}. */
    public static final String BODY_TOO_LARGE = "body-too-large";
    /** The client disconnected, or sent fewer bytes than its {@code Content-Length}. */
    public static final String CLIENT_ABORTED = "client-aborted";
    /**
     * The application did not read the whole body and the rest had not arrived yet when it
     * answered: the capture does not wait for a slow client.
     */
    public static final String BODY_NOT_READ = "body-not-read";
    /** The container refused to give the rest of the body: an I/O error that is not its end. */
    public static final String BODY_UNREADABLE = "body-unreadable";
    /** The text parts of a multipart form could not be recovered (e.g. the framework deleted them first). */
    public static final String MULTIPART_UNAVAILABLE = "multipart-unavailable";
    /** A body with no content type, or one that is not urlencoded, multipart or JSON. */
    public static final String UNSUPPORTED_CONTENT_TYPE = "unsupported-content-type";
    /** The declared charset is unknown to the JVM. */
    public static final String UNSUPPORTED_CHARSET = "unsupported-charset";
    /** Bytes that are not valid in the request's charset. */
    public static final String INVALID_ENCODING = "invalid-encoding";
    /** A {@code %} not followed by two hex digits. */
    public static final String BAD_PERCENT_ENCODING = "bad-percent-encoding";
    /** Not JSON, truncated JSON, trailing content, or a top level that is not an object. */
    public static final String MALFORMED_JSON = "malformed-json";
    /** JSON nested deeper than {@link JsonFieldParser#MAX_DEPTH}. */
    public static final String JSON_TOO_DEEP = "json-too-deep";
    /** No boundary, a missing closing delimiter, or broken part headers. */
    public static final String MALFORMED_MULTIPART = "malformed-multipart";
    /** A bug of ours, caught so that it never reaches the application. */
    public static final String EXTRACTION_FAILED = "extraction-failed";

    private SkipReasons() {
    }
}
