package co.interakt.capture.extract;

import java.util.List;
import java.util.Map;

/**
 * The fields pulled out of one request, or why nothing was.
 *
 * @param fields        field name (dotted for nested JSON, e.g. {@code user.email}) to its values,
 *                      in the order they appeared; empty when nothing was captured
 * @param skippedReason {@code null} on success, else one of the short metric-friendly
 *                      {@link SkipReasons}, e.g. {@code body-too-large}, {@code malformed-json},
 *                      {@code invalid-encoding}, {@code bad-percent-encoding}, {@code unsupported-content-type}
 */
public record Extraction(Map<String, List<String>> fields, String skippedReason) {

    public static Extraction of(Map<String, List<String>> fields) {
        return new Extraction(fields, null);
    }

    public static Extraction skipped(String reason) {
        return new Extraction(Map.of(), reason);
    }

    public boolean captured() {
        return skippedReason == null;
    }
}
