package co.interakt.capture.it;

/** Spring Boot 3.5.7 with {@code spring-boot-starter-web}: embedded Tomcat, Boot's default. */
class SpringBootTomcatIT extends SpringBootScenario {
    @Override
    protected String app() {
        return "spring-tomcat";
    }
}
