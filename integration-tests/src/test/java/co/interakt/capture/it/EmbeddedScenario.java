package co.interakt.capture.it;

import java.util.List;
import java.util.Map;

/** A launcher of integration-tests/apps with its own class path: {@code java -Dport=N -cp ... Main}. */
abstract class EmbeddedScenario extends SignupScenario {
    /** {@code tomcat}, {@code jetty} or {@code undertow}: the launcher module. */
    protected abstract String app();

    protected abstract String mainClass();

    @Override
    protected RunningApp launch(String name, List<String> jvmOptions, Map<String, String> environment) {
        int port = ItSetup.freePort();
        return RunningApp.java(getClass(), name, ItSetup.concat(jvmOptions, List.of("-Dport=" + port)),
                List.of("-cp", ItSetup.classPath(app()), mainClass()), environment, port, "");
    }

    @Override
    protected List<Shape> shapes() {
        return Shapes.servlets();
    }
}
