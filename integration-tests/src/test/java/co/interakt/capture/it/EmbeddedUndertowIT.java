package co.interakt.capture.it;

/** Embedded Undertow 2.3 (its servlet container): the plain servlets. */
class EmbeddedUndertowIT extends EmbeddedScenario {
    @Override
    protected String app() {
        return "undertow";
    }

    @Override
    protected String mainClass() {
        return "co.interakt.capture.it.undertow.UndertowSignupApp";
    }
}
