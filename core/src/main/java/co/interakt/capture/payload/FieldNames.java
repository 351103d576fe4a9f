package co.interakt.capture.payload;

import java.util.Locale;

/**
 * The one way field names are compared and written. {@code user[email]}, {@code user.email} and
 * {@code User.Email} are the same field: brackets become dots, empty segments ({@code tags[]},
 * {@code a..b}) disappear, control characters (CR, LF, ...) are removed, and matching ignores case.
 */
public final class FieldNames {
    /** Longest field name written into a payload; longer ones are cut. */
    public static final int MAX_NAME_LENGTH = 128;

    private FieldNames() {
    }

    /** The dotted form, case kept, not length-capped: {@code user[first_name]} is {@code user.first_name}. */
    public static String dotted(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '[' || c == '.') {
                // a separator: only written when something follows it
                if (out.length() > 0 && out.charAt(out.length() - 1) != '.') {
                    out.append('.');
                }
            } else if (c != ']' && !Character.isISOControl(c) && c != '\u2028' && c != '\u2029') {
                out.append(c);
            }
        }
        int end = out.length();
        while (end > 0 && (out.charAt(end - 1) == '.' || Character.isWhitespace(out.charAt(end - 1)))) {
            end--;
        }
        int start = 0;
        while (start < end && Character.isWhitespace(out.charAt(start))) {
            start++;
        }
        return out.substring(start, end);
    }

    /** The form aliases, exclusions and patterns are compared in: dotted and lower case. */
    public static String matchKey(String raw) {
        return dotted(raw).toLowerCase(Locale.ROOT);
    }

    /** The name written into a payload: dotted, case kept, at most {@link #MAX_NAME_LENGTH} characters. */
    public static String payloadKey(String raw) {
        return Values.cap(dotted(raw), MAX_NAME_LENGTH);
    }
}
