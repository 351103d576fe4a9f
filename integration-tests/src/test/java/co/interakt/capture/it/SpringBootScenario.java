package co.interakt.capture.it;

import java.util.List;
import java.util.Map;

/** The Spring MVC app as Boot's executable jar ({@code java -jar}), on the server its starter brings. */
abstract class SpringBootScenario extends SignupScenario {
    /** {@code app.<name>.jar}: the jar's system property. */
    protected abstract String app();

    @Override
    protected RunningApp launch(String name, List<String> jvmOptions, Map<String, String> environment) {
        int port = ItSetup.freePort();
        return RunningApp.java(getClass(), name, ItSetup.concat(jvmOptions, List.of("-Dserver.port=" + port)),
                List.of("-jar", ItSetup.existing("app." + app() + ".jar").toString()), environment, port, "");
    }

    @Override
    protected List<Shape> shapes() {
        return Shapes.spring();
    }
}
