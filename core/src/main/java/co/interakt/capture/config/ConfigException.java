package co.interakt.capture.config;

/**
 * Invalid configuration, thrown at start-up. The message always names the offending key and the fix,
 * e.g. {@code interakt.rule.signup.target: unknown target 'member' (fix: use 'members' or 'leads')}.
 * It never contains a secret value.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;

    public ConfigException(String key, String problem, String fix) {
        super(key + ": " + problem + " (fix: " + fix + ")");
        this.key = key;
    }

    /** The configuration key at fault, e.g. {@code interakt.base-url}. */
    public String key() {
        return key;
    }
}
