package co.interakt.capture.it;

/** Spring Boot 3.5.7 with {@code spring-boot-starter-jetty} (Tomcat excluded from the web starter). */
class SpringBootJettyIT extends SpringBootScenario {
    @Override
    protected String app() {
        return "spring-jetty";
    }
}
