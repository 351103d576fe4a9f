package co.interakt.capture.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.agent.it.Exchange.Request;
import co.interakt.capture.sandbox.InteraktSandbox;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A configuration mistake switches capture off with one clear line; the app starts and serves as usual. */
class BrokenConfigurationIT {
    @Test
    void theAppStartsAndServesWhileTheLogNamesTheKeyAndTheFix() throws Exception {
        try (InteraktSandbox sandbox = new InteraktSandbox(AgentSetup.APP_ID, AgentSetup.API_KEY).start(0)) {
            List<String> options = AgentSetup.concat(
                    List.of("-javaagent:" + AgentSetup.agentJar() + "=rule.signup.target=member"), AgentSetup.settings(sandbox));
            try (RunningApp app = RunningApp.javaJar(getClass(), "broken-configuration", AgentSetup.existing("example.jetty.jar"), "port",
                    options, AgentSetup.environment()).awaitReady()) {
                Exchange signup = Exchange.send(app.base(),
                        Request.post("/signup", AgentScenario.FORM, "email=ada%40example.com&name=Ada&password=x"));
                assertEquals(201, signup.status());
                app.process().stop();

                String log = app.log();
                assertTrue(log.contains("SEVERE: Interakt capture agent ") && log.contains("invalid configuration: interakt.rule.signup.target: "
                        + "unknown target 'member' (fix: use 'members' or 'leads'); capture is disabled, the application runs without it"), log);
                assertEquals(0, sandbox.receivedCount());
            }
        }
    }
}
