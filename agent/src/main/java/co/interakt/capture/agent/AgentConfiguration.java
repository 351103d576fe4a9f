package co.interakt.capture.agent;

import co.interakt.capture.config.AgentArguments;
import co.interakt.capture.config.CaptureConfig;
import co.interakt.capture.config.ConfigLoader;
import java.lang.System.Logger.Level;

/**
 * Reads the agent's configuration, before anything else is set up: a configuration error or a
 * switched-off capture is logged here and nothing gets installed. Never touches the bootstrap
 * dispatcher (see {@link InteraktAgent}).
 */
final class AgentConfiguration {
    private static final System.Logger LOG = System.getLogger(AgentConfiguration.class.getName());

    private AgentConfiguration() {
    }

    /** The configuration to run with, or {@code null} (logged) when capture must stay off. */
    static CaptureConfig load(String arguments) {
        CaptureConfig config;
        try {
            config = ConfigLoader.load(AgentArguments.parse(arguments));
        } catch (RuntimeException e) {
            // ConfigException's message names the key, where it came from and the fix; never a secret.
            disabled("invalid configuration: " + e.getMessage(), null);
            return null;
        }
        if (!config.enabled() || config.rules().isEmpty()) {
            LOG.log(Level.INFO, "Interakt capture agent {0}: {1}, nothing will be captured", StartupSummary.version(),
                    config.enabled() ? "no capture rule configured" : "disabled (interakt.enabled=false)");
            return null;
        }
        return config;
    }

    /** Logs, at ERROR (SEVERE in java.util.logging), why capture is off; the application runs on. */
    static void disabled(String why, Throwable cause) {
        String message = "Interakt capture agent " + StartupSummary.version() + ": " + why
                + "; capture is disabled, the application runs without it";
        if (cause == null) {
            LOG.log(Level.ERROR, message);
        } else {
            LOG.log(Level.ERROR, message, cause);
        }
    }
}
