package co.interakt.capture.agent.it;

import java.util.List;
import java.util.Map;

/** examples/embedded-tomcat: Tomcat 11 embedded on a flat class path. */
class EmbeddedTomcatAgentIT extends AgentScenario {
    @Override
    protected RunningApp launch(String name, List<String> jvmOptions, Map<String, String> environment) {
        return RunningApp.javaJar(getClass(), name, AgentSetup.existing("example.tomcat.jar"), "port", jvmOptions, environment);
    }
}
