package co.interakt.capture.config;

import java.util.BitSet;

/**
 * Which response statuses count as a successful signup, parsed from e.g. {@code 2xx,3xx} or
 * {@code 200,201,302-303}.
 */
public final class StatusRanges {
    private final BitSet statuses;
    private final String spec;

    private StatusRanges(BitSet statuses, String spec) {
        this.statuses = statuses;
        this.spec = spec;
    }

    public static final StatusRanges DEFAULT = parse("interakt.success-status", "2xx,3xx");

    /** Parses a spec; throws {@link ConfigException} naming {@code key} when malformed. */
    public static StatusRanges parse(String key, String spec) {
        BitSet set = new BitSet(600);
        String fix = "use a comma-separated list of codes, ranges or classes, e.g. 2xx,3xx or 200-299";
        if (spec == null || spec.isBlank()) {
            throw new ConfigException(key, "empty status list", fix);
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

    public boolean contains(int status) {
        return status >= 0 && status < 600 && statuses.get(status);
    }

    @Override
    public String toString() {
        return spec;
    }
}
