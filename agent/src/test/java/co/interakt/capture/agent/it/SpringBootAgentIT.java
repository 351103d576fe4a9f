package co.interakt.capture.agent.it;

import java.util.List;
import java.util.Map;

/**
 * examples/spring-boot: a Spring Boot 3 executable jar. Tomcat and the servlet API are nested jars
 * loaded by Boot's own class loader, and the first advised call of a request is one of Spring's
 * filters, not a servlet.
 */
class SpringBootAgentIT extends AgentScenario {
    @Override
    protected RunningApp launch(String name, List<String> jvmOptions, Map<String, String> environment) {
        return RunningApp.javaJar(getClass(), name, AgentSetup.existing("example.spring-boot.jar"), "server.port", jvmOptions, environment);
    }
}
