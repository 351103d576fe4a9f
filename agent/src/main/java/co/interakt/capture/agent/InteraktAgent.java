package co.interakt.capture.agent;

import co.interakt.capture.config.CaptureConfig;
import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points: {@code -javaagent:interakt-capture-agent.jar[=key=value,...]} at JVM
 * start ({@link #premain}) or attached to a running JVM ({@link #agentmain}). Neither ever throws:
 * whatever goes wrong is logged and the application runs on without capture.
 *
 * <p>The configuration comes first, so a switched-off or broken capture installs nothing. The
 * dispatcher the woven code calls is the agent jar's own, which the system class loader defines:
 * nothing goes onto the bootstrap class path unless a class loader that does not see the agent jar
 * turns up ({@link BootstrapFallback}), so the JVM's class-data-sharing archive stays in use for
 * the application's classes.
 *
 * <p>{@code premain} returns once the instrumentation is installed, so the very first request is
 * captured. Installing is cheap (a JDK class file transformer; see {@link ServletTransformer}):
 * the work is done as the application loads its filters and servlets, a few of its classes.
 */
public final class InteraktAgent {
    private InteraktAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, false);
    }

    private static void start(String arguments, Instrumentation instrumentation, boolean premain) {
        long began = System.nanoTime();
        try {
            CaptureConfig config = AgentConfiguration.load(arguments);
            if (config == null) {
                return;
            }
            AgentStartup.start(config, instrumentation, premain ? "premain" : "attached", !premain, began);
        } catch (Throwable t) {
            AgentConfiguration.disabled("could not start: " + t, t);
        }
    }
}
