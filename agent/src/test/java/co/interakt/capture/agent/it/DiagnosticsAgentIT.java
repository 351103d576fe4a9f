package co.interakt.capture.agent.it;

import co.interakt.capture.filter.harness.ChildProcess;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.filter.harness.BadInputs;
import co.interakt.capture.filter.harness.CaptureCounters;
import co.interakt.capture.sandbox.InteraktSandbox;
import co.interakt.capture.sandbox.ReceivedRequest;
import com.sun.tools.attach.VirtualMachine;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a user sees of skipped signups with the agent and nothing else configured (java.util.logging
 * at its defaults): a JSON signup whose email the rule cannot find is reported by one WARNING
 * that names the rule, the pattern, the fix and the field names; signups the app rejected are only
 * counted; the Capture MXBean, read over a JMX connection, adds up; no posted value reaches the
 * log, with or without the trace.
 */
class DiagnosticsAgentIT {
    private static final String HIDDEN_EMAIL = "hidden.person@example.com";
    private static final String NAME = "Hidden Person-Value";
    private static final String CITY = "Pune-Value";
    private static final String REJECTED_EMAIL = "rejected.person@example.com";
    private static final String CONTROL_EMAIL = "control.person@example.com";
    /** The email sits in a field no alias and no leaf name knows. */
    private static final String NO_KNOWN_EMAIL = "{\"account\":{\"name\":\"" + NAME + "\",\"contact\":\"" + HIDDEN_EMAIL
            + "\",\"city\":\"" + CITY + "\"}}";
    private static final String WARNING_TEXT = "Interakt capture: 1 signup on POST /signup not sent (rule signup): no email field; "
            + "fields seen: account.name, account.contact, account.city. Fix: set interakt.rule.signup.email-fields to the field "
            + "holding the email (nested names as a.b or a[b]). [missing-email; repeats are summed up at most every 5 minutes]";

    @ParameterizedTest(name = "trace={0}")
    @ValueSource(booleans = {false, true})
    void aSkippedSignupIsReportedOnceAtTheDefaultLevelRejectedOnesAreOnlyCountedAndNoValueIsLogged(boolean trace) throws Exception {
        try (InteraktSandbox sandbox = new InteraktSandbox(AgentSetup.APP_ID, AgentSetup.API_KEY).start(0)) {
            List<String> options = trace ? AgentSetup.concat(AgentSetup.agentOptions(sandbox), List.of("-Dinterakt.trace=true"))
                    : AgentSetup.agentOptions(sandbox);
            try (RunningApp app = launchWithDefaultLogging("trace-" + trace, options).awaitReady()) {
                // Accepted by the app (201), twice: the capture cannot find the email.
                assertEquals(201, post(app, "/signup", "application/json", NO_KNOWN_EMAIL, "reader").status());
                assertEquals(201, post(app, "/signup", "application/json", NO_KNOWN_EMAIL, "reader").status());
                // Rejected by the app: a form re-rendered with 200, a JSON answer 422.
                assertEquals(200, post(app, "/signup", BadInputs.FORM, "email=" + REJECTED_EMAIL.replace("@", "%40") + "&name=Rejected",
                        "params", "X-Status", "200").status());
                assertEquals(422, post(app, "/signup", "application/json", "{\"email\":\"" + REJECTED_EMAIL + "\"}", "reader",
                        "X-Status", "422").status());
                // And one that goes through.
                assertEquals(201, post(app, "/signup", BadInputs.FORM, "email=" + CONTROL_EMAIL.replace("@", "%40") + "&city=" + CITY,
                        "params").status());

                CaptureCounters counters = readOverJmx(app.process().pid());
                String logBeforeStop = app.log();
                app.process().stop();
                String log = app.log();

                assertAll(
                        () -> assertEquals(1, count(log, WARNING_TEXT), "one WARNING for the first, none for the repeat:\n" + log),
                        // (The repeat's summary, written when the capture stops, is not asserted: java.util.logging
                        // resets its handlers in a shutdown hook of its own, which may run first.)
                        () -> assertEquals(1, count(logBeforeStop, "WARNING: Interakt capture: "), "no WARNING for a rejected signup:\n" + log),
                        () -> assertEquals(new CaptureCounters(5, 1, 4, Map.of("missing-email", 2L, "status-not-success", 2L), 0,
                                "status-not-success", counters.lastSkipAt()), counters),
                        () -> assertTrue(counters.balanced() && counters.lastSkipAt() != null, counters.toString()),
                        () -> assertEquals(List.of("members " + CONTROL_EMAIL), sandbox.received().stream()
                                .map(r -> r.target() + " " + r.email()).toList()),
                        () -> assertEquals(CITY, sandbox.members().stream().findFirst().map(ReceivedRequest::attributes)
                                .map(a -> a.get("city")).orElse(null)));
                for (String value : List.of(HIDDEN_EMAIL, NAME, CITY, REJECTED_EMAIL, CONTROL_EMAIL, "Rejected", AgentSetup.API_KEY)) {
                    assertTrue(!log.contains(value), value + " is in the log:\n" + log);
                }
                if (trace) {
                    assertEquals(5, count(log, "INFO: Interakt trace: rule=signup "), log);
                    assertTrue(log.contains("INFO: Interakt trace: rule=signup POST /signup status=201 decision=captured target=members; "
                            + "fields: email, city; mapped: email<-email city<-city"), log);
                    assertTrue(log.contains("INFO: Interakt trace: rule=signup POST /signup status=200 decision=skipped (status-not-success: "), log);
                } else {
                    assertEquals(0, count(log, "Interakt trace"), log);
                }
            }
        }
    }

    /** The shop app with the JVM's own logging configuration: what a user who configured nothing sees. */
    private static RunningApp launchWithDefaultLogging(String name, List<String> jvmOptions) {
        int port = AgentSetup.freePort();
        var work = AgentSetup.workDir(DiagnosticsAgentIT.class);
        List<String> command = Stream.of(List.of(ChildProcess.java()), jvmOptions,
                List.of("-Dport=" + port, "-cp", FilterAndAgentIT.appClassPath(), EchoShopApp.class.getName()))
                .flatMap(List::stream).toList();
        ChildProcess process = ChildProcess.start(name, command, AgentSetup.environment(), work, work.resolve(name + ".log"));
        return new RunningApp(process, URI.create("http://127.0.0.1:" + port + "/shop"));
    }

    private static Exchange post(RunningApp app, String path, String contentType, String body, String read, String... headers) {
        String[] all = Stream.concat(Stream.of("X-Read", read), Stream.of(headers)).toArray(String[]::new);
        return Exchange.send(app.base(), "POST", path, contentType, body.getBytes(StandardCharsets.UTF_8), all);
    }

    private static long count(String log, String text) {
        long n = 0;
        for (int at = log.indexOf(text); at >= 0; at = log.indexOf(text, at + text.length())) {
            n++;
        }
        return n;
    }

    private static CaptureCounters readOverJmx(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
            return CaptureCounters.read(connector.getMBeanServerConnection());
        } finally {
            vm.detach();
        }
    }
}
