package co.interakt.capture.agent.it;

import java.util.List;
import java.util.Map;

/**
 * The javax filter, no agent: examples/webapp-war-javax declares it in its {@code web.xml} and
 * carries it (with the engine and its libraries) in {@code WEB-INF/lib}; embedded Tomcat 9 deploys
 * the WAR. The answers are compared with the same deployment with {@code interakt.enabled=false},
 * where the declared filter passes every request on untouched.
 */
class JavaxFilterOnTomcat9IT extends AgentScenario {
    @Override
    protected RunningApp launch(String name, List<String> jvmOptions, Map<String, String> environment) {
        List<String> options = AgentSetup.concat(jvmOptions, List.of("-Dwar=" + AgentSetup.existing("example.war-javax")));
        return RunningApp.javaMain(getClass(), name, AgentSetup.existing("example.tomcat9.jar"),
                "co.interakt.capture.examples.tomcat.TomcatWarApp", "port", options, environment);
    }

    @Override
    protected List<String> captureOptions() {
        return AgentSetup.settings(sandbox);
    }

    @Override
    protected List<String> baselineOptions() {
        return AgentSetup.concat(AgentSetup.settings(sandbox), List.of("-Dinterakt.enabled=false"));
    }

    @Override
    protected List<String> expectedStartupLog() {
        return List.of("Interakt capture in '': 1 rule(s), sending to " + sandbox.baseUrl());
    }
}
