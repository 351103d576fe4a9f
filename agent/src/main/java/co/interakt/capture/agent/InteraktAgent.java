package co.interakt.capture.agent;

import co.interakt.capture.config.CaptureConfig;
import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points: {@code -javaagent:interakt-capture-agent.jar[=key=value,...]} at JVM
 * start ({@link #premain}) or attached to a running JVM ({@link #agentmain}). Neither ever throws:
 * whatever goes wrong is logged and the application runs on without capture.
 *
 * <p>Order matters. The configuration comes first, so a switched-off or broken capture installs
 * nothing. Then the dispatcher goes onto the bootstrap class path, and only then may a class that
 * names it ({@link AgentStartup}) be loaded: loaded earlier, the dispatcher would come from the
 * agent jar, a copy the advice in other class loaders never sees.
 */
public final class InteraktAgent {
    private InteraktAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, "premain");
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, "attached");
    }

    private static void start(String arguments, Instrumentation instrumentation, String mode) {
        long began = System.nanoTime();
        try {
            CaptureConfig config = AgentConfiguration.load(arguments);
            if (config == null) {
                return;
            }
            BootstrapJar.appendTo(instrumentation);
            AgentStartup.start(config, instrumentation, mode, began);
        } catch (Throwable t) {
            AgentConfiguration.disabled("could not start: " + t, t);
        }
    }
}
