package co.interakt.capture.it;

import java.util.List;
import java.util.Map;

/** The Tomcat 11 distribution with the servlets' WAR and the agent in CATALINA_OPTS. */
class TomcatDistributionAgentIT extends SignupScenario {
    @Override
    protected RunningApp launch(String name, List<String> jvmOptions, Map<String, String> environment) throws Exception {
        return Distributions.tomcat(getClass(), name, ItSetup.existing("app.war"), jvmOptions, environment);
    }

    @Override
    protected List<Shape> shapes() {
        return Shapes.servlets();
    }
}
