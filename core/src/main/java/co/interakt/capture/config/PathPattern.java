package co.interakt.capture.config;

/**
 * A path pattern of a capture rule, matched against the request path within the web application
 * (context path removed). Forms: exact {@code /signup}; {@code *} matches one segment
 * ({@code /users/*}{@code /register}); {@code **} matches any number of segments ({@code /api/**}).
 * A trailing slash on the request path is ignored. Matching is allocation-free: it runs on every
 * request thread.
 */
public final class PathPattern {
    // TODO(config helper): implement compile/matches/toString.
    private final String pattern;

    private PathPattern(String pattern) {
        this.pattern = pattern;
    }

    /** Compiles a pattern; throws {@link ConfigException} naming {@code key} if malformed. */
    public static PathPattern compile(String key, String pattern) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public boolean matches(String path) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public String toString() {
        return pattern;
    }
}
