package co.interakt.capture.agent.it;

import co.interakt.capture.filter.harness.ChildProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.agent.it.Exchange.Request;
import co.interakt.capture.sandbox.InteraktSandbox;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The agent on an app that also registers the filter: a signup is captured once, and the app's own
 * copy of our filter and libraries (un-relocated, another "version" as far as the JVM can tell)
 * lives beside the agent's relocated copy without a clash. For both namespaces.
 */
class FilterAndAgentIT {

    /** An app that brings the filter itself, started with the given JVM options (the agent's among them). */
    enum App {
        /** Jetty 12, the jakarta filter registered in code, from this module's test class path. */
        JAKARTA_ON_JETTY_12 {
            @Override
            RunningApp launch(List<String> options) {
                int port = AgentSetup.freePort();
                Path work = AgentSetup.workDir(FilterAndAgentIT.class);
                List<String> command = Stream.of(List.of(ChildProcess.java()), options,
                        List.of("-Dport=" + port, "-cp", appClassPath(), FilterAndAgentApp.class.getName())).flatMap(List::stream).toList();
                ChildProcess process = ChildProcess.start(name(), command, AgentSetup.environment(), work, work.resolve(name() + ".log"));
                return new RunningApp(process, URI.create("http://127.0.0.1:" + port));
            }
        },
        /** Tomcat 9, the javax filter declared in the WAR's web.xml (examples/webapp-war-javax). */
        JAVAX_ON_TOMCAT_9 {
            @Override
            RunningApp launch(List<String> options) {
                return RunningApp.javaMain(FilterAndAgentIT.class, name(), AgentSetup.existing("example.tomcat9.jar"),
                        "co.interakt.capture.examples.tomcat.TomcatWarApp", "port",
                        AgentSetup.concat(options, List.of("-Dwar=" + AgentSetup.existing("example.war-javax"))), AgentSetup.environment());
            }
        };

        abstract RunningApp launch(List<String> options);
    }

    @ParameterizedTest
    @EnumSource(App.class)
    void aSignupIsSentOnceWhenFilterAndAgentAreBothInstalled(App which) throws Exception {
        try (InteraktSandbox sandbox = new InteraktSandbox(AgentSetup.APP_ID, AgentSetup.API_KEY).start(0);
                RunningApp app = which.launch(AgentSetup.agentOptions(sandbox)).awaitReady()) {
            Exchange answer = Exchange.send(app.base(), Request.post("/signup", AgentScenario.FORM,
                    "email=ada%40example.com&name=Ada+Lovelace&password=" + AgentScenario.PASSWORD));
            assertEquals(201, answer.status(), answer.bodyText());
            app.process().stop(); // both layers deliver what they queued on the way out

            String log = app.log();
            assertTrue(log.contains("Interakt capture agent ") && log.contains("Interakt capture in '': 1 rule(s)"),
                    "both the agent and the filter must be active:\n" + log);
            assertEquals(List.of("ada@example.com"), sandbox.received().stream().map(r -> r.email()).toList(), log);
        }
    }

    /** This module's test class path without its own (unshaded) agent classes: those must come from the jar. */
    static String appClassPath() {
        String agentClasses = Path.of("target", "classes").toAbsolutePath().toString();
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().toString().equals(agentClasses))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
