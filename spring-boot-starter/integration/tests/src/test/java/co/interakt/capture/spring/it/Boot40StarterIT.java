package co.interakt.capture.spring.it;

/** The same app on Spring Boot 4.0 (embedded Tomcat 11, the health API in its new package). */
class Boot40StarterIT extends StarterScenario {
    @Override
    protected String jarProperty() {
        return "boot4.jar";
    }

    @Override
    protected String name() {
        return "boot40";
    }
}
