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
 *
 * <p>By default {@code premain} returns once the instrumentation is installed, so the very first
 * request is captured (the choice APM agents default to as well). With
 * {@code interakt.agent.start-async=true} the configuration is still read and checked first, so a
 * broken one still fails at once, but the engine and the instrumentation are set up on a daemon
 * thread while the application starts; retransformation then advises the servlet classes the
 * application loaded meanwhile, and requests answered before the agent logs {@code ready} are not
 * captured.
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
            BootstrapJar.appendTo(instrumentation);
            // Attached to a running app, whoever attaches expects capture on when this returns: only
            // premain may hand the work to a thread (interakt.agent.start-async).
            if (premain && config.agentStartAsync()) {
                AgentStartup.inTheBackground(config, instrumentation, began);
            } else {
                AgentStartup.start(config, instrumentation, premain ? "premain" : "attached", !premain, began);
            }
        } catch (Throwable t) {
            AgentConfiguration.disabled("could not start: " + t, t);
        }
    }
}
