package co.interakt.capture.config;

/**
 * A path pattern of a capture rule, matched against the request path within the web application
 * (context path removed). Forms: exact {@code /signup}; {@code *} matches one segment
 * ({@code /users/*}{@code /register}); {@code **} matches any number of segments ({@code /api/**}).
 * A trailing slash on the request path is ignored. Matching is allocation-free: it runs on every
 * request thread.
 *
 * <p>Segments are compared case-sensitively, as servlet containers map paths. A wildcard is always a
 * whole segment: {@code /sign*} is rejected rather than guessed at.
 */
public final class PathPattern {
    private static final byte LITERAL = 0;
    private static final byte ONE_SEGMENT = 1;
    private static final byte ANY_SEGMENTS = 2;
    private static final String FIX =
            "write patterns like /signup, /users/*/register or /api/** (start with /, * or ** only as a whole segment)";

    private final String pattern;
    private final String[] segments;
    private final byte[] kinds;

    private PathPattern(String pattern, String[] segments, byte[] kinds) {
        this.pattern = pattern;
        this.segments = segments;
        this.kinds = kinds;
    }

    /** Compiles a pattern; throws {@link ConfigException} naming {@code key} if malformed. */
    public static PathPattern compile(String key, String pattern) {
        String p = pattern == null ? "" : pattern.trim();
        if (p.isEmpty()) {
            throw new ConfigException(key, "empty path pattern", FIX);
        }
        if (p.charAt(0) != '/') {
            throw malformed(key, p, "does not start with /");
        }
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '?' || c == '#' || Character.isWhitespace(c)) {
                throw malformed(key, p, "contains '" + c + "' (patterns match the path only)");
            }
        }
        String body = stripTrailingSlashes(p);
        String[] segments = body.isEmpty() ? new String[0] : body.substring(1).split("/", -1);
        byte[] kinds = new byte[segments.length];
        for (int i = 0; i < segments.length; i++) {
            kinds[i] = kindOf(key, p, segments[i]);
        }
        return new PathPattern(p, segments, kinds);
    }

    private static byte kindOf(String key, String pattern, String segment) {
        if (segment.isEmpty()) {
            throw malformed(key, pattern, "has an empty segment (//)");
        }
        if (segment.equals("*")) {
            return ONE_SEGMENT;
        }
        if (segment.equals("**")) {
            return ANY_SEGMENTS;
        }
        if (segment.indexOf('*') >= 0) {
            throw malformed(key, pattern, "has '*' inside the segment '" + segment + "'");
        }
        return LITERAL;
    }

    private static ConfigException malformed(String key, String pattern, String why) {
        return new ConfigException(key, "malformed path pattern '" + pattern + "': " + why, FIX);
    }

    /**
     * Whether the request path matches. Walks pattern segments and path segments with indices; on a
     * mismatch after {@code **} it lets that {@code **} swallow one more path segment and retries
     * (the classic wildcard backtrack, linear in practice, no allocation).
     */
    public boolean matches(String path) {
        if (path == null || (!path.isEmpty() && path.charAt(0) != '/')) {
            return false;
        }
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        int p = 0;                // next pattern segment
        int s = 1;                // start of the next path segment (just after its '/'); none when s > end
        int starP = -1;           // last ** seen, and the path segment it was tried at
        int starS = -1;
        while (s <= end && end > 0) {
            int segEnd = segmentEnd(path, s, end);
            if (p < kinds.length && kinds[p] == ANY_SEGMENTS) {
                starP = p++;
                starS = s;
            } else if (p < kinds.length && segmentMatches(p, path, s, segEnd)) {
                p++;
                s = segEnd + 1;
            } else if (starP >= 0) {
                p = starP + 1;
                starS = segmentEnd(path, starS, end) + 1;
                s = starS;
            } else {
                return false;
            }
        }
        while (p < kinds.length && kinds[p] == ANY_SEGMENTS) {
            p++;
        }
        return p == kinds.length;
    }

    private boolean segmentMatches(int p, String path, int from, int to) {
        int length = to - from;
        if (kinds[p] == ONE_SEGMENT) {
            return length > 0;
        }
        String literal = segments[p];
        return literal.length() == length && path.regionMatches(from, literal, 0, length);
    }

    private static int segmentEnd(String path, int from, int end) {
        int slash = path.indexOf('/', from);
        return slash < 0 || slash > end ? end : slash;
    }

    private static String stripTrailingSlashes(String p) {
        int end = p.length();
        while (end > 0 && p.charAt(end - 1) == '/') {
            end--;
        }
        return p.substring(0, end);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
