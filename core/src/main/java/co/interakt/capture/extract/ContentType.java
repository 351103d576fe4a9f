package co.interakt.capture.extract;

/**
 * The questions the capture asks of a {@code Content-Type} header, answered by one quote-aware
 * parser ({@link HeaderValue}) for the engine and the servlet layer alike. A {@code null} header
 * is no type: every test is false, every parameter absent.
 */
public final class ContentType {
    private static final String URLENCODED = "application/x-www-form-urlencoded";
    private static final String MULTIPART_FORM = "multipart/form-data";

    private ContentType() {
    }

    /** The media type in lower case without parameters, e.g. {@code application/json}; empty when absent. */
    public static String mediaType(String header) {
        return HeaderValue.parse(header).value();
    }

    /** The {@code charset} parameter, unquoted, or {@code null}. */
    public static String charset(String header) {
        return HeaderValue.parse(header).parameter("charset");
    }

    /** A body the capture parses at all: urlencoded, {@code multipart/form-data} or JSON. */
    public static boolean isParsed(String header) {
        return isParsedMediaType(mediaType(header));
    }

    /** The types a servlet container parses into request parameters: urlencoded and {@code multipart/form-data}. */
    public static boolean isForm(String header) {
        String type = mediaType(header);
        return type.equals(URLENCODED) || type.equals(MULTIPART_FORM);
    }

    /** Any {@code multipart/*} type. */
    public static boolean isMultipart(String header) {
        return mediaType(header).startsWith("multipart/");
    }

    /** {@code application/json} or any {@code +json} type. */
    public static boolean isJson(String header) {
        return isJsonMediaType(mediaType(header));
    }

    static boolean isUrlEncodedMediaType(String mediaType) {
        return mediaType.equals(URLENCODED);
    }

    static boolean isMultipartFormMediaType(String mediaType) {
        return mediaType.equals(MULTIPART_FORM);
    }

    static boolean isParsedMediaType(String mediaType) {
        return isUrlEncodedMediaType(mediaType) || isMultipartFormMediaType(mediaType) || isJsonMediaType(mediaType);
    }

    private static boolean isJsonMediaType(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }
}
