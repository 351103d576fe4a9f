package co.interakt.capture.engine;

import static co.interakt.capture.config.ConfigKeys.MAX_BODY_BYTES;
import static co.interakt.capture.config.ConfigKeys.QUEUE_CAPACITY;
import static co.interakt.capture.config.ConfigKeys.RULE_EMAIL_FIELDS;
import static co.interakt.capture.config.ConfigKeys.RULE_METHODS;
import static co.interakt.capture.config.ConfigKeys.RULE_PATHS;
import static co.interakt.capture.config.ConfigKeys.RULE_SUCCESS_STATUS;

import co.interakt.capture.extract.SkipReasons;
import co.interakt.capture.payload.PayloadMapper;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one vocabulary of skip reasons: every reason the extractor, the mapper, the engine and the
 * servlet layer can give, with its meaning and fix. The skip warnings, the trace and the
 * troubleshooting guide (docs/troubleshooting.md) all read from here.
 */
public final class SkipReasonCatalog {
    private static final Map<String, SkipReason> BY_CODE = new LinkedHashMap<>();

    static {
        // Mapping: the rule's field names do not fit the request.
        add(PayloadMapper.MISSING_EMAIL, "no email field",
                "set " + RULE_EMAIL_FIELDS.name() + " to the field holding the email (nested names as a.b or a[b])", true);
        add(PayloadMapper.INVALID_EMAIL, "the email field does not hold an email address",
                "check that " + RULE_EMAIL_FIELDS.name() + " names the email field and not another one", true);
        // The application's answer.
        add(CaptureMetrics.STATUS_NOT_SUCCESS, "the application's answer is not a success for this rule (usually the app rejected the input)",
                "if these are real signups, set " + RULE_SUCCESS_STATUS.name()
                        + " (default auto: a form post counts on 201 or 3xx, a JSON or other post on 2xx)", false);
        // The body as it reached the capture.
        add(SkipReasons.BODY_TOO_LARGE, "the body is larger than " + MAX_BODY_BYTES.name(),
                "raise " + MAX_BODY_BYTES.name() + " (or keep uploads out of the signup request)", true);
        add(SkipReasons.CLIENT_ABORTED, "the client went away before sending the whole body",
                "nothing to change: the visitor left during the request", false);
        add(SkipReasons.BODY_NOT_READ, "the application did not read the whole body and the rest had not arrived (the capture never waits for a slow client)",
                "have the signup handler read the form or the body before it answers", true);
        add(SkipReasons.BODY_UNREADABLE, "the server refused to give the rest of the body (an I/O error)",
                "report it with the server's name and version; the application is not affected", true);
        add(SkipReasons.MULTIPART_UNAVAILABLE, "the form's text parts were gone before the capture could read them (the framework deleted them)",
                "report it with the framework's name and version; a urlencoded form avoids it", true);
        add(SkipReasons.UNSUPPORTED_CONTENT_TYPE, "the body is neither a form (urlencoded or multipart) nor JSON",
                "limit " + RULE_PATHS.name() + " and " + RULE_METHODS.name() + " to the signup endpoint, or post the signup as a form or JSON", true);
        add(SkipReasons.UNSUPPORTED_CHARSET, "the request's charset is not known to this JVM",
                "have the client send UTF-8 (or install the charset's support in the JVM)", true);
        add(SkipReasons.INVALID_ENCODING, "the body has bytes that are not valid in its charset",
                "have the client declare the charset it really sends, e.g. ;charset=UTF-8", true);
        add(SkipReasons.BAD_PERCENT_ENCODING, "the form body has a % not followed by two hex digits",
                "have the client encode the form as application/x-www-form-urlencoded requires", true);
        add(SkipReasons.MALFORMED_JSON, "the body is not one well-formed JSON object",
                "have the client send one JSON object as the body", true);
        add(SkipReasons.JSON_TOO_DEEP, "the JSON is nested too deeply",
                "send the signup fields less deeply nested", true);
        add(SkipReasons.MALFORMED_MULTIPART, "the multipart body is broken (no boundary, no closing delimiter, or bad part headers)",
                "check how the client encodes multipart/form-data", true);
        add(SkipReasons.EXTRACTION_FAILED, "reading the fields failed (a bug of the capture)",
                "report it; the application is not affected", true);
        // Delivery.
        add(CaptureMetrics.SINK_REJECTED, "the send queue is full (Interakt slow or unreachable) or the capture is stopping",
                "check that Interakt is reachable (Sender MXBean LastError), or raise " + QUEUE_CAPACITY.name(), true);
    }

    private SkipReasonCatalog() {
    }

    private static void add(String code, String words, String fix, boolean actionable) {
        BY_CODE.put(code, new SkipReason(code, words, fix, actionable));
    }

    /** The entry for a code; an unknown code (a bug of ours) gets a generic, actionable entry. */
    public static SkipReason of(String code) {
        SkipReason reason = BY_CODE.get(code);
        return reason != null ? reason : new SkipReason(String.valueOf(code), "skipped (" + code + ")",
                "see docs/troubleshooting.md", true);
    }

    /** Whether {@code code} has an entry of its own. */
    public static boolean knows(String code) {
        return BY_CODE.containsKey(code);
    }

    /** Every entry, in the guide's order. */
    public static Collection<SkipReason> all() {
        return Collections.unmodifiableCollection(BY_CODE.values());
    }
}
