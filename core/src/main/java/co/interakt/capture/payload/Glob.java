package co.interakt.capture.payload;

/**
 * A field-name pattern from configuration where {@code *} matches any run of characters, e.g.
 * {@code *birth*}. Compared against {@link FieldNames#matchKey} forms. Matching is a linear scan
 * with one back-track point, not a regular expression, so no pattern can make it explode.
 */
final class Glob {
    private final String pattern;

    private Glob(String pattern) {
        this.pattern = pattern;
    }

    static Glob of(String pattern) {
        // The pattern is normalised like a field name, so "user[pin]" also matches "user.pin".
        return new Glob(FieldNames.matchKey(pattern));
    }

    boolean matches(String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
