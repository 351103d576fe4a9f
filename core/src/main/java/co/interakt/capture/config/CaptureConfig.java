package co.interakt.capture.config;

import java.util.List;

/**
 * The whole, validated configuration: immutable, built once at start-up by {@link ConfigLoader}.
 *
 * @param enabled         master switch ({@code interakt.enabled})
 * @param rules           capture rules, tried in order
 * @param maxBodyBytes    bodies larger than this are not parsed ({@code interakt.max-body-bytes})
 * @param maxValueLength  longer values are cut to this many characters ({@code interakt.max-value-length})
 * @param sensitiveFields extra deny-list patterns added to the built-in ones ({@code interakt.sensitive-fields})
 * @param delivery        where and how to send
 * @param trace           log one INFO line per matched request, names only ({@code interakt.trace})
 */
public record CaptureConfig(
        boolean enabled,
        List<CaptureRule> rules,
        int maxBodyBytes,
        int maxValueLength,
        List<String> sensitiveFields,
        DeliverySettings delivery,
        boolean trace) {

    public CaptureConfig {
        rules = List.copyOf(rules);
        sensitiveFields = List.copyOf(sensitiveFields);
    }

    /** Without the trace. */
    public CaptureConfig(boolean enabled, List<CaptureRule> rules, int maxBodyBytes, int maxValueLength,
            List<String> sensitiveFields, DeliverySettings delivery) {
        this(enabled, rules, maxBodyBytes, maxValueLength, sensitiveFields, delivery, false);
    }

    /** The first rule matching this request, or {@code null}: the per-request fast path, allocation-free. */
    public CaptureRule ruleFor(String method, String path) {
        if (!enabled) {
            return null;
        }
        // Indexed, not for-each: no iterator allocated on every request.
        for (int i = 0, n = rules.size(); i < n; i++) {
            CaptureRule rule = rules.get(i);
            if (rule.matches(method, path)) {
                return rule;
            }
        }
        return null;
    }
}
