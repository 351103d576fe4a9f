package co.interakt.capture.agent.it;

import java.util.List;

/** examples/embedded-tomcat: Tomcat 11 embedded on a flat class path. */
class EmbeddedTomcatAgentIT extends AgentScenario {
    @Override
    protected RunningApp launch(String name, List<String> jvmOptions) {
        return RunningApp.javaJar(getClass(), name, AgentSetup.existing("example.tomcat.jar"), "port", jvmOptions);
    }
}
