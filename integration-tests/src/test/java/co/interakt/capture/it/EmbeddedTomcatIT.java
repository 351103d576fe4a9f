package co.interakt.capture.it;

import java.util.List;

/** Embedded Tomcat 11: the plain servlets (Jackson, Gson, getParameter) and Jersey 3 under {@code /jersey}. */
class EmbeddedTomcatIT extends EmbeddedScenario {
    @Override
    protected String app() {
        return "tomcat";
    }

    @Override
    protected String mainClass() {
        return "co.interakt.capture.it.tomcat.TomcatSignupApp";
    }

    @Override
    protected List<Shape> shapes() {
        return Shapes.concat(Shapes.servlets(), Shapes.jersey());
    }
}
