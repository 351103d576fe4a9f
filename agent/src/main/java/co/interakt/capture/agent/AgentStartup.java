package co.interakt.capture.agent;

import co.interakt.capture.agent.bootstrap.Dispatcher;
import co.interakt.capture.config.AgentArguments;
import co.interakt.capture.config.CaptureConfig;
import co.interakt.capture.config.ConfigLoader;
import co.interakt.capture.engine.CaptureEngine;
import java.lang.System.Logger.Level;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the configuration, starts the engine, plugs it into the dispatcher and installs the
 * instrumentation. A configuration error is logged naming the key and the fix, and capture stays
 * off; nothing ever propagates into the JVM's start-up.
 */
final class AgentStartup {
    private static final System.Logger LOG = System.getLogger(AgentStartup.class.getName());
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private AgentStartup() {
    }

    static void start(String arguments, Instrumentation instrumentation, String mode) {
        long began = System.nanoTime();
        try {
            CaptureConfig config = configuration(arguments);
            if (config == null) {
                return;
            }
            // Only a running capture blocks another start: after a configuration error, attaching
            // again with corrected arguments works.
            if (!STARTED.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "Interakt capture agent is already running in this JVM; ignoring the second start");
                return;
            }
            ByteBuddyProperties.configure(System.getProperties());
            CaptureEngine engine = CaptureEngine.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "interakt-capture-agent-shutdown"));
            ServletNamespace namespace = ServletNamespace.JAKARTA;
            Dispatcher.install(new CaptureDispatch(new ServletHooks(namespace, engine, AgentStartup.class.getClassLoader())));
            ServletInstrumentation.install(instrumentation, namespace);
            long millis = (System.nanoTime() - began) / 1_000_000;
            LOG.log(Level.INFO, StartupSummary.describe(StartupSummary.version(), mode, config) + "; ready in " + millis + " ms");
        } catch (Throwable t) {
            Dispatcher.install(null);
            disabled("could not start: " + t, t);
        }
    }

    /** The configuration to run with, or {@code null} (logged) when capture must stay off. */
    static CaptureConfig configuration(String arguments) {
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
