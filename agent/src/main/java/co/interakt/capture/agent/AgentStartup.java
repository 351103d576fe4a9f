package co.interakt.capture.agent;

import co.interakt.capture.agent.bootstrap.Dispatcher;
import co.interakt.capture.config.CaptureConfig;
import co.interakt.capture.engine.CaptureEngine;
import java.lang.System.Logger.Level;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the engine, plugs it into the dispatcher and installs the instrumentation. Nothing
 * propagates into the JVM's start-up; whatever fails, what was started is closed again.
 */
final class AgentStartup {
    private static final System.Logger LOG = System.getLogger(AgentStartup.class.getName());
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /**
     * Set once capture runs, so in-process integrations (the Spring Boot starter) step aside and a
     * request is captured once. Not an {@code interakt.*} key (the configuration would flag it),
     * and not under our package name, which the shading relocates in string constants.
     */
    static final String RUNNING_PROPERTY = "interakt-capture.agent";

    private AgentStartup() {
    }

    /**
     * @param mode             how the agent was started, for the log line
     * @param loadedClassesToo whether the application may already have loaded servlet classes (see
     *                         {@link ServletInstrumentation#install})
     */
    static void start(CaptureConfig config, Instrumentation instrumentation, String mode, boolean loadedClassesToo, long beganNanos) {
        // Only a running capture blocks another start: after a configuration error, attaching
        // again with corrected arguments works.
        if (!STARTED.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "Interakt capture agent is already running in this JVM; ignoring the second start");
            return;
        }
        CaptureEngine engine = null;
        try {
            engine = CaptureEngine.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "interakt-capture-agent-shutdown"));
            List<ServletNamespace> namespaces = ServletNamespace.ALL;
            CaptureDispatch dispatch = new CaptureDispatch(new ServletHooks(namespaces, engine, AgentStartup.class.getClassLoader()));
            Dispatcher.install(dispatch);
            BootstrapFallback.prepare(instrumentation, dispatch);
            ServletTransformer transformer = ServletInstrumentation.install(instrumentation, namespaces, loadedClassesToo);
            dispatch.reportAtFirstRequest(transformer.stats());
            System.setProperty(RUNNING_PROPERTY, mode);
            long millis = (System.nanoTime() - beganNanos) / 1_000_000;
            LOG.log(Level.INFO, StartupSummary.describe(StartupSummary.version(), mode, config) + "; ready in " + millis + " ms");
        } catch (Throwable t) {
            Dispatcher.install(null);
            if (engine != null) {
                engine.close(); // its sender's threads would otherwise idle for the JVM's lifetime
            }
            AgentConfiguration.disabled("could not start: " + t, t);
        }
    }
}
