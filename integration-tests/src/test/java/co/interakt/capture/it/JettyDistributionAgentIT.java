package co.interakt.capture.it;

import java.util.List;
import java.util.Map;

/** The Jetty 12 distribution (jetty-home, ee10-deploy) with the servlets' WAR and the agent on start.jar's command line. */
class JettyDistributionAgentIT extends SignupScenario {
    @Override
    protected RunningApp launch(String name, List<String> jvmOptions, Map<String, String> environment) throws Exception {
        return Distributions.jetty(getClass(), name, ItSetup.existing("app.war"), jvmOptions, environment);
    }

    @Override
    protected List<Shape> shapes() {
        return Shapes.servlets();
    }
}
