package co.interakt.capture.agent;

import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points: {@code -javaagent:interakt-capture-agent.jar[=key=value,...]} at JVM
 * start ({@link #premain}) or attached to a running JVM ({@link #agentmain}). Neither ever throws:
 * whatever goes wrong is logged and the application runs on without capture.
 *
 * <p>This class must not touch the bootstrap dispatcher: it first puts that class on the bootstrap
 * class path, and only then lets {@link AgentStartup} (which uses it) load.
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
        try {
            BootstrapJar.appendTo(instrumentation);
        } catch (Throwable t) {
            AgentStartup.disabled("cannot prepare the bootstrap class path: " + t, t);
            return;
        }
        AgentStartup.start(arguments, instrumentation, mode);
    }
}
