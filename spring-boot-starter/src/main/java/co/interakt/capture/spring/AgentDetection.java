package co.interakt.capture.spring;

/**
 * Whether the {@code -javaagent} runs capture in this JVM: it sets this system property once its
 * instrumentation is installed (see the agent's {@code AgentStartup}). The agent then captures
 * every servlet request of the JVM, so the starter registers nothing: each signup is captured once.
 * (Were both to run anyway, the request attribute {@code interakt-capture.handled} would still
 * keep the second from capturing it again.)
 */
final class AgentDetection {
    static final String AGENT_RUNNING_PROPERTY = "interakt-capture.agent";

    private AgentDetection() {
    }

    static boolean agentRunning() {
        try {
            return System.getProperty(AGENT_RUNNING_PROPERTY) != null;
        } catch (SecurityException e) {
            return false;
        }
    }
}
