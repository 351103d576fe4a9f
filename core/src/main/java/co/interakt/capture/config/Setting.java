package co.interakt.capture.config;

/**
 * One resolved value and where it came from.
 *
 * @param key    the concrete key, e.g. {@code interakt.rule.signup.paths}
 * @param value  trimmed text, or {@code null} when no source sets it and it has no default
 * @param source the layer that set it
 * @param origin words for messages, e.g. {@code environment variable INTERAKT_BASE_URL}
 * @param secret the value must never appear in a message
 */
record Setting(String key, String value, Source source, String origin, boolean secret) {

    boolean isSet() {
        return value != null;
    }

    boolean isDefault() {
        return source == Source.DEFAULT;
    }

    /** The value quoted for a message, with where it was set; a secret is never shown. */
    String shown() {
        String quoted = secret ? "(hidden value)" : "'" + value + "'";
        return isDefault() ? quoted : quoted + " from " + origin;
    }

    /** Shorthand for a message about this setting. */
    ConfigException error(String problem, String fix) {
        return new ConfigException(key, problem, fix);
    }
}
