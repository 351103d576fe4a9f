package co.interakt.capture.config;

import java.util.List;
import java.util.Set;

/**
 * One kind of request to capture, e.g. the signup form, and how to map it.
 *
 * @param name           the rule's name, as in {@code interakt.rule.<name>.*}
 * @param paths          path patterns within the web application
 * @param methods        upper-case HTTP methods, default {@code POST}
 * @param target         members or leads
 * @param aliases        incoming field names for the standard attributes
 * @param customFields   which other fields go into {@code custom_fields}
 * @param exclude        extra field names never forwarded (besides the sensitive deny-list)
 * @param successStatus  response statuses that count as a successful signup
 * @param enrichment     optional request context to add
 */
public record CaptureRule(
        String name,
        List<PathPattern> paths,
        Set<String> methods,
        Target target,
        FieldAliases aliases,
        CustomFieldPolicy customFields,
        Set<String> exclude,
        StatusRanges successStatus,
        Enrichment enrichment) {

    public CaptureRule {
        paths = List.copyOf(paths);
        methods = Set.copyOf(methods);
        exclude = Set.copyOf(exclude);
    }

    /** Cheap check run on every request: method first (a set lookup), then the patterns. */
    public boolean matches(String method, String path) {
        if (!methods.contains(method)) {
            return false;
        }
        for (int i = 0, n = paths.size(); i < n; i++) { // indexed: no iterator per request
            if (paths.get(i).matches(path)) {
                return true;
            }
        }
        return false;
    }
}
