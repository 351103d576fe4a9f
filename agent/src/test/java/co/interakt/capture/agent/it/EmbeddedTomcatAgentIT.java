package co.interakt.capture.agent.it;

import co.interakt.capture.agent.it.Exchange.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** examples/embedded-tomcat: Tomcat 11 embedded on a flat class path. */
class EmbeddedTomcatAgentIT extends AgentScenario {
    @Override
    protected RunningApp launch(String name, List<String> jvmOptions, Map<String, String> environment) {
        return RunningApp.javaJar(getClass(), name, AgentSetup.existing("example.tomcat.jar"), "port", jvmOptions, environment);
    }

    /**
     * Plus a malformed form: Tomcat throws from {@code getParameter} and its default error page
     * prints the stack trace, which must be the application's own (no frame of the capture's
     * request wrapper), so the answers stay byte-identical.
     */
    @Override
    protected List<Request> requests() {
        List<Request> requests = new ArrayList<>(COMMON_REQUESTS);
        requests.add(Request.post("/signup", FORM, "email=%zz&name=Bad+Escape"));
        return requests;
    }
}
