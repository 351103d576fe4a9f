package co.interakt.capture.filter;

import co.interakt.capture.config.ConfigKeys;
import jakarta.servlet.ServletContext;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code interakt.filter.auto-register} switch (default {@code true}), read before any filter
 * exists, so not through the filter's configuration: the web application's context parameter
 * wins, then the system property, then {@code INTERAKT_FILTER_AUTO_REGISTER}. The key is in
 * {@link ConfigKeys}, so the filter's and the agent's configuration accept it wherever it is set.
 */
final class AutoRegistration {
    static final String KEY = ConfigKeys.FILTER_AUTO_REGISTER.name();
    static final String ENV = ConfigKeys.FILTER_AUTO_REGISTER.envName();

    private static final System.Logger LOG = System.getLogger(AutoRegistration.class.getName());

    private AutoRegistration() {
    }

    static boolean enabled(ServletContext context) {
        return enabled(context.getInitParameter(KEY), System.getProperties(), System.getenv());
    }

    static boolean enabled(String contextParameter, Properties systemProperties, Map<String, String> environment) {
        String value = contextParameter != null ? contextParameter : systemProperties.getProperty(KEY, environment.get(ENV));
        if (value == null || value.isBlank()) {
            return true;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                // Unclear intent: the cautious reading of a misspelt opt-out is "opt out".
                LOG.log(Level.WARNING, KEY + ": expected true or false, got ''{0}'' (fix: set it to true or false); not auto-registering", value);
                return false;
        }
    }
}
