package co.interakt.capture.spring;

import co.interakt.capture.config.ConfigException;
import co.interakt.capture.config.ConfigKey;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an invalid {@code interakt.*} value into Boot's "APPLICATION FAILED TO START" report. The
 * exception's message already names the key, the value (never a secret), where it was set and the fix.
 */
public final class ConfigFailureAnalyzer extends AbstractFailureAnalyzer<ConfigException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigException cause) {
        String key = cause.key();
        String origin = null;
        for (Throwable t = rootFailure; t != null && t != cause; t = t.getCause()) {
            if (t instanceof InvalidSettingException wrapper) {
                origin = wrapper.springOrigin();
            }
        }
        String description = "Interakt capture configuration is invalid: " + cause.getMessage()
                + (origin == null || cause.getMessage().contains(origin) ? "" : "\n    set at: " + origin);
        String action = "Correct " + key + " where it is set (application.properties or .yml, a profile, "
                + "the environment variable " + ConfigKey.envName(key) + ", -D" + key
                + " or the interakt.config-file), as the message says, or set interakt.enabled=false to start without capture.";
        return new FailureAnalysis(description, action, cause);
    }
}
