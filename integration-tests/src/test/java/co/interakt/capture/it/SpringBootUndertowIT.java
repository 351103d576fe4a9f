package co.interakt.capture.it;

/** Spring Boot 3.5.7 with {@code spring-boot-starter-undertow} (Tomcat excluded from the web starter). */
class SpringBootUndertowIT extends SpringBootScenario {
    @Override
    protected String app() {
        return "spring-undertow";
    }
}
