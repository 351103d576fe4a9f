package co.interakt.capture.it;

import java.util.List;
import java.util.Map;

/** The Tomcat 11 distribution with the WAR that declares the filter in web.xml. */
class TomcatDistributionFilterIT extends FilterScenario {
    @Override
    protected RunningApp launch(String name, List<String> jvmOptions, Map<String, String> environment) throws Exception {
        return Distributions.tomcat(getClass(), name, ItSetup.existing("app.war-filter"), jvmOptions, environment);
    }
}
