package co.interakt.capture.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.filter.harness.BadInputs;
import co.interakt.capture.filter.harness.Multipart;
import co.interakt.capture.filter.harness.SenderJmx;
import co.interakt.capture.filter.harness.SensitiveForms;
import co.interakt.capture.sandbox.InteraktSandbox;
import co.interakt.capture.sandbox.ReceivedRequest;
import com.sun.tools.attach.VirtualMachine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;

/**
 * Nothing leaks through the agent: the sensitive forms of the filter ITs posted to an app running
 * with it, the API key (given through the environment) looked for in the whole child log and in the
 * sender's MBean read over a JMX connection, and a plain-http base URL to a remote host refused.
 */
class SecurityAgentIT {
    private static final String BASIC_TOKEN = Base64.getEncoder()
            .encodeToString((AgentSetup.APP_ID + ":" + AgentSetup.API_KEY).getBytes(StandardCharsets.UTF_8));

    @Test
    void noSensitiveFieldInAnyPayloadOrLogLineAndTheKeyNowhere() throws Exception {
        try (InteraktSandbox sandbox = new InteraktSandbox(AgentSetup.APP_ID, AgentSetup.API_KEY).start(0);
                RunningApp app = EchoShop.launch(getClass(), "sensitive", AgentSetup.agentOptions(sandbox), AgentSetup.environment())
                        .awaitReady()) {
            // The error paths first (a retry, then refused credentials), so the log and lastError have something to say.
            sandbox.respondNext(500).respondNext(401);
            post(app, BadInputs.FORM, "email=refused%40example.com", "params");
            assertTrue(sandbox.awaitReceived(2, java.time.Duration.ofSeconds(20)), sandbox.received().toString());

            List<String> expected = new ArrayList<>();
            for (String[] how : new String[][] {{"form", "params"}, {"form-stream", "stream"}}) {
                expected.add(how[0] + "@example.com");
                post(app, BadInputs.FORM, SensitiveForms.urlencoded(how[0] + "@example.com"), how[1]);
            }
            expected.add("json@example.com");
            post(app, "application/json", SensitiveForms.json("json@example.com"), "reader");
            for (int slice = 0; slice < SensitiveForms.MULTIPART_SLICES; slice++) {
                // "stream": the capture parses the raw multipart bytes itself (an unread body would only be
                // taken if it had arrived by the time the application answered).
                for (String read : List.of("parts", "stream")) {
                    String email = "multipart-" + read + "-" + slice + "@example.com";
                    expected.add(email);
                    Multipart form = SensitiveForms.multipart(email, slice);
                    assertEquals(201, Exchange.send(app.base(), "POST", "/signup", form.contentType(), form.bytes(), "X-Read", read).status());
                }
            }
            List<String> jmx = readSenderOverJmx(app.process().pid());
            app.process().stop();

            List<ReceivedRequest> members = sandbox.members();
            assertEquals(Set.copyOf(expected), members.stream().map(ReceivedRequest::email).collect(Collectors.toSet()));
            for (ReceivedRequest member : members) {
                assertEquals(Set.of("email", "name", "created_at"), member.attributes().keySet(), member.body());
                assertEquals(Map.of("plan", "pro"), member.customFields(), member.body());
                assertEquals(List.of(), SensitiveForms.leaksIn(member.body()), member.body());
            }
            String log = app.log();
            assertEquals(List.of(), SensitiveForms.leaksIn(log), log);
            assertTrue(log.contains("INTERAKT_API_KEY") && jmx.toString().contains("HTTP 401"), "the error paths were taken:\n" + log + jmx);
            for (String secret : List.of(AgentSetup.API_KEY, BASIC_TOKEN)) {
                assertFalse(log.contains(secret), "the key in the log:\n" + log);
                assertFalse(jmx.toString().contains(secret), "the key on JMX: " + jmx);
            }
        }
    }

    @Test
    void plainHttpToARemoteHostIsRefusedAndTheAppRunsWithoutCapture() throws Exception {
        List<String> options = List.of("-javaagent:" + AgentSetup.agentJar() + "=rule.signup.paths=/signup",
                "-Dinterakt.app-id=" + AgentSetup.APP_ID, "-Dinterakt.base-url=http://app.interakt.co/api/v1");
        try (RunningApp app = EchoShop.launch(getClass(), "plain-http", options, AgentSetup.environment()).awaitReady()) {
            assertEquals(201, post(app, BadInputs.FORM, "email=clear%40example.com", "params").status());
            app.process().stop();

            String log = app.log();
            assertTrue(log.contains("SEVERE") && log.contains("interakt.base-url: 'http://app.interakt.co/api/v1'")
                    && log.contains("plain http to a remote host") && log.contains("capture is disabled"), log);
            assertFalse(log.contains(AgentSetup.API_KEY), log);
        }
    }

    private static Exchange post(RunningApp app, String contentType, String body, String read) {
        Exchange answer = Exchange.send(app.base(), "POST", "/signup", contentType, body.getBytes(StandardCharsets.UTF_8), "X-Read", read);
        assertEquals(201, answer.status(), answer.bodyText());
        return answer;
    }

    /** Every attribute of the child's sender MBean, as a JMX console connected to it would show them. */
    private static List<String> readSenderOverJmx(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
            return SenderJmx.of(connector.getMBeanServerConnection()).everyAttributeAsText();
        } finally {
            vm.detach();
        }
    }
}
