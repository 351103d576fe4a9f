package co.interakt.capture.spring.it;

/** examples/spring-boot-starter: Spring Boot 3.5, embedded Tomcat 10.1. */
class Boot35StarterIT extends StarterScenario {
    @Override
    protected String jarProperty() {
        return "boot3.jar";
    }

    @Override
    protected String name() {
        return "boot35";
    }
}
