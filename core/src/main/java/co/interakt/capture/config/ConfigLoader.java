package co.interakt.capture.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Builds a {@link CaptureConfig} from, in increasing precedence: built-in defaults &lt; a properties
 * file &lt; {@code INTERAKT_*} environment variables &lt; {@code interakt.*} system properties &lt;
 * explicit overrides (agent arguments, filter init-params). Every source uses the same keys; the
 * environment name of {@code interakt.rule.signup.paths} is {@code INTERAKT_RULE_SIGNUP_PATHS}.
 *
 * <p>Sources are injectable so tests never touch the real environment.
 */
public final class ConfigLoader {
    // TODO(config helper): implement.

    /** Loads from the real environment and system properties plus the given overrides. */
    public static CaptureConfig load(Map<String, String> overrides) {
        return new ConfigLoader()
                .environment(System.getenv())
                .systemProperties(System.getProperties())
                .overrides(overrides)
                .load();
    }

    public ConfigLoader environment(Map<String, String> env) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public ConfigLoader systemProperties(Properties props) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** A properties file; when not called, {@code interakt.config-file} from any source names one. */
    public ConfigLoader file(Path path) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public ConfigLoader overrides(Map<String, String> overrides) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Merges, validates and returns; throws {@link ConfigException} naming the key and the fix. */
    public CaptureConfig load() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
