package co.interakt.capture.config;

import java.util.BitSet;

/**
 * Which response statuses count as a successful signup: {@code auto} (the default), or explicit
 * codes, ranges and classes such as {@code 2xx,3xx} or {@code 200,201,302-303}.
 *
 * <p>{@code auto} gets both common patterns right. Server-rendered apps answer a rejected form with
 * 200 (the form again, with its errors) and an accepted one with a redirect (Post/Redirect/Get), so
 * a form post (urlencoded or multipart) counts on 201 or any 3xx. JSON APIs answer 2xx on success
 * and 4xx on failure, so any other post counts on any 2xx.
 */
public final class StatusRanges {
    /** The spec that selects {@link #AUTO}. */
    public static final String AUTO_SPEC = "auto";

    private final BitSet statuses; // null for auto
    private final String spec;

    private StatusRanges(BitSet statuses, String spec) {
        this.statuses = statuses;
        this.spec = spec;
    }

    /** Decided by the request's content type, see the class comment. */
    public static final StatusRanges AUTO = new StatusRanges(null, AUTO_SPEC);
    public static final StatusRanges DEFAULT = AUTO;

    /** Parses a spec; throws {@link ConfigException} naming {@code key} when malformed. */
    public static StatusRanges parse(String key, String spec) {
        BitSet set = new BitSet(600);
        String fix = "use auto, or a comma-separated list of codes, ranges or classes, e.g. 2xx,3xx or 200-299";
        if (spec == null || spec.isBlank()) {
            throw new ConfigException(key, "empty status list", fix);
        }
        if (spec.trim().equalsIgnoreCase(AUTO_SPEC)) {
            return AUTO;
        }
        for (String raw : spec.split(",")) {
            String part = raw.trim().toLowerCase(java.util.Locale.ROOT);
            try {
                if (part.matches("[1-5]xx")) {
                    int base = (part.charAt(0) - '0') * 100;
                    set.set(base, base + 100);
                } else if (part.matches("\\d{3}-\\d{3}")) {
                    int from = Integer.parseInt(part.substring(0, 3));
                    int to = Integer.parseInt(part.substring(4));
                    if (from < 100 || to > 599 || from > to) {
                        throw new NumberFormatException();
                    }
                    set.set(from, to + 1);
                } else if (part.matches("\\d{3}")) {
                    int code = Integer.parseInt(part);
                    if (code < 100 || code > 599) {
                        throw new NumberFormatException();
                    }
                    set.set(code);
                } else {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new ConfigException(key, "malformed status '" + raw.trim() + "'", fix);
            }
        }
        return new StatusRanges(set, spec.trim());
    }

    /**
     * Whether {@code status} is a success for a request with this {@code Content-Type} header
     * ({@code null} when it had none). Allocation-free.
     */
    public boolean accepts(int status, String contentType) {
        if (statuses != null) {
            return status >= 0 && status < 600 && statuses.get(status);
        }
        if (isForm(contentType)) {
            return status == 201 || (status >= 300 && status < 400);
        }
        return status >= 200 && status < 300;
    }

    /** As {@link #accepts} for a request that is not a form post (with {@code auto}: any 2xx). */
    public boolean contains(int status) {
        return accepts(status, null);
    }

    public boolean auto() {
        return statuses == null;
    }

    /** What counts as a success for such a request, in words, for log lines. */
    public String describe(String contentType) {
        if (statuses != null) {
            return spec;
        }
        return isForm(contentType) ? "auto: a form post counts on 201 or 3xx" : "auto: a JSON or other post counts on 2xx";
    }

    /** {@code application/x-www-form-urlencoded} or {@code multipart/form-data}, parameters ignored. */
    public static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        int start = 0;
        while (start < contentType.length() && contentType.charAt(start) == ' ') {
            start++;
        }
        return startsWithIgnoreCase(contentType, start, "application/x-www-form-urlencoded")
                || startsWithIgnoreCase(contentType, start, "multipart/form-data");
    }

    private static boolean startsWithIgnoreCase(String s, int from, String prefix) {
        return s.regionMatches(true, from, prefix, 0, prefix.length());
    }

    @Override
    public String toString() {
        return spec;
    }
}
