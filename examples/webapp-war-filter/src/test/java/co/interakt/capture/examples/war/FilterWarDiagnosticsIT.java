package co.interakt.capture.examples.war;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.interakt.capture.sandbox.InteraktSandbox;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built WAR with the filter from its web.xml, logging left at the JVM's defaults: a signup the
 * app accepts but whose email the capture cannot use is reported by one WARNING at the default
 * level, a signup the app rejects (400) only counted; the Capture MXBean adds up; no posted value
 * is in any log line, with and without {@code interakt.trace}.
 */
class FilterWarDiagnosticsIT {
    private static final String CONTEXT = "/signup-webapp-filter";
    private static final String APP_ID = "war-diag-app";
    private static final String API_KEY = "war-diag-key";
    private static final String BAD_EMAIL = "ada-at-example-value";
    private static final String NAME = "Ada Value";
    private static final String CITY = "Pune-Value";
    private static final String PASSWORD = "pw-Value-1234";
    private static final String REJECTED_EMAIL = "rejected.value@example.com";
    private static final String CONTROL_EMAIL = "control.value@example.com";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String WARNING = "WARNING: Interakt capture: 1 signup on POST /signup not sent (rule signup): the email field does "
            + "not hold an email address; email taken from field email; fields seen: email, name, city, password. Fix: check that "
            + "interakt.rule.signup.email-fields names the email field and not another one. "
            + "[invalid-email; repeats are summed up at most every 5 minutes]";

    /** Every record the JVM's default configuration lets through (INFO and above), as the console would show it. */
    private static final class DefaultLevelLog extends Handler {
        private final SimpleFormatter formatter = new SimpleFormatter();
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord record) {
            lines.add(record.getLevel() + ": " + formatter.formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        long count(String text) {
            return lines.stream().filter(l -> l.contains(text)).count();
        }
    }

    @ParameterizedTest(name = "trace={0}")
    @ValueSource(booleans = {false, true})
    void anUnusableEmailIsReportedOnceARejectedSignupOnlyCountedAndNoValueLogged(boolean trace) throws Exception {
        Logger root = Logger.getLogger("");
        DefaultLevelLog log = new DefaultLevelLog();
        root.addHandler(log);
        Server jetty = new Server();
        try (InteraktSandbox sandbox = new InteraktSandbox(APP_ID, API_KEY).start(0)) {
            URI base = deploy(jetty, sandbox, trace);

            assertEquals(201, post(base, "email=" + BAD_EMAIL + "&name=Ada+Value&city=" + CITY + "&password=" + PASSWORD));
            assertEquals(201, post(base, "email=" + BAD_EMAIL + "&name=Ada+Value&city=" + CITY + "&password=" + PASSWORD));
            assertEquals(400, post(base, "email=" + REJECTED_EMAIL.replace("@", "%40") + "&name=Rejected"));
            assertEquals(201, post(base, "email=" + CONTROL_EMAIL.replace("@", "%40") + "&name=Control&password=" + PASSWORD));

            Map<String, Object> bean = captureBean();
            jetty.stop(); // delivers the queue and takes the MBean off JMX

            List<String> lines = List.copyOf(log.lines);
            assertAll(
                    () -> assertEquals(1, log.count(WARNING), "the first is reported, at the default level:\n" + String.join("\n", lines)),
                    () -> assertEquals(0, log.count("status-not-success;"), "no WARNING for the rejected signup"),
                    () -> assertEquals(4L, bean.get("Matched"), bean.toString()),
                    () -> assertEquals(1L, bean.get("Captured"), bean.toString()),
                    () -> assertEquals(3L, bean.get("Skipped"), bean.toString()),
                    () -> assertEquals(0L, bean.get("InternalErrors"), bean.toString()),
                    () -> assertEquals(Map.of("invalid-email", 2L, "status-not-success", 1L), bean.get("SkippedByReason")),
                    () -> assertEquals("status-not-success", bean.get("LastSkipReason")),
                    () -> assertEquals(List.of(CONTROL_EMAIL), sandbox.members().stream().map(m -> m.email()).toList()),
                    () -> assertEquals(Set.of(), ManagementFactory.getPlatformMBeanServer()
                            .queryNames(new ObjectName("co.interakt.capture:type=Capture,*"), null), "unregistered on undeploy"));
            for (String value : List.of(BAD_EMAIL, NAME, "Ada+Value", CITY, PASSWORD, REJECTED_EMAIL, CONTROL_EMAIL, "Rejected", API_KEY)) {
                assertTrue(lines.stream().noneMatch(l -> l.contains(value)), value + " is logged:\n" + String.join("\n", lines));
            }
            if (trace) {
                assertEquals(4, log.count("INFO: Interakt trace: rule=signup POST /signup "), String.join("\n", lines));
                assertEquals(1, log.count("INFO: Interakt trace: rule=signup POST /signup status=201 decision=captured target=members; "
                        + "fields: email, name, password; mapped: email<-email name<-name"), String.join("\n", lines));
            } else {
                assertEquals(0, log.count("Interakt trace"));
            }
        } finally {
            jetty.stop();
            root.removeHandler(log);
        }
    }

    private static URI deploy(Server jetty, InteraktSandbox sandbox, boolean trace) throws Exception {
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        WebAppContext webApp = new WebAppContext();
        webApp.setWar(war().toString());
        webApp.setContextPath(CONTEXT);
        webApp.setThrowUnavailableOnStartupException(true);
        webApp.setTempDirectory(Files.createTempDirectory("filter-war-diagnostics-it").toFile());
        webApp.setInitParameter("interakt.base-url", sandbox.baseUrl());
        webApp.setInitParameter("interakt.app-id", APP_ID);
        webApp.setInitParameter("interakt.api-key", API_KEY);
        webApp.setInitParameter("interakt.trace", Boolean.toString(trace));
        jetty.setHandler(webApp);
        jetty.start();
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + CONTEXT);
    }

    /** The Capture MXBean's attributes, read as a JMX console would. */
    private static Map<String, Object> captureBean() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("co.interakt.capture:type=Capture");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!server.isRegistered(name) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Map<String, Object> out = new TreeMap<>();
        for (String attribute : List.of("Matched", "Captured", "Skipped", "InternalErrors", "LastSkipReason", "LastSkipAt")) {
            out.put(attribute, server.getAttribute(name, attribute));
        }
        Map<String, Long> reasons = new TreeMap<>();
        for (Object row : ((TabularData) server.getAttribute(name, "SkippedByReason")).values()) {
            CompositeData entry = (CompositeData) row;
            reasons.put((String) entry.get("key"), (Long) entry.get("value"));
        }
        out.put("SkippedByReason", reasons);
        return out;
    }

    private static int post(URI base, String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/signup"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static Path war() {
        Path war = Path.of(System.getProperty("example.war", "target/signup-webapp-filter.war"));
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException(war + " does not exist: run through Maven (mvn verify)");
        }
        return war;
    }
}
