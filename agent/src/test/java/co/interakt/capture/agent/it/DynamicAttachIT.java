package co.interakt.capture.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.agent.it.Exchange.Request;
import co.interakt.capture.sandbox.InteraktSandbox;
import com.sun.tools.attach.VirtualMachine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agent attached to a running app ({@code agentmain}) whose servlet classes are already loaded
 * and in use: retransformation must advise them anyway.
 */
class DynamicAttachIT {
    @Test
    void attachedToARunningAppItCapturesTheNextSignup() throws Exception {
        try (InteraktSandbox sandbox = new InteraktSandbox(AgentSetup.APP_ID, AgentSetup.API_KEY).start(0);
                RunningApp app = RunningApp.javaJar(getClass(), "attached", AgentSetup.existing("example.jetty.jar"), "port",
                        AgentSetup.settings(sandbox), AgentSetup.environment()).awaitReady()) {
            Request signup = Request.post("/signup", AgentScenario.FORM, "email=before%40example.com&name=Before&password=x1");
            assertEquals(201, Exchange.send(app.base(), signup).status()); // HttpServlet loaded and used, no agent yet

            VirtualMachine vm = VirtualMachine.attach(Long.toString(app.process().pid()));
            try {
                vm.loadAgent(AgentSetup.agentJar().toString(), "rule.signup.paths=/signup");
            } finally {
                vm.detach();
            }
            assertEquals(201, Exchange.send(app.base(),
                    Request.post("/signup", AgentScenario.FORM, "email=after%40example.com&name=After&password=x2")).status());
            app.process().stop();

            String log = app.log();
            assertTrue(log.contains("(attached): 1 rule(s) [signup: POST /signup -> members]"), log);
            assertEquals(List.of("after@example.com"), sandbox.received().stream().map(r -> r.email()).toList(), log);
        }
    }
}
