package co.interakt.capture.agent.it;

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
import org.junit.jupiter.api.Test;

/**
 * The agent on an app that also registers the filter: a signup is captured once, and the app's own
 * copy of our filter and libraries (un-relocated, another "version" as far as the JVM can tell)
 * lives beside the agent's relocated copy without a clash.
 */
class FilterAndAgentIT {
    @Test
    void aSignupIsSentOnceWhenFilterAndAgentAreBothInstalled() throws Exception {
        try (InteraktSandbox sandbox = new InteraktSandbox(AgentSetup.APP_ID, AgentSetup.API_KEY).start(0)) {
            int port = AgentSetup.freePort();
            Path work = AgentSetup.workDir(getClass());
            List<String> command = Stream.of(
                    List.of(ChildProcess.java()),
                    AgentSetup.agentOptions(sandbox),
                    List.of("-Dport=" + port, "-cp", appClassPath(), FilterAndAgentApp.class.getName())).flatMap(List::stream).toList();
            ChildProcess process = ChildProcess.start("filter-and-agent", command, AgentSetup.environment(), work, work.resolve("filter-and-agent.log"));
            try (RunningApp app = new RunningApp(process, URI.create("http://127.0.0.1:" + port)).awaitReady()) {
                Exchange answer = Exchange.send(app.base(), Request.post("/signup", AgentScenario.FORM,
                        "email=ada%40example.com&name=Ada+Lovelace&password=" + AgentScenario.PASSWORD));
                assertEquals(201, answer.status(), answer.bodyText());
                process.stop(); // both layers deliver what they queued on the way out

                String log = app.log();
                assertTrue(log.contains("Interakt capture agent ") && log.contains("Interakt capture in '': 1 rule(s)"),
                        "both the agent and the filter must be active:\n" + log);
                assertEquals(List.of("ada@example.com"), sandbox.received().stream().map(r -> r.email()).toList(), log);
            }
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
