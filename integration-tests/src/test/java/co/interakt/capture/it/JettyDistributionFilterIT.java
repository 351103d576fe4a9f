package co.interakt.capture.it;

import java.util.List;
import java.util.Map;

/** The Jetty 12 distribution with the WAR that declares the filter in web.xml. */
class JettyDistributionFilterIT extends FilterScenario {
    @Override
    protected RunningApp launch(String name, List<String> jvmOptions, Map<String, String> environment) throws Exception {
        return Distributions.jetty(getClass(), name, ItSetup.existing("app.war-filter"), jvmOptions, environment);
    }
}
