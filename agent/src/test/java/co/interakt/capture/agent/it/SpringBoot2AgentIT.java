package co.interakt.capture.agent.it;

import java.util.List;
import java.util.Map;

/**
 * examples/spring-boot2: the Spring Boot example's app on Spring Boot 2.7, an executable jar whose
 * Tomcat 9 and javax.servlet API are nested jars loaded by Boot's own class loader.
 */
class SpringBoot2AgentIT extends AgentScenario {
    @Override
    protected RunningApp launch(String name, List<String> jvmOptions, Map<String, String> environment) {
        return RunningApp.javaJar(getClass(), name, AgentSetup.existing("example.spring-boot2.jar"), "server.port", jvmOptions, environment);
    }
}
