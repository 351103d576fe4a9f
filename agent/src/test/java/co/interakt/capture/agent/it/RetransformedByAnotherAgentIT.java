package co.interakt.capture.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.agent.it.Exchange.Request;
import co.interakt.capture.sandbox.InteraktSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * At premain our transformer is not retransformation-capable (the JVM would otherwise keep a copy of
 * every class's bytes). Another agent retransforming the servlet classes after they were woven must
 * not undo the weaving: the JVM reuses what a non-retransformable transformer returned at load.
 */
class RetransformedByAnotherAgentIT {
    @Test
    void aSignupIsStillCapturedAfterAnotherAgentRetransformedTheServletClasses() throws Exception {
        Path work = AgentSetup.workDir(getClass());
        Path trigger = work.resolve("retransform-now");
        Files.deleteIfExists(trigger);
        Files.deleteIfExists(Path.of(trigger + ".done"));
        Path otherAgent = RetransformingAgent.jar(work);
        try (InteraktSandbox sandbox = new InteraktSandbox(AgentSetup.APP_ID, AgentSetup.API_KEY).start(0);
                RunningApp app = RunningApp.javaJar(getClass(), "retransformed", AgentSetup.existing("example.jetty.jar"), "port",
                        AgentSetup.concat(AgentSetup.agentOptions(sandbox), List.of("-javaagent:" + otherAgent + "=" + trigger)),
                        AgentSetup.environment()).awaitReady()) {
            assertEquals(201, Exchange.send(app.base(),
                    Request.post("/signup", AgentScenario.FORM, "email=before%40example.com&name=Before&password=x1")).status());

            Files.writeString(trigger, "go");
            Path done = Path.of(trigger + ".done");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (!Files.exists(done) && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(done), "the other agent did not retransform:\n" + app.log());
            assertTrue(Integer.parseInt(Files.readString(done).strip()) > 0, "no class retransformed");

            assertEquals(201, Exchange.send(app.base(),
                    Request.post("/signup", AgentScenario.FORM, "email=after%40example.com&name=After&password=x2")).status());
            app.process().stop();

            assertEquals(List.of("before@example.com", "after@example.com"),
                    sandbox.received().stream().map(r -> r.email()).toList(), app.log());
        }
    }
}
