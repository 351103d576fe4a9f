package co.interakt.capture.agent.it;

import java.util.List;
import java.util.Map;

/** examples/embedded-tomcat9: the embedded-Tomcat app's javax twin, Tomcat 9 on a flat class path. */
class EmbeddedTomcat9AgentIT extends AgentScenario {
    @Override
    protected RunningApp launch(String name, List<String> jvmOptions, Map<String, String> environment) {
        return RunningApp.javaJar(getClass(), name, AgentSetup.existing("example.tomcat9.jar"), "port", jvmOptions, environment);
    }
}
