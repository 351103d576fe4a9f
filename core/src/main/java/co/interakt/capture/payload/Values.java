package co.interakt.capture.payload;

import java.util.List;

/** Small value rules shared by the mapper: trimming, blank means absent, length caps. */
final class Values {
    private Values() {
    }

    /** Cuts {@code s} to at most {@code max} characters without splitting a surrogate pair. */
    static String cap(String s, int max) {
        if (s.length() <= max || max <= 0) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    /** The first value that is not blank, trimmed; {@code null} when there is none. */
    static String firstNonBlank(List<String> values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    /** All non-blank values, trimmed, joined with {@code ", "}; {@code null} when there is none. */
    static String joinNonBlank(List<String> values) {
        if (values.size() == 1) {
            // The usual case: nothing to join, so no copy of a possibly long value.
            return firstNonBlank(values);
        }
        StringBuilder out = null;
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                if (out == null) {
                    out = new StringBuilder();
                } else {
                    out.append(", ");
                }
                out.append(v.trim());
            }
        }
        return out == null ? null : out.toString();
    }
}
