package co.interakt.capture.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Pulls form fields out of a {@link CapturedRequest}: query string, urlencoded, multipart (text
 * parts only) and JSON bodies. Never throws: malformed input yields {@link Extraction#skipped}
 * with one of the {@link SkipReasons}.
 *
 * <p>Decisions, in the order they are applied:
 * <ol>
 *   <li>Body bytes empty but {@code containerParameters} present: the container consumed the body,
 *       so its parameters are the fields. They already include the query string (Servlet spec), so
 *       the query string is not parsed again.</li>
 *   <li>Body larger than {@code maxBodyBytes}: {@code body-too-large}; body not complete: the
 *       servlet layer's reason for it ({@code body-too-large}, {@code client-aborted},
 *       {@code body-not-read}, {@code body-unreadable}, {@code multipart-unavailable}). The whole
 *       request is skipped, query fields included: without its body a signup would only be
 *       reported as a misleading {@code missing-email}.</li>
 *   <li>Fields are the query string's (always UTF-8, as containers decode URIs by default), then
 *       the body's, all values kept in that order. So the first value of a name, the one used for
 *       standard attributes, is the one {@code request.getParameter} gives the application.</li>
 *   <li>A non-empty body is parsed by its content type: urlencoded, {@code multipart/form-data},
 *       {@code application/json} or any {@code +json} type. Any other type, or none, is
 *       {@code unsupported-content-type} for the whole request.</li>
 *   <li>Body charset: {@code characterEncoding}, else the content type's {@code charset}, else
 *       UTF-8. Bytes invalid in it are {@code invalid-encoding}, never replaced.</li>
 * </ol>
 * At most {@value FieldCollector#MAX_VALUES} values are kept; the rest are ignored.
 */
public final class FieldExtractor {
    private static final System.Logger LOG = System.getLogger(FieldExtractor.class.getName());

    private final int maxBodyBytes;

    public FieldExtractor(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    public Extraction extract(CapturedRequest request) {
        try {
            return Extraction.of(collect(request));
        } catch (ExtractionFailure failure) {
            return Extraction.skipped(failure.reason());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug of ours. Only the type is logged: a message could quote the input.
            LOG.log(System.Logger.Level.DEBUG, "field extraction failed: {0}", e.getClass().getName());
            return Extraction.skipped(SkipReasons.EXTRACTION_FAILED);
        }
    }

    private Map<String, List<String>> collect(CapturedRequest request) {
        FieldCollector out = new FieldCollector();
        byte[] body = request.body();
        int length = body == null ? 0 : Math.max(0, Math.min(request.bodyLength(), body.length));
        Map<String, List<String>> container = request.containerParameters();
        if (length == 0 && container != null && !container.isEmpty()) {
            out.addAll(container);
            return out.toMap();
        }
        if (length > maxBodyBytes) {
            // Behind the servlet layer the body cache already stops at the cap (its bodySkipReason is
            // body-too-large too); this guards callers that build a CapturedRequest themselves.
            throw new ExtractionFailure(SkipReasons.BODY_TOO_LARGE);
        }
        if (!request.bodyComplete()) {
            throw new ExtractionFailure(request.bodySkipReason());
        }
        parseQuery(request.queryString(), out);
        if (length > 0) {
            parseBody(request, body, length, out);
        }
        return out.toMap();
    }

    private static void parseQuery(String query, FieldCollector out) {
        if (query == null || query.isEmpty()) {
            return;
        }
        byte[] bytes = (query.charAt(0) == '?' ? query.substring(1) : query).getBytes(StandardCharsets.UTF_8);
        UrlEncodedParser.parse(bytes, 0, bytes.length, StandardCharsets.UTF_8, out);
    }

    /**
     * Whether a body of this content type is parsed at all: urlencoded, {@code multipart/form-data},
     * JSON. The servlet layer reads no remainder of any other type: it would be skipped anyway.
     */
    public static boolean parsesBodyOf(String contentType) {
        return ContentType.isParsed(contentType);
    }

    private static void parseBody(CapturedRequest request, byte[] body, int length, FieldCollector out) {
        HeaderValue type = HeaderValue.parse(request.contentType());
        String mediaType = type.value();
        if (!ContentType.isParsedMediaType(mediaType)) {
            throw new ExtractionFailure(SkipReasons.UNSUPPORTED_CONTENT_TYPE);
        }
        boolean urlEncoded = ContentType.isUrlEncodedMediaType(mediaType);
        boolean multipart = ContentType.isMultipartFormMediaType(mediaType);
        String declared = request.characterEncoding();
        Charset charset = CharsetResolver.resolve(
                declared == null || declared.isBlank() ? type.parameter("charset") : declared,
                StandardCharsets.UTF_8);
        if (urlEncoded) {
            UrlEncodedParser.parse(body, 0, length, charset, out);
        } else if (multipart) {
            MultipartParser.parse(body, length, type.parameter("boundary"), charset, out);
        } else {
            JsonFieldParser.parse(StrictDecoder.decode(body, 0, length, charset), out);
        }
    }
}
