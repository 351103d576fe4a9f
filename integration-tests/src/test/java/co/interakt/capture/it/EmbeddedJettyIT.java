package co.interakt.capture.it;

/** Embedded Jetty 12 (ee10): the plain servlets. */
class EmbeddedJettyIT extends EmbeddedScenario {
    @Override
    protected String app() {
        return "jetty";
    }

    @Override
    protected String mainClass() {
        return "co.interakt.capture.it.jetty.JettySignupApp";
    }
}
